/**
 * The rate budget's slices: their size, the in-process budget spending them (waiting for the
 * next slice when the deadline allows, refusing otherwise), and what any window-long stretch holds.
 */
import { ProviderFailure } from '../../src/providers/failure';
import { callsPerSlice, createRateBudget, sliceShape } from '../../src/providers/resilience/rate-budget';
import { readSharedStateConfig } from '../../src/config/shared-state';

describe('slices of a budget', () => {
  it('cuts a minute into 6 s slices of 86 calls for a budget of 950, so any minute holds at most 946', () => {
    expect(sliceShape(60)).toStrictEqual({ sliceSeconds: 6, slicesPerStretch: 11 });
    expect(callsPerSlice(950, 60)).toBe(86);
    expect(callsPerSlice(950, 60) * sliceShape(60).slicesPerStretch).toBeLessThanOrEqual(950);
  });

  it('uses slices of at least a second, and shares a budget between replicas counting alone', () => {
    expect(sliceShape(6)).toStrictEqual({ sliceSeconds: 1, slicesPerStretch: 7 });
    expect(sliceShape(1)).toStrictEqual({ sliceSeconds: 1, slicesPerStretch: 2 });
    expect(callsPerSlice(95, 6)).toBe(13);
    expect(callsPerSlice(950, 60, 2)).toBe(43);
  });
});

describe('the budget in process', () => {
  const budget = (callsPerWindow: number, windowSeconds: number) =>
    createRateBudget({ provider: 'DEBT_COLLECTION', tenant: 'test', callsPerWindow, windowSeconds, perEndpoint: true, localShares: 1 });

  it('refuses at once, with nothing sent, when the next slice begins after the deadline', async () => {
    const small = budget(4, 1); // 2 calls a 1 s slice
    await small.take('GET /cases', () => 10_000);
    await small.take('GET /cases', () => 10_000);
    const refusal = await small.take('GET /cases', () => 200).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ProviderFailure);
    expect((refusal as ProviderFailure).detail).toStrictEqual({ kind: 'rate_limited', retryAfterSeconds: 1 });
    expect((refusal as ProviderFailure).retryable).toBe(true);
    // Another endpoint has its own budget.
    await expect(small.take('POST /update', () => 200)).resolves.toBeUndefined();
  });

  it('waits for the next slice when that fits in the deadline', async () => {
    const small = budget(4, 1);
    await small.take('GET /cases', () => 10_000);
    await small.take('GET /cases', () => 10_000);
    const started = Date.now();
    await small.take('GET /cases', () => 10_000);
    expect(Date.now() - started).toBeGreaterThan(500);
  });

  it('lets no window-long stretch hold more than the budget, however the calls come', async () => {
    const windowMs = 2_000;
    const spent = budget(6, 2); // 1 s slices of 2 calls
    const admitted: number[] = [];
    const until = Date.now() + 3_500;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (Date.now() < until) {
          try {
            await spent.take('GET /cases', () => until - Date.now());
            admitted.push(Date.now());
          } catch {
            return;
          }
        }
      }),
    );
    expect(admitted.length).toBeGreaterThan(4);
    for (const start of admitted) {
      expect(admitted.filter((time) => time >= start && time < start + windowMs).length).toBeLessThanOrEqual(6);
    }
  });
});

describe('shared-state settings', () => {
  it('has no Redis and no cache by default, and debt collection spends 950 a minute per endpoint', () => {
    const problems: string[] = [];
    expect(readSharedStateConfig({}, problems)).toStrictEqual({
      redisUrl: null,
      entityCacheTtlMs: 0,
      rateBudgets: { RECOVERY_CONNECT: null, CDC: null, DEBT_COLLECTION: { callsPerWindow: 950, windowSeconds: 60, perEndpoint: true } },
      rateBudgetReplicas: 1,
    });
    expect(problems).toStrictEqual([]);
  });

  it('reads REDIS_URL, the cache TTL, budgets for the other providers and the replicas counting alone', () => {
    const config = readSharedStateConfig(
      { REDIS_URL: 'rediss://:pw@redis.internal:6380/2', ENTITY_CACHE_TTL_MS: '5000', CDC_RATE_BUDGET: '120', CDC_RATE_WINDOW_SECONDS: '10', RATE_BUDGET_REPLICAS: '3', DEBT_COLLECTION_RATE_BUDGET: '0' },
      [],
    );
    expect(config).toMatchObject({
      redisUrl: 'rediss://:pw@redis.internal:6380/2',
      entityCacheTtlMs: 5000,
      rateBudgets: { CDC: { callsPerWindow: 120, windowSeconds: 10, perEndpoint: false }, DEBT_COLLECTION: null, RECOVERY_CONNECT: null },
      rateBudgetReplicas: 3,
    });
  });

  it('refuses a URL that is not Redis, and a budget too small for its slices', () => {
    const problems: string[] = [];
    readSharedStateConfig({ REDIS_URL: 'http://redis:6379', RECOVERY_CONNECT_RATE_BUDGET: '5', ENTITY_CACHE_TTL_MS: '-1' }, problems);
    expect(problems).toStrictEqual([
      'REDIS_URL must be a redis:// or rediss:// URL.',
      'ENTITY_CACHE_TTL_MS must be a whole number from 0 to 86400000 (got "-1").',
      "RECOVERY_CONNECT_RATE_BUDGET is too small: RecoveryConnect's budget is spent in 11 slices per window, so it needs at least 11 calls (or 0 for no budget).",
    ]);
  });
});
