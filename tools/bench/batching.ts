/**
 * `npm run bench -- --scenario batching`: what per-request batching buys, measured side by side
 * in one run (the bench of issue 9, kept as it was).
 *
 * Against the simulators over real sockets, rounds alternate between
 *   batched — one `_entities` operation with 100 Assignment representations (as a router sends them)
 *   unbatched — 100 concurrent `assignment(id:)` operations, one id each
 *   single — one `assignment(id:)` operation, the floor
 *   cases-batched — one `_entities` operation with 100 DebtCase representations (50 ids a provider call)
 *   cases-unbatched — 100 concurrent `debtCase(...)` operations
 * and report medians, p90 and the ratios, plus the provider calls each scenario made.
 * Interleaving rounds keeps machine noise from favouring one scenario.
 */
import { performance } from 'node:perf_hooks';
import type { RawDebtorCases } from '../../src/providers/debt-collection/raw';
import { generatedAssignments } from '../../test/support/assignments';
import { startStack, type TestStack } from '../../test/support/stack';

const WARMUP = 3;
const IDS = generatedAssignments(100).map((assignment) => String(assignment.id));
const CASE_IDS = Array.from({ length: 100 }, (_, index) => `bench-case-${index}`);

/** One debtor per case, each with one open EUR debt. */
const DEBTORS: RawDebtorCases[] = CASE_IDS.map((caseId, index) => ({
  debtorId: String(9_000_000 + index),
  block: null,
  agencyCollectionCases: [
    {
      agencyCollectionCaseId: caseId,
      publicCollectionCaseId: null,
      collectionCaseIds: [`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`],
      closure: null,
      debts: [
        {
          debtId: `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`,
          originalAmount: 100,
          canceledAmount: 0,
          paidAmount: 25.5,
          currency: 'EUR',
          type: 'PRINCIPAL_CLAIM',
          block: null,
        },
      ],
    },
  ],
}));

const scenarios: Record<string, (stack: TestStack) => Promise<unknown>> = {
  batched: (stack) =>
    stack.gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { id orderType } } }', {
      r: IDS.map((id) => ({ __typename: 'Assignment', id })),
    }),
  unbatched: (stack) =>
    Promise.all(IDS.map((id) => stack.gql('query ($id: ID!) { assignment(id: $id) { id orderType } }', { id }))),
  single: (stack) => stack.gql('query ($id: ID!) { assignment(id: $id) { id orderType } }', { id: IDS[0] }),
  'cases-batched': (stack) =>
    stack.gql(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on DebtCase { agencyCollectionCaseId isClosed } } }',
      { r: CASE_IDS.map((agencyCollectionCaseId) => ({ __typename: 'DebtCase', agencyCollectionCaseId })) },
    ),
  'cases-unbatched': (stack) =>
    Promise.all(
      CASE_IDS.map((id) =>
        stack.gql('query ($id: ID!) { debtCase(agencyCollectionCaseId: $id) { agencyCollectionCaseId isClosed } }', { id }),
      ),
    ),
};

/** Which simulator a scenario talks to, to count its provider calls. */
const simOf = (name: string, stack: TestStack) => (name.startsWith('cases') ? stack.sims.debtCollection : stack.sims.recoveryConnect);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

const out = (line = '') => process.stdout.write(`${line}\n`);

export async function runBatching(rounds: number): Promise<void> {
  const stack = await startStack({
    simulator: { assignments: generatedAssignments(100) },
    // The bench sends thousands of reads a minute; the documented 1000/min would turn it into a 429 test.
    debtCollectionSimulator: { debtors: DEBTORS, rateLimitPerMinute: 1_000_000 },
  });
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]));
  const upstreamCalls: Record<string, number> = {};
  const failedAnswers: Record<string, number> = {};
  try {
    for (let round = 0; round < WARMUP + rounds; round++) {
      for (const [name, run] of Object.entries(scenarios)) {
        await simOf(name, stack).clearRequests();
        const started = performance.now();
        const answers = [await run(stack)].flat() as { errors?: unknown }[];
        const elapsed = performance.now() - started;
        // A fast failure is not a fast answer: count operations that came back with errors.
        failedAnswers[name] = (failedAnswers[name] ?? 0) + answers.filter((answer) => answer.errors !== undefined).length;
        if (round < WARMUP) continue;
        samples[name]?.push(elapsed);
        upstreamCalls[name] = (await simOf(name, stack).requests()).filter((request) => request.path !== '/api/v140/auth').length;
      }
    }
  } finally {
    await stack.close();
  }

  const median = (name: string) => percentile([...(samples[name] ?? [])].sort((a, b) => a - b), 0.5);
  out(`node ${process.version}, ${rounds} interleaved rounds after ${WARMUP} warm-up rounds\n`);
  out('scenario           median ms   p90 ms   provider calls   failed operations (all rounds)');
  for (const name of Object.keys(scenarios)) {
    const sorted = [...(samples[name] ?? [])].sort((a, b) => a - b);
    out(
      `${name.padEnd(17)}  ${median(name).toFixed(1).padStart(9)}  ${percentile(sorted, 0.9).toFixed(1).padStart(7)}   ${String(upstreamCalls[name] ?? 0).padStart(14)}   ${String(failedAnswers[name] ?? 0).padStart(8)}`,
    );
  }
  out(`\nunbatched / batched median: ${(median('unbatched') / median('batched')).toFixed(1)}x`);
  out(`batched / single median:    ${(median('batched') / median('single')).toFixed(1)}x`);
  out(`cases: unbatched / batched: ${(median('cases-unbatched') / median('cases-batched')).toFixed(1)}x`);
}
