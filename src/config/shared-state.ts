/**
 * The configuration of what replicas share: REDIS_URL, the providers' rate budgets and the
 * entity cache (see the README's "Running several replicas").
 */
import { integerSetting, stringSetting } from './env';
import { PROVIDER_LABEL, type ProviderName } from '../providers/failure';
import { callsPerSlice, sliceShape, type RateBudgetSettings } from '../providers/resilience/rate-budget';

export interface SharedStateConfig {
  /** REDIS_URL: when set, the requestId store, the write locks, the rate budgets and the cache live there. */
  readonly redisUrl: string | null;
  /** ENTITY_CACHE_TTL_MS: how long a provider read of an entity is reused; 0 = no cache. */
  readonly entityCacheTtlMs: number;
  /** Each provider's budget; null = none. */
  readonly rateBudgets: Readonly<Record<ProviderName, RateBudgetSettings | null>>;
  /** RATE_BUDGET_REPLICAS: replicas that count alone (no Redis, or while it is unreachable) each spend 1/N. */
  readonly rateBudgetReplicas: number;
}

/**
 * Debt collection's documented limit is 1000 requests a minute per endpoint; the graph spends at
 * most 950 of them. The 50 left absorb what the graph cannot count: a call counted at the end of
 * one slice that reaches the provider in the next, and calls that other tools of the same tenant
 * (the same API key) make.
 */
export const DEFAULT_DEBT_COLLECTION_BUDGET = 950;

const PROVIDER_PREFIX: Readonly<Record<ProviderName, string>> = {
  RECOVERY_CONNECT: 'RECOVERY_CONNECT',
  CDC: 'CDC',
  DEBT_COLLECTION: 'DEBT_COLLECTION',
};

/** No Redis, no cache, no budgets: what a Config built without this block means. */
export const NO_SHARED_STATE: SharedStateConfig = {
  redisUrl: null,
  entityCacheTtlMs: 0,
  rateBudgets: { RECOVERY_CONNECT: null, CDC: null, DEBT_COLLECTION: null },
  rateBudgetReplicas: 1,
};

export function readSharedStateConfig(env: NodeJS.ProcessEnv, problems: string[]): SharedStateConfig {
  const read = (name: string, fallback: number, min: number, max: number): number => integerSetting(env, name, fallback, min, max, problems);

  const redisUrl = stringSetting(env, 'REDIS_URL');
  if (redisUrl !== null && !isRedisUrl(redisUrl)) problems.push('REDIS_URL must be a redis:// or rediss:// URL.');
  const rateBudgetReplicas = read('RATE_BUDGET_REPLICAS', 1, 1, 1000);

  const budget = (provider: ProviderName, fallback: number, perEndpoint: boolean): RateBudgetSettings | null => {
    const prefix = PROVIDER_PREFIX[provider];
    const callsPerWindow = read(`${prefix}_RATE_BUDGET`, fallback, 0, 1_000_000);
    const windowSeconds = read(`${prefix}_RATE_WINDOW_SECONDS`, 60, 1, 86_400);
    if (callsPerWindow === 0) return null;
    if (callsPerSlice(callsPerWindow, windowSeconds, rateBudgetReplicas) < 1) {
      const { slicesPerStretch } = sliceShape(windowSeconds);
      problems.push(
        `${prefix}_RATE_BUDGET is too small: ${PROVIDER_LABEL[provider]}'s budget is spent in ${String(slicesPerStretch)} slices per window` +
          `${rateBudgetReplicas > 1 ? ` and shared by ${String(rateBudgetReplicas)} replicas (RATE_BUDGET_REPLICAS)` : ''}, so it needs at least ` +
          `${String(slicesPerStretch * rateBudgetReplicas)} calls (or 0 for no budget).`,
      );
    }
    return { callsPerWindow, windowSeconds, perEndpoint };
  };

  return {
    redisUrl,
    entityCacheTtlMs: read('ENTITY_CACHE_TTL_MS', 0, 0, 86_400_000),
    rateBudgets: {
      // Rate limits not documented: off unless set, counted for the provider as a whole.
      RECOVERY_CONNECT: budget('RECOVERY_CONNECT', 0, false),
      CDC: budget('CDC', 0, false),
      // Documented: 1000 requests a minute per endpoint, per tenant.
      DEBT_COLLECTION: budget('DEBT_COLLECTION', DEFAULT_DEBT_COLLECTION_BUDGET, true),
    },
    rateBudgetReplicas,
  };
}

function isRedisUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'redis:' || parsed.protocol === 'rediss:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
