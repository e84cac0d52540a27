/**
 * The provider-policy block of the configuration, read from the environment (see the README's
 * configuration table). Each per-provider timeout defaults to PROVIDER_TIMEOUT_MS.
 */
import { booleanSetting, integerSetting } from './env';
import { DEFAULT_RESILIENCE, resilienceConfig, type ResilienceConfig } from '../providers/resilience/options';

/** Reads REQUEST_DEADLINE_MS, PROVIDER_RETRIES, PROVIDER_BREAKER_*, PROVIDER_MAX_*, PROVIDER_COALESCE_READS and <PROVIDER>_TIMEOUT_MS. */
export function readResilienceConfig(env: NodeJS.ProcessEnv, providerTimeoutMs: number, problems: string[]): ResilienceConfig {
  const read = (name: string, fallback: number, min: number, max: number): number => integerSetting(env, name, fallback, min, max, problems);
  const timeout = (name: string) => read(name, providerTimeoutMs, 100, 120_000);
  return resilienceConfig(providerTimeoutMs, {
    requestDeadlineMs: read('REQUEST_DEADLINE_MS', DEFAULT_RESILIENCE.requestDeadlineMs, 100, 600_000),
    retries: read('PROVIDER_RETRIES', DEFAULT_RESILIENCE.retries, 0, 5),
    breaker: {
      consecutiveFailures: read('PROVIDER_BREAKER_FAILURES', DEFAULT_RESILIENCE.breaker.consecutiveFailures, 1, 1000),
      halfOpenAfterMs: read('PROVIDER_BREAKER_HALF_OPEN_MS', DEFAULT_RESILIENCE.breaker.halfOpenAfterMs, 100, 600_000),
    },
    bulkhead: {
      limit: read('PROVIDER_MAX_CONCURRENT', DEFAULT_RESILIENCE.bulkhead.limit, 1, 1024),
      queue: read('PROVIDER_MAX_QUEUED', DEFAULT_RESILIENCE.bulkhead.queue, 0, 10_000),
    },
    coalesceReads: booleanSetting(env, 'PROVIDER_COALESCE_READS', DEFAULT_RESILIENCE.coalesceReads, problems),
    timeoutMs: {
      RECOVERY_CONNECT: timeout('RECOVERY_CONNECT_TIMEOUT_MS'),
      CDC: timeout('CDC_TIMEOUT_MS'),
      DEBT_COLLECTION: timeout('DEBT_COLLECTION_TIMEOUT_MS'),
    },
  });
}
