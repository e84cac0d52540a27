/**
 * 200 concurrent queries against a provider that hangs: the bulkhead lets a few calls wait for
 * their timeout and refuses the rest at once, the breaker then fails everything fast, so every
 * query gets a typed answer within its deadline, the provider sees a bounded number of calls,
 * memory stays bounded, and the process answers normally afterwards.
 *
 * The bounds are generous correctness bounds (the deadline plus a margin, tens of megabytes),
 * not performance measurements.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startStack, type TestStack } from '../support/stack';
import { callsTo, READS, type ProviderRead } from './support';

const QUERIES = 200;
const CALL_TIMEOUT_MS = 300;
const DEADLINE_MS = 2_000;
const BULKHEAD = { limit: 4, queue: 8 };
const RETRIES = 2;
const [RECOVERY_CONNECT, , DEBT_COLLECTION] = READS as [ProviderRead, ProviderRead, ProviderRead];

let stack: TestStack;

/** V8's collector, so the heap is compared as retained, not with whatever garbage the load left. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function retainedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

beforeAll(async () => {
  stack = await startStack({
    providerTimeoutMs: CALL_TIMEOUT_MS,
    resilience: {
      requestDeadlineMs: DEADLINE_MS,
      retries: RETRIES,
      bulkhead: BULKHEAD,
      breaker: { consecutiveFailures: 5, halfOpenAfterMs: 60_000 },
      // The 200 queries are identical: coalesced, they would all wait on one call and never meet
      // the full bulkhead or the open breaker this test is about.
      coalesceReads: false,
    },
  });
});
afterAll(async () => {
  await stack.close();
});

it('answers 200 concurrent queries against a hanging provider in bounded time and memory', async () => {
  const sim = DEBT_COLLECTION.sim(stack);
  await sim.fault({ method: 'GET', path: DEBT_COLLECTION.path, delayMs: 60_000, times: 0 });
  const heapBefore = retainedHeap();
  const started = performance.now();

  const answers = await Promise.all(Array.from({ length: QUERIES }, () => stack.gql(DEBT_COLLECTION.query)));

  const elapsedMs = performance.now() - started;
  const heapGrowthBytes = retainedHeap() - heapBefore;

  for (const answer of answers) {
    expect(answer.data).toEqual({ debtCase: null });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'DEBT_COLLECTION', retryable: true });
  }
  // What each query met: a timeout (the few let through), the full bulkhead, or the open breaker.
  const kinds = new Set(answers.map((answer) => /in time|too many calls|is failing/.exec(answer.errors?.[0]?.message ?? '')?.[0]));
  expect([...kinds].every((kind) => kind !== undefined)).toBe(true);
  expect(kinds.has('too many calls')).toBe(true);
  expect(kinds.has('is failing')).toBe(true);

  // The hanging provider saw a bounded number of calls, far fewer than the queries.
  expect(await callsTo(sim, 'GET', DEBT_COLLECTION.path)).toBeLessThanOrEqual((BULKHEAD.limit + BULKHEAD.queue) * (RETRIES + 1));
  expect(elapsedMs).toBeLessThan(DEADLINE_MS + 3_000);
  expect(heapGrowthBytes).toBeLessThan(64 * 1024 * 1024);
});

it('still answers the other providers, and the process is alive afterwards', async () => {
  const answer = await stack.gql(RECOVERY_CONNECT.query);
  expect(answer.errors).toBeUndefined();
  expect((await fetch(stack.graphqlUrl.replace(/\/graphql$/, '/health'))).status).toBe(200);
});
