/**
 * Every fault against every provider's read, through GraphQL over HTTP: the graph either
 * recovers transparently (a read is safe to repeat) or answers a typed PROVIDER_ERROR, within
 * the request's deadline, and never writes anything. Each case also counts the attempts the
 * simulator saw: a read is tried at most 3 times (the first and 2 retries).
 */
import type { FaultSpec } from '../support/sim-control';
import { startStack, type TestStack } from '../support/stack';
import { onlyError, READS, resetSimulators, timed, type ProviderRead } from './support';

const CALL_TIMEOUT_MS = 250;
const DEADLINE_MS = 3_000;

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({
    providerTimeoutMs: CALL_TIMEOUT_MS,
    // The breaker has its own suite: here every case must reach the simulator.
    resilience: { requestDeadlineMs: DEADLINE_MS, breaker: { consecutiveFailures: 10_000, halfOpenAfterMs: 60_000 } },
  });
  // Logins and first connections done, so the attempts counted below are the faults' alone.
  for (const read of READS) expect((await stack.gql(read.query)).errors).toBeUndefined();
  await resetSimulators(stack);
});
afterAll(async () => {
  await stack.close();
});
afterEach(async () => {
  await resetSimulators(stack);
});

type Fault = Omit<FaultSpec, 'method' | 'path'>;

/** What the graph answers: the data, or one PROVIDER_ERROR (RATE_LIMITED for a provider's 429). */
type Outcome =
  | { readonly recovers: true }
  | {
      readonly message: string;
      readonly retryable: boolean;
      readonly retryAfterSeconds?: number;
      readonly code?: 'PROVIDER_ERROR' | 'RATE_LIMITED';
      /** The provider answered in its own envelope, which names the call (CDC's request_code). */
      readonly answered?: boolean;
    };

interface Case {
  readonly name: string;
  readonly fault: Fault;
  readonly outcome: (read: ProviderRead) => Outcome;
  /** Requests the simulator saw on the read's route. */
  readonly attempts: (read: ProviderRead) => number;
}

const ALWAYS = 0;
const recovers = (): Outcome => ({ recovers: true });
const fails =
  (text: string, retryable = true, retryAfterSeconds?: number) =>
  (read: ProviderRead): Outcome => ({
    message: `${read.label} ${text}`,
    retryable,
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
  });
/** A provider's own error answer: the same, with the call's reference where the provider gives one. */
const answers =
  (text: string, retryable = true, retryAfterSeconds?: number) =>
  (read: ProviderRead): Outcome => ({ ...fails(text, retryable, retryAfterSeconds)(read), answered: true });
/**
 * A 429: RATE_LIMITED. Without a Retry-After, RecoveryConnect's is read as Laravel's throttle
 * window, 60 s (see its raw.ts); the others name none.
 */
const rateLimited =
  (retryAfterSeconds?: number) =>
  (read: ProviderRead): Outcome => ({
    ...answers('is rate limiting requests.', true, retryAfterSeconds ?? (read.provider === 'RECOVERY_CONNECT' ? 60 : undefined))(read),
    code: 'RATE_LIMITED',
  });
/** Providers whose error answers name the call (CDC's envelope `request_code`). */
const hasReference = (read: ProviderRead) => read.provider === 'CDC';
/** Debt collection's own error answers (its 401 for a bad key) carry its `traceId`, 32 hex digits. */
const hasTraceId = (read: ProviderRead, fault: Fault) => read.provider === 'DEBT_COLLECTION' && fault.expiredToken === true;
const attempts = (count: number) => () => count;
const hasTokens = (read: ProviderRead) => read.provider !== 'DEBT_COLLECTION';

/** How each client names an answer without its contract's body. */
const UNREADABLE: Record<ProviderRead['provider'], string> = {
  RECOVERY_CONNECT: 'answer without a data envelope',
  CDC: 'answer without the CDC envelope',
  DEBT_COLLECTION: 'cases answer without a result list',
};
const unreadable = (read: ProviderRead): Outcome => ({
  message: `${read.label} sent an answer that could not be read (${UNREADABLE[read.provider]}).`,
  retryable: true,
});

const CASES: readonly Case[] = [
  // HTTP statuses
  { name: 'a 503 once', fault: { status: 503 }, outcome: recovers, attempts: attempts(2) },
  { name: 'a 503 on every attempt', fault: { status: 503, times: ALWAYS }, outcome: answers('answered with an error (HTTP 503).'), attempts: attempts(3) },
  { name: 'a 503 with a Retry-After that fits the deadline', fault: { status: 503, retryAfterSeconds: 1 }, outcome: recovers, attempts: attempts(2) },
  {
    name: 'a 429 whose Retry-After does not fit the deadline',
    fault: { status: 429, retryAfterSeconds: 60, times: ALWAYS },
    outcome: rateLimited(60),
    attempts: attempts(1),
  },
  { name: 'a 429 without Retry-After', fault: { status: 429, times: ALWAYS }, outcome: rateLimited(), attempts: attempts(1) },
  // the connection
  { name: 'a reset once', fault: { reset: true }, outcome: recovers, attempts: attempts(2) },
  { name: 'a reset on every attempt', fault: { reset: true, times: ALWAYS }, outcome: fails('could not be reached (ECONNRESET).'), attempts: attempts(3) },
  { name: 'a short delay', fault: { delayMs: 100 }, outcome: recovers, attempts: attempts(1) },
  { name: 'a delay beyond the call timeout once', fault: { delayMs: 2_000 }, outcome: recovers, attempts: attempts(2) },
  {
    name: 'a delay beyond the call timeout on every attempt',
    fault: { delayMs: 2_000, times: ALWAYS },
    outcome: fails('did not answer in time (headers timeout).'),
    attempts: attempts(3),
  },
  // the body
  { name: 'a truncated body once', fault: { phase: 'after', corrupt: 'truncated' }, outcome: recovers, attempts: attempts(2) },
  {
    name: 'a truncated body on every attempt',
    fault: { phase: 'after', corrupt: 'truncated', times: ALWAYS },
    outcome: fails('could not be reached (UND_ERR_SOCKET).'),
    attempts: attempts(3),
  },
  { name: 'invalid JSON with a 200', fault: { phase: 'after', corrupt: 'invalid', times: ALWAYS }, outcome: unreadable, attempts: attempts(1) },
  { name: 'an empty 200', fault: { corrupt: 'empty', times: ALWAYS }, outcome: unreadable, attempts: attempts(1) },
  { name: 'an HTML 200', fault: { corrupt: 'html', times: ALWAYS }, outcome: unreadable, attempts: attempts(1) },
  { name: 'an HTML 502 page once', fault: { status: 502, corrupt: 'html' }, outcome: recovers, attempts: attempts(2) },
  {
    name: 'an HTML 502 page on every attempt',
    fault: { status: 502, corrupt: 'html', times: ALWAYS },
    outcome: fails('answered with an error (HTTP 502).'),
    attempts: attempts(3),
  },
  { name: 'a body that stalls once', fault: { phase: 'after', stallAfterBytes: 8 }, outcome: recovers, attempts: attempts(2) },
  {
    name: 'a body that stalls on every attempt',
    fault: { phase: 'after', stallAfterBytes: 8, times: ALWAYS },
    outcome: fails('did not answer in time (body timeout).'),
    attempts: attempts(3),
  },
  // credentials
  {
    name: 'an expired token once',
    fault: { expiredToken: true },
    // A new login and the same read again; debt collection has no tokens: its 401 is a bad key.
    outcome: (read) => (hasTokens(read) ? { recovers: true } : answers('refused our credentials (HTTP 401); check the configured credentials.', false)(read)),
    attempts: (read) => (hasTokens(read) ? 2 : 1),
  },
  {
    name: 'an expired token on every attempt',
    fault: { expiredToken: true, times: ALWAYS },
    outcome: answers('refused our credentials (HTTP 401); check the configured credentials.', false),
    attempts: (read) => (hasTokens(read) ? 2 : 1),
  },
];

describe.each(READS)('$label read', (read) => {
  it.each(CASES)('$name', async ({ fault, outcome, attempts: expectedAttempts }) => {
    const sim = read.sim(stack);
    await sim.fault({ method: read.method, path: read.path, ...fault });

    const { result: answer, ms } = await timed(() => stack.gql(read.query));

    const expected = outcome(read);
    if ('recovers' in expected) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.[read.field]).toEqual(expect.any(Object));
    } else {
      expect(answer.data).toEqual({ [read.field]: null });
      const error = onlyError(answer);
      expect(error.message).toBe(expected.message);
      expect(error.extensions).toEqual({
        code: expected.code ?? 'PROVIDER_ERROR',
        provider: read.provider,
        retryable: expected.retryable,
        ...(expected.retryAfterSeconds !== undefined && { retryAfterSeconds: expected.retryAfterSeconds }),
        ...(expected.answered === true && hasReference(read) && { providerReference: expect.stringMatching(/^[0-9a-f-]{36}$/) as string }),
        ...(hasTraceId(read, fault) && { providerReference: expect.stringMatching(/^[0-9a-f]{32}$/) as string }),
      });
    }
    const seen = (await sim.requests()).filter((request) => request.method === read.method && request.path === read.path);
    expect(seen).toHaveLength(expectedAttempts(read));
    if (fault.retryAfterSeconds !== undefined && 'recovers' in expected) {
      // The repeat waited what Retry-After asked for.
      const [first, second] = seen.map((request) => Date.parse(request.time));
      expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(fault.retryAfterSeconds * 1000 - 10);
    }
    // Bounded by the request's deadline, whatever the fault (plus the simulators' own overhead).
    expect(ms).toBeLessThan(DEADLINE_MS + 1_000);
    // Reads never write.
    expect(await stack.sims.cdc.writes()).toEqual([]);
    expect(await stack.sims.debtCollection.writes()).toEqual([]);
  });
});

describe('the fault routes', () => {
  it('exist only on the simulators, never on the graph', async () => {
    const graphRoot = stack.graphqlUrl.replace(/\/graphql$/, '');
    const res = await fetch(`${graphRoot}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":503}' });
    expect(res.status).toBe(404);
  });

  it('leave a process that still answers every provider after all the cases above', async () => {
    for (const read of READS) {
      const answer = await stack.gql(read.query);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.[read.field]).toEqual(expect.any(Object));
    }
  });
});
