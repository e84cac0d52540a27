/** The in-memory {@link KeyedLock}: one instance (without REDIS_URL). Redis's is src/infra/shared-state/write-lock.ts. */
import type { KeyedLock, LockLease } from '../../application/ports/shared-state';

const ALWAYS_HELD: LockLease = { held: () => true };

/** A lock per key, in memory; keys are forgotten when no task holds or waits for them. */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<void>>();
  return {
    async run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      let release = (): void => undefined;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      await previous;
      try {
        return await task(ALWAYS_HELD);
      } finally {
        release();
        // The last holder cleans up, so the map holds only keys in use.
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
