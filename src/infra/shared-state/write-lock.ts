/**
 * The per-debtor write lock in Redis (the domain's `KeyedLock`, keyed-lock.ts), shared by every
 * replica: @sesamecare-oss/redlock on our one Redis (a lease with a random value; release and
 * extension are compare-and-set scripts of the library, so a holder never frees or extends a
 * lock that has passed to someone else).
 *
 * - Waiting: another holder's lock is tried again every `retryDelayMs` (with jitter) until shortly
 *   before the request's deadline; then the write is refused (retryable), nothing sent. A Redis
 *   error ends the wait at once.
 * - The lease (`leaseMs`) is renewed while the task runs, `renewBeforeMs` before it ends. The
 *   task asks `lease.held()` right before it sends: false once a renewal failed and the lease
 *   may have run out (Redis lost the key, a restart), so a write never goes out unguarded.
 *   A replica that dies holding the lock blocks that debtor's writes for at most `leaseMs`.
 * - Redis unreachable: refused at once (`SharedStateUnavailable`), the task does not run. A
 *   release that fails is only logged: the lease ends by itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { ExecutionError, Redlock, ResourceLockedError, type Lock } from '@sesamecare-oss/redlock';
import type { KeyedLock } from '../../application/ports/shared-state';
import { SharedStateUnavailable } from '../../application/ports/shared-state';
import type { Logger } from '../logger';
import { currentDeadline, DEFAULT_REQUEST_DEADLINE_MS } from '../deadline';
import { keyHash } from './redis';

export interface RedisWriteLockOptions {
  /** Key prefix, naming the tenant. */
  readonly namespace: string;
  readonly leaseMs: number;
  readonly renewBeforeMs: number;
  readonly retryDelayMs: number;
  readonly logger: Logger;
}

export const DEFAULT_WRITE_LOCK = { leaseMs: 6_000, renewBeforeMs: 2_000, retryDelayMs: 50 } as const;

export function createRedisWriteLock(redis: Redis, options: RedisWriteLockOptions): KeyedLock {
  const redlock = new Redlock([redis], { retryCount: 0 });
  // Redlock reports failed attempts as events too; the outcome of each is handled where it is awaited.
  redlock.on('error', () => undefined);

  async function acquire(resource: string): Promise<Lock> {
    // Tried until shortly before the deadline; what is left is for the write itself.
    const until = Date.now() + (currentDeadline()?.remainingMs() ?? DEFAULT_REQUEST_DEADLINE_MS) * 0.8;
    for (;;) {
      if (redis.status !== 'ready') throw new SharedStateUnavailable('the write lock (Redis) cannot be reached.', 1);
      try {
        // One attempt at a time (the lock's extend and release then make one attempt each too):
        // a Redis error ends the wait at once, only another holder is waited for.
        return await redlock.acquire([resource], options.leaseMs, { retryCount: 0 });
      } catch (error) {
        if (!(error instanceof ExecutionError && (await lockedByOthers(error)))) {
          throw new SharedStateUnavailable('the write lock (Redis) cannot be reached.', 1);
        }
      }
      const wait = options.retryDelayMs + Math.floor(Math.random() * options.retryDelayMs);
      if (Date.now() + wait > until) throw new SharedStateUnavailable('another write of this debtor is still in progress.', 1);
      await sleep(wait);
    }
  }

  return {
    async run(key, task) {
      // The key names a debtor only through a hash: a debtor's id is personal data.
      let lock = await acquire(`${options.namespace}:${keyHash(key)}`);
      let lost = false;
      let renewal: Promise<void> | undefined;
      const renew = async () => {
        try {
          lock = await lock.extend(options.leaseMs);
          schedule();
        } catch {
          lost = true;
        }
      };
      let timer: NodeJS.Timeout | undefined;
      const schedule = () => {
        timer = setTimeout(() => {
          renewal = renew();
        }, Math.max(0, lock.expiration - Date.now() - options.renewBeforeMs));
        timer.unref();
      };
      schedule();
      try {
        return await task({ held: () => !lost && Date.now() < lock.expiration });
      } finally {
        clearTimeout(timer);
        await renewal;
        try {
          await lock.release();
        } catch (error) {
          options.logger.warn({ reason: (error as Error).message }, 'a debtor write lock could not be released in Redis; its lease ends by itself');
        }
      }
    },
  };
}

/** True when every failed attempt was refused because someone else holds the lock (not an error of Redis). */
async function lockedByOthers(error: ExecutionError): Promise<boolean> {
  const attempts = await Promise.all(error.attempts);
  const reasons = attempts.flatMap((attempt) => [...attempt.votesAgainst.values()]);
  return reasons.length > 0 && reasons.every((reason) => reason instanceof ResourceLockedError);
}
