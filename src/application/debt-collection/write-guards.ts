/**
 * Long-lived state of case writes: the requestIds the provider accepted (idempotency) and the
 * per-debtor write locks. Created once at start, shared by all requests. The domain declares both
 * (idempotency.ts, keyed-lock.ts) with an in-memory implementation for one instance; with
 * REDIS_URL the service builds them in Redis instead (src/shared-state/), shared by every replica.
 */
import { createRequestIdStore, type RequestIdStore } from './idempotency';
import { createKeyedLock, type KeyedLock } from './keyed-lock';

export { SharedStateUnavailable } from './keyed-lock';

export interface CaseWriteGuards {
  readonly requestIds: RequestIdStore;
  /** Orders the read-merge-write of updates per debtor (this instance, or every replica). */
  readonly writeLocks: KeyedLock;
  /** The clock for "today" (closure dates) and the requestId TTL. */
  now(): number;
}

/** The guards of one instance, in memory. */
export function createCaseWriteGuards(options: { readonly now?: () => number } = {}): CaseWriteGuards {
  const now = options.now ?? Date.now;
  return { requestIds: createRequestIdStore({ now }), writeLocks: createKeyedLock(), now };
}
