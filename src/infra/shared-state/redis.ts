/**
 * The service's one Redis connection (ioredis), for the state replicas share: the requestId store,
 * the write locks, the rate budgets and the entity cache. Commands fail fast while it is not
 * connected (no offline queue, a command timeout), so a write that needs Redis is refused at
 * once instead of hanging to its deadline; ioredis reconnects by itself, and what needs Redis
 * works again as soon as it answers.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** How long one Redis command may take before it fails (the write it guards is then refused). */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;

export interface SharedRedis {
  readonly client: Redis;
  /** True while commands can be sent. */
  ready(): boolean;
  /** Resolves once connected, or after `ms` without (false): the service starts either way. */
  whenReady(ms: number): Promise<boolean>;
  /** Where it is, for the start banner and logs: scheme, host and port, never a password. */
  readonly where: string;
  close(): Promise<void>;
}

/** Connects in the background; the service starts whether Redis answers yet or not. */
export function connectRedis(url: string, logger: Logger): SharedRedis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    // Reconnect for ever, at most every 2 s.
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
  });
  const where = whereOf(url);
  let down = false;
  const outage = (reason: string) => {
    // One line per outage, not one per reconnection attempt.
    if (down) return;
    down = true;
    logger.warn(
      { redis: where, reason },
      'Redis cannot be reached: debt-collection writes are refused (nothing sent) and reads skip the cache until it answers.',
    );
  };
  client.on('ready', () => {
    if (down) logger.info({ redis: where }, 'Redis answers again: shared state is back.');
    down = false;
  });
  // ioredis needs an error listener, or it prints its own.
  client.on('error', (error: Error) => { outage(error.message); });
  client.on('close', () => { outage('connection closed'); });
  return {
    client,
    ready: () => client.status === 'ready',
    whenReady(ms) {
      if (client.status === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          client.off('ready', onReady);
          resolve(false);
        }, ms);
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        client.once('ready', onReady);
      });
    },
    where,
    async close() {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}

function whereOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'redis';
  }
}

/**
 * A key part that names without telling: ids that are personal data (a debtor's) and credentials
 * (a tenant's API key) go into Redis keys only through this.
 */
export function keyHash(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
}
