/**
 * Two replicas spend one debt-collection rate budget in Redis, before the provider refuses.
 *
 * Scaled down in time so it runs in seconds: the simulator's window is 6 s instead of a minute,
 * and every number is a tenth of the (1,500 case reads a minute against a limit of
 * 1,000 → 150 reads in 6 s against 100 per 6 s; the graph's budget 95 per 6 s, as 950 of
 * 1,000). The request deadline is 3 s, so reads that would wait longer for the budget get the
 * typed rate-limit answer instead.
 */
import { simControl, type SimRequest } from '../support/sim-control';
import type { GraphQLAnswer } from '../support/stack';
import { replicaEnv, useReplicas, type Replica } from './support';

const WINDOW_MS = 6_000;
const PROVIDER_LIMIT = 100;
const READS = 150;
const CASES_ROUTE = '/v1/debt-collection/cases';
const READ = `query Read($id: ID!) { debtCase(agencyCollectionCaseId: $id) { agencyCollectionCaseId isClosed } }`;

const cluster = useReplicas({
  tokenScopes: ['collections:read'],
  simulators: { debtCollection: { rateLimitPerMinute: PROVIDER_LIMIT, rateLimitWindowMs: WINDOW_MS } },
});

async function startTwo(extra: Record<string, string>): Promise<[Replica, Replica]> {
  // Every read is of the same case: coalesced, reads in flight together would share one call and
  // the budget would not be what stops them. Off, each read is a call, as the numbers above mean.
  const env = replicaEnv(cluster.simulators, {
    REDIS_URL: cluster.redis.url,
    REQUEST_DEADLINE_MS: '3000',
    DEBT_COLLECTION_RATE_WINDOW_SECONDS: '6',
    PROVIDER_COALESCE_READS: 'false',
    ...extra,
  });
  return (await cluster.start(2, env)) as [Replica, Replica];
}

/**
 * `READS` case reads, evenly over `spreadMs` from the start of one of the simulator's windows
 * (they are aligned to multiples of WINDOW_MS), alternating between the replicas.
 */
async function readEvenly([a, b]: [Replica, Replica], spreadMs: number): Promise<GraphQLAnswer[]> {
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS - (Date.now() % WINDOW_MS) + 50));
  const every = spreadMs / READS;
  const start = performance.now();
  return Promise.all(
    Array.from({ length: READS }, async (_, index) => {
      const wait = start + index * every - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return (index % 2 === 0 ? a : b).gql(cluster.token, READ, { id: 'agency-id-123' });
    }),
  );
}

/** The provider's case reads per window of the simulator (its windows are aligned to multiples of WINDOW_MS). */
function perProviderWindow(requests: readonly SimRequest[]): number[] {
  const counts = new Map<number, number>();
  for (const request of requests.filter((entry) => entry.path === CASES_ROUTE)) {
    const window = Math.floor(Date.parse(request.time) / WINDOW_MS);
    counts.set(window, (counts.get(window) ?? 0) + 1);
  }
  return [...counts.values()];
}

describe('one rate budget for two replicas', () => {
  it('never lets the provider refuse: every read gets data or a typed rate-limit answer', async () => {
    const answers = await readEvenly(await startTwo({ DEBT_COLLECTION_RATE_BUDGET: '95' }), WINDOW_MS);

    const data = answers.filter((answer) => answer.errors === undefined && answer.data?.debtCase !== null);
    const limited = answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(data.length + limited.length).toBe(READS);
    for (const answer of limited) {
      expect(answer.errors?.[0]).toMatchObject({
        message: "Debt collection's rate limit is used up for now; nothing was sent. Try again in 1 s.",
        extensions: { code: 'RATE_LIMITED', provider: 'DEBT_COLLECTION', retryable: true, retryAfterSeconds: 1 },
      });
    }
    // Both outcomes happened: the budget was reached, and it was spent.
    expect(data.length).toBeGreaterThan(50);
    expect(limited.length).toBeGreaterThan(0);

    // No window of the provider saw more than its limit, so it never answered 429.
    const counts = perProviderWindow(await simControl(cluster.simulators.debtCollection.url).requests());
    expect(Math.max(...counts)).toBeLessThanOrEqual(PROVIDER_LIMIT);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(data.length);
  }, 60_000);

  it('without a budget, the same reads make the provider refuse (what the budget prevents)', async () => {
    // Within the first half of one provider window: 150 reads where 100 are allowed.
    const answers = await readEvenly(await startTwo({ DEBT_COLLECTION_RATE_BUDGET: '0' }), WINDOW_MS / 2);
    const refusedByProvider = answers.filter((answer) => answer.errors?.[0]?.message === 'Debt collection is rate limiting requests.');
    expect(refusedByProvider.length).toBeGreaterThan(0);
  }, 60_000);
});
