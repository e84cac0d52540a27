/**
 * The fuzzer: sends `runs` generated operations (seeded, so a failure can be replayed), then
 * the requests of issue 11, to the service in a child process, and reports every
 * finding: a 5xx, an INTERNAL_SERVER_ERROR anywhere in an answer, no answer, a write that reached
 * a provider from an operation that was refused (or from a query), an error or fatal log line,
 * and a service that is no longer alive at the end.
 *
 * Queries run a few at a time; each mutation runs alone, between a look at the providers' write
 * logs before and after, so every write is attributed to the operation that made it.
 */
import fc from 'fast-check';
import { buildSchema } from '../../src/graphql/schema';
import { startChildService } from './child-service';
import { operations, targets, type FuzzOperation } from './operations';
import { ISSUE_REQUESTS } from './regressions';

export interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  /** Queries in flight at once. Default 8. */
  readonly concurrency?: number;
  /** Progress lines (the script prints them). */
  readonly progress?: (line: string) => void;
}

export interface Finding {
  readonly kind: string;
  readonly target: string;
  readonly detail: string;
  /** The operation, to replay it. */
  readonly query?: string;
}

export interface FuzzReport {
  readonly runs: number;
  readonly seed: number;
  readonly durationMs: number;
  /** Operations sent, regressions included, by HTTP status. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Generated operations by root field, and how many were answered 200 with data. */
  readonly targets: Readonly<Record<string, { sent: number; answeredWithData: number }>>;
  /** Every root field of the schema, to compare with `targets`. */
  readonly schemaTargets: readonly string[];
  readonly writes: number;
  readonly findings: readonly Finding[];
  readonly aliveAtEnd: boolean;
  /** The slowest answers, to see where the time goes. */
  readonly slowest: readonly { readonly ms: number; readonly target: string; readonly status: number | null; readonly query: string }[];
  /** The answers to the requests of issue 11: status and error codes (sorted). */
  readonly regressions: readonly { readonly name: string; readonly status: number | null; readonly codes: readonly string[] }[];
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: { data?: Record<string, unknown> | null; errors?: unknown[] } | null;
}

/** Generated operations are produced in chunks, so a long run never holds them all. */
const CHUNK = 250;

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const schema = buildSchema();
  const service = await startChildService();
  const findings: Finding[] = [];
  const statuses: Record<string, number> = {};
  const byTarget: Record<string, { sent: number; answeredWithData: number }> = {};
  let writes = 0;
  const regressions: { name: string; status: number | null; codes: string[] }[] = [];
  const timings: { ms: number; target: string; status: number | null; query: string }[] = [];

  const send = async (operation: FuzzOperation): Promise<Answer | null> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (operation.caller.kind === 'scopes') headers.authorization = `Bearer ${await service.token(operation.caller.scopes)}`;
    if (operation.caller.kind === 'garbage') headers.authorization = operation.caller.header;
    const sentAt = Date.now();
    try {
      const res = await fetch(service.graphqlUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: operation.query, ...(operation.variables && { variables: operation.variables }) }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let body: Answer['body'] = null;
      try {
        body = JSON.parse(text) as Answer['body'];
      } catch {
        body = null;
      }
      timings.push({ ms: Date.now() - sentAt, target: operation.target, status: res.status, query: operation.query.slice(0, 300) });
      return { status: res.status, text, body };
    } catch (error) {
      findings.push({ kind: 'no answer', target: operation.target, detail: error instanceof Error ? error.message : String(error), query: operation.query });
      return null;
    }
  };

  /** Checks every answer must pass. */
  const check = (operation: FuzzOperation, answer: Answer | null) => {
    if (!answer) return;
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    const stats = (byTarget[operation.target] ??= { sent: 0, answeredWithData: 0 });
    stats.sent += 1;
    if (answer.status === 200 && answer.body?.data) stats.answeredWithData += 1;
    const replay = { target: operation.target, query: operation.query.slice(0, 2000) };
    if (answer.status >= 500) findings.push({ kind: '5xx', detail: `HTTP ${answer.status}: ${answer.text.slice(0, 500)}`, ...replay });
    if (answer.text.includes('INTERNAL_SERVER_ERROR')) findings.push({ kind: 'INTERNAL_SERVER_ERROR', detail: answer.text.slice(0, 500), ...replay });
    if (!answer.body) findings.push({ kind: 'not JSON', detail: answer.text.slice(0, 200), ...replay });
  };

  /**
   * What reached the providers' write routes since the last look: the writes CDC and debt
   * collection applied (their write logs only grow, a few entries), and RecoveryConnect's PUTs
   * (it has no write log: its request log, cleared at each look).
   */
  let seenApplied = 0;
  const writesSinceLastLook = async (): Promise<{ applied: number; puts: number }> => {
    const [rc, cdc, dc] = await Promise.all([service.sims.recoveryConnect.requests(), service.sims.cdc.writes(), service.sims.debtCollection.writes()]);
    await service.sims.recoveryConnect.clearRequests();
    const logged = cdc.length + dc.length;
    const applied = logged - seenApplied;
    seenApplied = logged;
    return { applied, puts: rc.filter((request) => request.method === 'PUT').length };
  };

  /**
   * A mutation alone. Writes applied may not outnumber its successes, and a PUT may only have
   * been sent for a result that came from the provider (a success, or the provider's own no: not
   * found, conflict, rate limit, a refused value); an operation the graph refused sent nothing.
   */
  const runMutation = async (operation: FuzzOperation) => {
    const before = await writesSinceLastLook();
    if (before.applied + before.puts > 0) findings.push({ kind: 'write outside a mutation', target: 'queries before this mutation', detail: JSON.stringify(before) });
    const answer = await send(operation);
    check(operation, answer);
    const made = await writesSinceLastLook();
    writes += made.applied + made.puts;
    const outcome = outcomesOf(answer);
    const problem =
      made.applied > outcome.successes
        ? `${made.applied} write(s) applied, ${outcome.successes} success(es)`
        : made.puts > outcome.successes + outcome.providerAnswers
          ? `${made.puts} PUT(s) sent, ${outcome.successes} success(es) and ${outcome.providerAnswers} answer(s) from the provider`
          : null;
    if (problem) {
      findings.push({
        kind: outcome.successes + outcome.providerAnswers === 0 ? 'write from a refused operation' : 'more writes than results allow',
        target: operation.target,
        detail: `${problem}; HTTP ${answer?.status ?? 'none'}: ${answer?.text.slice(0, 300) ?? ''}`,
        query: `${operation.query.slice(0, 2000)} variables: ${JSON.stringify(operation.variables ?? {}).slice(0, 500)}`,
      });
    }
  };

  const inFlight = new Set<Promise<void>>();
  const runQuery = async (operation: FuzzOperation) => {
    while (inFlight.size >= (options.concurrency ?? 8)) await Promise.race(inFlight);
    const done = send(operation).then((answer) => {
      check(operation, answer);
    });
    const tracked = done.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  try {
    const arbitrary = operations(schema);
    for (let offset = 0; offset < options.runs; offset += CHUNK) {
      const batch = fc.sample(arbitrary, { seed: options.seed + offset, numRuns: Math.min(CHUNK, options.runs - offset) });
      for (const operation of batch) {
        if (operation.isMutation) {
          await Promise.all(inFlight);
          await runMutation(operation);
        } else {
          await runQuery(operation);
        }
      }
      await Promise.all(inFlight);
      options.progress?.(`${Math.min(offset + CHUNK, options.runs)}/${options.runs} operations, ${findings.length} finding(s), ${Math.round((Date.now() - started) / 1000)} s`);
      if (!service.alive()) break;
    }
    await Promise.all(inFlight);
    // The requests of issue 11, each as the issue sent it (last: one opens RecoveryConnect's breaker).
    for (const regression of ISSUE_REQUESTS) {
      await regression.before?.(service.sims);
      const answer = await send(regression.operation);
      check(regression.operation, answer);
      regressions.push({ name: regression.name, status: answer?.status ?? null, codes: codesOf(answer) });
      await regression.after?.(service.sims);
      if (!service.alive()) findings.push({ kind: 'process died', target: regression.operation.target, detail: regression.name, query: regression.operation.query });
    }
    const leftover = await writesSinceLastLook();
    if (leftover.applied + leftover.puts > 0) findings.push({ kind: 'write outside a mutation', target: 'queries at the end', detail: JSON.stringify(leftover) });

    const health = service.alive() ? await fetch(service.healthUrl).then((res) => res.status, () => 0) : 0;
    const aliveAtEnd = service.alive() && health === 200;
    if (!aliveAtEnd) findings.push({ kind: 'process died', target: 'end', detail: `alive: ${String(service.alive())}, /health: ${health}` });
    for (const line of service.logLines) {
      if (typeof line.level === 'number' && line.level >= 50) {
        findings.push({ kind: line.level >= 60 ? 'fatal log line' : 'error log line', target: 'log', detail: JSON.stringify(line).slice(0, 800) });
      }
    }
    return {
      runs: options.runs,
      seed: options.seed,
      durationMs: Date.now() - started,
      statuses,
      targets: byTarget,
      schemaTargets: targets(schema),
      writes,
      findings,
      aliveAtEnd,
      regressions,
      slowest: timings.sort((a, b) => b.ms - a.ms).slice(0, 10),
    };
  } finally {
    await service.close();
  }
}

/** Result types that are the provider's own answer to a write it received (nothing applied). */
const PROVIDER_ANSWERS: ReadonlySet<string> = new Set(['NotFoundError', 'ConflictError', 'RateLimitedError', 'ProviderError', 'CdcStatusNotPermitted']);

/**
 * The root results of a mutation's answer: successes (`…Success`), and answers that came from the
 * provider after it received the write (a ValidationError counts only when every field error is
 * the provider's, REJECTED_BY_PROVIDER). Everything else the graph refused before sending.
 */
function outcomesOf(answer: Answer | null): { successes: number; providerAnswers: number } {
  const data = answer?.status === 200 ? answer.body?.data : null;
  let successes = 0;
  let providerAnswers = 0;
  for (const value of Object.values(data ?? {})) {
    if (typeof value !== 'object' || value === null) continue;
    const result = value as { __typename?: unknown; fieldErrors?: { code?: unknown }[] };
    const typename = typeof result.__typename === 'string' ? result.__typename : '';
    if (typename.endsWith('Success')) successes += 1;
    else if (PROVIDER_ANSWERS.has(typename)) providerAnswers += 1;
    else if (typename === 'ValidationError' && result.fieldErrors?.length && result.fieldErrors.every((error) => error.code === 'REJECTED_BY_PROVIDER')) providerAnswers += 1;
  }
  return { successes, providerAnswers };
}

function codesOf(answer: Answer | null): string[] {
  return (answer?.body?.errors ?? [])
    .map((error) => {
      const extensions = typeof error === 'object' && error !== null && 'extensions' in error ? error.extensions : null;
      const code = typeof extensions === 'object' && extensions !== null && 'code' in extensions ? extensions.code : null;
      return typeof code === 'string' ? code : 'NONE';
    })
    .sort();
}
