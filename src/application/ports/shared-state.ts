/**
 * One-at-a-time per key. An update reads the case, merges the changes into it and sends the
 * whole case back; two updates of the same debtor running at once would each send the other's
 * debts and blocks as they were before, and the later write would undo the earlier one. Held per
 * debtor (the debtor block is shared by the debtor's cases). The provider offers no version check
 * that would do it for us, so the lock is ours: in memory here (one instance), in Redis across
 * replicas (src/shared-state/write-lock.ts, a lease that is renewed while the task runs).
 */
export interface KeyedLock {
  /**
   * Runs `task` once every earlier task of the same key has finished. Throws
   * {@link SharedStateUnavailable} when the lock cannot be had (its store is unreachable, or the
   * request's deadline passes while another holder keeps it); `task` has not run then.
   */
  run<T>(key: string, task: (lease: LockLease) => Promise<T>): Promise<T>;
}

/** The task's hold on its lock. */
export interface LockLease {
  /**
   * False once the lock may have passed to someone else (a lease that could not be renewed).
   * Asked right before a write: a task that no longer holds the lock must not send.
   */
  held(): boolean;
}

/**
 * The shared state that orders or deduplicates writes (the lock, the requestId store) cannot be
 * used now. Nothing was sent; the same request may be sent again after `retryAfterSeconds`.
 */
export class SharedStateUnavailable extends Error {
  override readonly name = 'SharedStateUnavailable';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
