/**
 * Long-lived state of case writes, one per service instance: the requestIds the provider
 * accepted (idempotency) and the per-debtor write locks. Created once at start, shared by all
 * requests; neither is shared between instances (the provider's own requestId store is the
 * second line).
 */
import { createRequestIdStore, type RequestIdStore } from './idempotency';
import { createKeyedLock, type KeyedLock } from './keyed-lock';

export interface CaseWriteGuards {
  readonly requestIds: RequestIdStore;
  /** Orders the read-merge-write of updates per debtor within this instance. */
  readonly writeLocks: KeyedLock;
  /** The clock for "today" (closure dates) and the requestId TTL. */
  now(): number;
}

export function createCaseWriteGuards(options: { readonly now?: () => number } = {}): CaseWriteGuards {
  const now = options.now ?? Date.now;
  return { requestIds: createRequestIdStore({ now }), writeLocks: createKeyedLock(), now };
}
