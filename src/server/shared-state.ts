/**
 * What replicas share, assembled from the configuration: with REDIS_URL, the requestId store,
 * the debtor write locks, the rate budgets and the entity cache live in Redis; without it, each
 * lives in this process (one replica). src/runtime.ts plugs it in.
 */
import type { Providers, Services } from '../graphql/context';
import { createCaseWriteGuards } from '../infra/memory/write-guards';
import { type CaseWriteGuards } from '../application/debt-collection/ports';
import { DEFAULT_REQUEST_ID_TTL_MS } from '../infra/memory/request-ids';
import type { Logger } from '../infra/logger';
import type { ProviderName } from '../providers/failure';
import { createRateBudget, type RateBudget } from '../providers/resilience/rate-budget';
import { cachedProviders } from '../providers/entity-cache';
import { createMemoryEntityCache, createRedisEntityCache } from '../infra/shared-state/entity-cache';
import { connectRedis, keyHash, type SharedRedis } from '../infra/shared-state/redis';
import { createRedisRequestIdStore } from '../infra/shared-state/request-ids';
import { NO_SHARED_STATE, type SharedStateConfig } from '../config/shared-state';
import { createRedisWriteLock, DEFAULT_WRITE_LOCK } from '../infra/shared-state/write-lock';

export type { SharedStateConfig } from '../config/shared-state';

/** How long a start waits for Redis before it goes on without. */
const STARTUP_WAIT_MS = 3_000;

/** One provider account: the same URL and credential name the same tenant, in any replica. */
export interface Tenant {
  readonly provider: ProviderName;
  readonly baseUrl: string;
  /** The credential that names the account (an API key, a user name); only its hash is used. */
  readonly account: string;
}

export interface SharedState {
  /** Where the state lives, for the start banner: `in process` or the Redis URL without secrets. */
  readonly where: string;
  /** Resolves once Redis answers, or after a short wait without (logged): the service starts either way. */
  ready(): Promise<void>;
  /** The provider's rate budget, or undefined when it has none. */
  rateBudget(tenant: Tenant): RateBudget | undefined;
  /** The long-lived services of the app, the providers as resolvers get them (writes invalidate the cache). */
  services(providers: Providers, tenants: readonly Tenant[]): { readonly services: Services; readonly providers: Providers };
  close(): Promise<void>;
}

export function startSharedState(config: SharedStateConfig = NO_SHARED_STATE, options: { readonly logger: Logger; readonly requestDeadlineMs: number }): SharedState {
  const { logger } = options;
  const redis: SharedRedis | null = config.redisUrl === null ? null : connectRedis(config.redisUrl, logger);
  const tenantKey = (tenant: Tenant) => keyHash(tenant.provider, tenant.baseUrl, tenant.account);

  function guards(tenant: Tenant | undefined): CaseWriteGuards {
    if (!redis || !tenant) return createCaseWriteGuards();
    const ns = tenantKey(tenant);
    return {
      requestIds: createRedisRequestIdStore(redis.client, {
        namespace: `rg:request:${ns}`,
        ttlMs: DEFAULT_REQUEST_ID_TTL_MS,
        // Past any request that may still hold it (the deadline), with room for a slow Redis.
        pendingTtlMs: options.requestDeadlineMs + 5_000,
        logger,
      }),
      writeLocks: createRedisWriteLock(redis.client, { namespace: `rg:lock:${ns}`, ...DEFAULT_WRITE_LOCK, logger }),
      now: Date.now,
    };
  }

  return {
    where: redis ? redis.where : 'in process',

    async ready() {
      if (!redis) return;
      // A replica that starts while Redis is away serves reads and refuses writes until it is back.
      if (!(await redis.whenReady(STARTUP_WAIT_MS))) logger.warn({ redis: redis.where }, 'starting without Redis: it does not answer yet');
    },

    rateBudget(tenant) {
      const settings = config.rateBudgets[tenant.provider];
      if (!settings) return undefined;
      return createRateBudget({
        ...settings,
        provider: tenant.provider,
        tenant: tenantKey(tenant),
        ...(redis && { redis: redis.client }),
        localShares: config.rateBudgetReplicas,
      });
    },

    services(providers, tenants) {
      const debtCaseWrites = guards(tenants.find((tenant) => tenant.provider === 'DEBT_COLLECTION'));
      if (config.entityCacheTtlMs === 0) return { services: { debtCaseWrites }, providers };
      const cache = redis
        ? createRedisEntityCache(redis.client, {
            ttlMs: config.entityCacheTtlMs,
            namespace: `rg:cache:${keyHash(...tenants.map(tenantKey))}`,
            logger,
          })
        : createMemoryEntityCache({ ttlMs: config.entityCacheTtlMs });
      const cached = cachedProviders(providers, cache);
      return { services: { debtCaseWrites, entityReaders: cached.readers }, providers: cached.writers };
    },

    close: () => redis?.close() ?? Promise.resolve(),
  };
}
