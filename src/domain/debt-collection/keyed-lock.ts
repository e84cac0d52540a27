/**
 * One-at-a-time per key. An update reads the case, merges the changes into it and sends the
 * whole case back; two updates of the same debtor running at once would each send the other's
 * debts and blocks as they were before, and the later write would undo the earlier one. Held per
 * debtor (the debtor block is shared by the debtor's cases). In memory: it orders the writes of
 * one instance only; the provider offers no version check that would do it across instances.
 */
export interface KeyedLock {
  /** Runs `task` once every earlier task of the same key has finished. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

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
        return await task();
      } finally {
        release();
        // The last holder cleans up, so the map holds only keys in use.
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
