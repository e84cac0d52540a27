/**
 * The settings of the provider call policies and their defaults. One `ResilienceConfig` for the
 * process (from the environment, see config.ts); {@link policyOptions} picks one provider's.
 */
import type { ProviderName } from '../failure';
import { DEFAULT_REQUEST_DEADLINE_MS } from '../../infra/deadline';

/** What one provider's policy is built from. */
export interface PolicyOptions {
  /** Longest one attempt of a call may take, headers and body together. */
  readonly timeoutMs: number;
  /** Further attempts of a call that is safe to repeat (0 = never repeat). */
  readonly retries: number;
  /** Exponential backoff with jitter between attempts, unless the provider's Retry-After says otherwise. */
  readonly backoff: { readonly initialDelayMs: number; readonly maxDelayMs: number };
  /** Opens after this many failures in a row; lets one probe through after `halfOpenAfterMs`. */
  readonly breaker: { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
  /** At most `limit` calls at once and `queue` waiting; any more fail at once. */
  readonly bulkhead: { readonly limit: number; readonly queue: number };
}

/** The process-wide settings. */
export interface ResilienceConfig extends Omit<PolicyOptions, 'timeoutMs'> {
  /** Bounds every provider call made for one GraphQL request. */
  readonly requestDeadlineMs: number;
  /** Per-call timeout of each provider. */
  readonly timeoutMs: Readonly<Record<ProviderName, number>>;
  /** Identical GETs in flight at the same moment are sent once (src/providers/coalesce.ts). */
  readonly coalesceReads: boolean;
}

/** The defaults, except the per-provider timeouts (which default to PROVIDER_TIMEOUT_MS). */
export const DEFAULT_RESILIENCE = {
  requestDeadlineMs: DEFAULT_REQUEST_DEADLINE_MS,
  retries: 2,
  backoff: { initialDelayMs: 100, maxDelayMs: 1_000 },
  breaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 },
  // The queue absorbs a burst of client requests (a page of 100 rows) without failing them;
  // the request deadline bounds how long any of them waits.
  bulkhead: { limit: 16, queue: 256 },
  coalesceReads: true,
} as const satisfies Omit<ResilienceConfig, 'timeoutMs'>;

/** A full configuration: `overrides` on top of the defaults, every provider timing out after `timeoutMs`. */
export function resilienceConfig(
  timeoutMs: number,
  overrides: Partial<Omit<ResilienceConfig, 'timeoutMs'>> & { readonly timeoutMs?: Partial<Record<ProviderName, number>> } = {},
): ResilienceConfig {
  return {
    ...DEFAULT_RESILIENCE,
    ...overrides,
    timeoutMs: {
      RECOVERY_CONNECT: overrides.timeoutMs?.RECOVERY_CONNECT ?? timeoutMs,
      CDC: overrides.timeoutMs?.CDC ?? timeoutMs,
      DEBT_COLLECTION: overrides.timeoutMs?.DEBT_COLLECTION ?? timeoutMs,
    },
  };
}

/** One provider's policy options. */
export function policyOptions(config: ResilienceConfig, provider: ProviderName): PolicyOptions {
  return {
    timeoutMs: config.timeoutMs[provider],
    retries: config.retries,
    backoff: config.backoff,
    breaker: config.breaker,
    bulkhead: config.bulkhead,
  };
}
