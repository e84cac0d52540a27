/**
 * What the case-update flow needs besides the provider: the requestId store (idempotency) and the
 * per-debtor write locks. Implemented in memory for one instance (src/infra/memory/) and in Redis
 * for several replicas (src/infra/shared-state/).
 */
import type { KeyedLock } from '../ports/shared-state';

/** What to do with a request, see {@link RequestIdStore.admit}. */
export type Admission =
  /** Accepted before with the same input: answer success again for this case, write nothing. */
  | { readonly kind: 'replay'; readonly agencyCollectionCaseId: string }
  /** The requestId belongs to another input. */
  | { readonly kind: 'conflict' }
  /**
   * New: go ahead, then call `settle` exactly once (the case id once the provider accepted, else
   * null). `settle` never rejects: a store that cannot record the outcome says so in its log.
   */
  | { readonly kind: 'proceed'; settle(acceptedCaseId: string | null): Promise<void> };

export interface RequestIdStore {
  /**
   * What to do with a request. Throws `SharedStateUnavailable` (keyed-lock.ts) when the store
   * cannot be used (unreachable, or an identical request still in flight at the deadline).
   */
  admit(requestId: string, fingerprint: string): Promise<Admission>;
}

/** Long-lived state of case writes, created once at start and shared by all requests. */
export interface CaseWriteGuards {
  readonly requestIds: RequestIdStore;
  /** Orders the read-merge-write of updates per debtor (this instance, or every replica). */
  readonly writeLocks: KeyedLock;
  /** The clock for "today" (closure dates) and the requestId TTL. */
  now(): number;
}
