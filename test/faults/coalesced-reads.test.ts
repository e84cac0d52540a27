/**
 * Identical reads of concurrent GraphQL requests, over HTTP on the simulators: while one
 * request's read of an assignment is in flight (RecoveryConnect slowed), the others' identical
 * reads join it — one call to the provider, the same answer for all, and /metrics counts them.
 */
import { scrape } from '../support/prometheus';
import type { SimRequest } from '../support/sim-control';
import { startStack, type TestStack } from '../support/stack';

const QUERY = '{ assignment(id: "57074903") { id status collectorId } }';
const READ_PATH = '/api/v150/assignments';
/** Long enough that the later requests' reads start while the first is held; well below the 5 s call timeout. */
const SLOW_MS = 2_500;

let stack: TestStack;

afterEach(async () => {
  await stack.close();
});

const reads = (requests: readonly SimRequest[]) => requests.filter((request) => request.method === 'GET' && request.path === READ_PATH);

/** Resolves once the simulator has received `count` reads (it logs a request before its fault delay). */
async function readsArrived(count: number): Promise<void> {
  while (reads(await stack.sim.requests()).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function coalescedTotal(): Promise<number> {
  if (stack.metricsUrl === null) throw new Error('metrics are not served');
  const metrics = await scrape(stack.metricsUrl);
  return metrics.value('recovery_graph_provider_coalesced_reads_total', { provider: 'RECOVERY_CONNECT', route: '/api/v150/assignments' });
}

/** The first request, then (once its read reached the provider) two more while it is held. */
async function threeOverlapping() {
  // Logged in first, so the three requests only read.
  await stack.gql(QUERY);
  await stack.sim.clearRequests();
  await stack.sim.fault({ method: 'GET', path: READ_PATH, delayMs: SLOW_MS, times: 1 });
  const first = stack.gql(QUERY);
  await readsArrived(1);
  return Promise.all([first, stack.gql(QUERY), stack.gql(QUERY)]);
}

it('makes one provider call for the same assignment read by concurrent requests, and counts the joined reads', async () => {
  stack = await startStack();
  const before = await coalescedTotal();

  const answers = await threeOverlapping();

  expect(answers[0].data).toMatchObject({ assignment: { id: '57074903' } });
  expect(answers[0].errors).toBeUndefined();
  expect(answers[1]).toEqual(answers[0]);
  expect(answers[2]).toEqual(answers[0]);
  expect(reads(await stack.sim.requests())).toHaveLength(1);
  expect((await coalescedTotal()) - before).toBe(2);
});

it('reads once per request with PROVIDER_COALESCE_READS=false', async () => {
  stack = await startStack({ resilience: { coalesceReads: false } });
  // The metrics are the process's: the test above counted too.
  const before = await coalescedTotal();

  const answers = await threeOverlapping();

  expect(answers[1]).toEqual(answers[0]);
  expect(reads(await stack.sim.requests())).toHaveLength(3);
  expect((await coalescedTotal()) - before).toBe(0);
});
