/**
 * `npm run bench`: what per-request batching buys, measured side by side in one run.
 *
 * Against the simulator over real sockets, rounds alternate between
 *   batched — one `_entities` operation with 100 Assignment representations (as a router sends them)
 *   unbatched — 100 concurrent `assignment(id:)` operations, one id each
 *   single — one `assignment(id:)` operation, the floor
 * and report medians, p90 and the ratio, plus the provider calls each scenario made.
 * Interleaving rounds keeps machine noise from favouring one scenario.
 */
import { performance } from 'node:perf_hooks';
import { generatedAssignments } from '../test/support/assignments';
import { startStack, type TestStack } from '../test/support/stack';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = 3;
const IDS = generatedAssignments(100).map((assignment) => String(assignment.id));

const scenarios: Record<string, (stack: TestStack) => Promise<unknown>> = {
  batched: (stack) =>
    stack.gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { id orderType } } }', {
      r: IDS.map((id) => ({ __typename: 'Assignment', id })),
    }),
  unbatched: (stack) =>
    Promise.all(IDS.map((id) => stack.gql('query ($id: ID!) { assignment(id: $id) { id orderType } }', { id }))),
  single: (stack) => stack.gql('query ($id: ID!) { assignment(id: $id) { id orderType } }', { id: IDS[0] }),
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

async function main(): Promise<void> {
  const stack = await startStack({ simulator: { assignments: generatedAssignments(100) } });
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]));
  const upstreamCalls: Record<string, number> = {};
  try {
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      for (const [name, run] of Object.entries(scenarios)) {
        await stack.sim.clearRequests();
        const started = performance.now();
        await run(stack);
        const elapsed = performance.now() - started;
        if (round < WARMUP) continue;
        samples[name]?.push(elapsed);
        upstreamCalls[name] = (await stack.sim.requests()).filter((request) => request.path !== '/api/v140/auth').length;
      }
    }
  } finally {
    await stack.close();
  }

  const median = (name: string) => percentile([...(samples[name] ?? [])].sort((a, b) => a - b), 0.5);
  console.log(`node ${process.version}, ${ROUNDS} interleaved rounds after ${WARMUP} warm-up rounds\n`);
  console.log('scenario    median ms   p90 ms   provider calls');
  for (const name of Object.keys(scenarios)) {
    const sorted = [...(samples[name] ?? [])].sort((a, b) => a - b);
    console.log(
      `${name.padEnd(10)}  ${median(name).toFixed(1).padStart(9)}  ${percentile(sorted, 0.9).toFixed(1).padStart(7)}   ${String(upstreamCalls[name] ?? 0).padStart(14)}`,
    );
  }
  console.log(`\nunbatched / batched median: ${(median('unbatched') / median('batched')).toFixed(1)}x`);
  console.log(`batched / single median:    ${(median('batched') / median('single')).toFixed(1)}x`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
