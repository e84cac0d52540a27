import { DEFAULT_RESILIENCE, policyOptions, resilienceConfig } from '../../src/providers/resilience/options';
import { readResilienceConfig } from '../../src/config/resilience';

describe('readResilienceConfig', () => {
  it('uses the defaults, every provider timing out after PROVIDER_TIMEOUT_MS', () => {
    const problems: string[] = [];
    expect(readResilienceConfig({}, 5_000, problems)).toEqual({
      ...DEFAULT_RESILIENCE,
      timeoutMs: { RECOVERY_CONNECT: 5_000, CDC: 5_000, DEBT_COLLECTION: 5_000 },
    });
    expect(problems).toEqual([]);
    expect(DEFAULT_RESILIENCE).toMatchObject({ requestDeadlineMs: 10_000, retries: 2, breaker: { consecutiveFailures: 5 }, coalesceReads: true });
  });

  it('reads every variable', () => {
    const problems: string[] = [];
    const config = readResilienceConfig(
      {
        REQUEST_DEADLINE_MS: '8000',
        PROVIDER_RETRIES: '1',
        PROVIDER_BREAKER_FAILURES: '7',
        PROVIDER_BREAKER_HALF_OPEN_MS: '30000',
        PROVIDER_MAX_CONCURRENT: '8',
        PROVIDER_MAX_QUEUED: '0',
        PROVIDER_COALESCE_READS: 'false',
        CDC_TIMEOUT_MS: '2500',
      },
      5_000,
      problems,
    );
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      requestDeadlineMs: 8_000,
      retries: 1,
      breaker: { consecutiveFailures: 7, halfOpenAfterMs: 30_000 },
      bulkhead: { limit: 8, queue: 0 },
      coalesceReads: false,
      timeoutMs: { RECOVERY_CONNECT: 5_000, CDC: 2_500, DEBT_COLLECTION: 5_000 },
    });
    expect(policyOptions(config, 'CDC')).toEqual({
      timeoutMs: 2_500,
      retries: 1,
      backoff: DEFAULT_RESILIENCE.backoff,
      breaker: { consecutiveFailures: 7, halfOpenAfterMs: 30_000 },
      bulkhead: { limit: 8, queue: 0 },
    });
  });

  it('names every bad value at once', () => {
    const problems: string[] = [];
    readResilienceConfig(
      { REQUEST_DEADLINE_MS: '10s', PROVIDER_RETRIES: '9', PROVIDER_COALESCE_READS: 'no', DEBT_COLLECTION_TIMEOUT_MS: '0x10' },
      5_000,
      problems,
    );
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/REQUEST_DEADLINE_MS[\s\S]*PROVIDER_RETRIES[\s\S]*PROVIDER_COALESCE_READS[\s\S]*DEBT_COLLECTION_TIMEOUT_MS/);
  });

  it('builds a full configuration from a few overrides', () => {
    expect(resilienceConfig(300, { retries: 0, timeoutMs: { CDC: 100 } })).toMatchObject({
      retries: 0,
      breaker: DEFAULT_RESILIENCE.breaker,
      timeoutMs: { RECOVERY_CONNECT: 300, CDC: 100, DEBT_COLLECTION: 300 },
    });
  });
});
