/**
 * The requestId store: `requestId` is the idempotency key of the debt-collection mutations.
 *
 * - A requestId the provider accepted is remembered with the fingerprint of the caller's input.
 *   The same id with the same input is a replay (answered without a second write); with other
 *   input it is a conflict.
 * - A requestId whose write is under way is held "in flight": an identical request waits for the
 *   first to finish and then looks again; a different one is a conflict at once.
 * - A requestId whose write failed is forgotten, so the same request may be sent again later.
 *
 * Two implementations: this one, in memory and bounded (LRU, at most `max` ids, each for
 * `ttlMs`), for one instance; and src/shared-state/request-ids.ts, in Redis, shared by every
 * replica and kept across restarts. Without the shared one, a replay that reaches another
 * instance, or comes after eviction or a restart, is checked again against the case's current
 * state and written again with the same requestId; the provider's own requestId store (same id,
 * same body → 200 without a second write; other body → 409 REQUEST_ID_REUSED) is the second line.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { BlockInputModel, CaseUpdateInputModel, CaseUpdateKind } from '../../domain/debt-collection/model';
import { exact } from '../../domain/debt-collection/money';
import { calendarDateOf } from '../../domain/debt-collection/update-rules';

export const DEFAULT_MAX_REQUEST_IDS = 10_000;
export const DEFAULT_REQUEST_ID_TTL_MS = 24 * 60 * 60 * 1000;

export interface RequestIdStoreOptions {
  readonly max?: number;
  readonly ttlMs?: number;
  /** The clock of the TTL; default `Date.now`. */
  readonly now?: () => number;
}

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

interface Accepted {
  readonly fingerprint: string;
  readonly agencyCollectionCaseId: string;
}

interface InFlight {
  readonly fingerprint: string;
  readonly settled: Promise<void>;
}

/** A store for one service instance; see the file comment for what it does not cover. */
export function createRequestIdStore(options: RequestIdStoreOptions = {}): RequestIdStore {
  const now = options.now ?? Date.now;
  const accepted = new LRUCache<string, Accepted>({
    max: options.max ?? DEFAULT_MAX_REQUEST_IDS,
    ttl: options.ttlMs ?? DEFAULT_REQUEST_ID_TTL_MS,
    // Read the clock on every check; lru-cache otherwise reuses a reading for a millisecond.
    ttlResolution: 0,
    perf: { now },
  });
  // Bounded by the requests running at once; each entry leaves when its request settles.
  const inFlight = new Map<string, InFlight>();

  return {
    async admit(requestId, fingerprint) {
      for (;;) {
        const done = accepted.get(requestId);
        if (done) {
          return done.fingerprint === fingerprint
            ? { kind: 'replay', agencyCollectionCaseId: done.agencyCollectionCaseId }
            : { kind: 'conflict' };
        }
        const running = inFlight.get(requestId);
        if (!running) break;
        if (running.fingerprint !== fingerprint) return { kind: 'conflict' };
        await running.settled;
      }

      let markSettled = (): void => undefined;
      const settled = new Promise<void>((resolve) => {
        markSettled = resolve;
      });
      inFlight.set(requestId, { fingerprint, settled });
      let open = true;
      return {
        kind: 'proceed',
        settle(acceptedCaseId) {
          if (open) {
            open = false;
            if (acceptedCaseId !== null) accepted.set(requestId, { fingerprint, agencyCollectionCaseId: acceptedCaseId });
            inFlight.delete(requestId);
            markSettled();
          }
          return Promise.resolve();
        },
      };
    },
  };
}

/** UUIDs are case-insensitive; the store and the wire use lower case. */
export function normalizeRequestId(requestId: string): string {
  return requestId.toLowerCase();
}

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Same value, same key: `"10.50"` and `"10.5"` are the same amount. */
function amountKey(text: string): string {
  return DECIMAL.test(text) ? exact(text).toFixed() : text;
}

function dateKey(value: string | Date | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  return calendarDateOf(value) ?? String(value);
}

function blockKey(block: BlockInputModel | null | undefined) {
  if (block === null || block === undefined) return block;
  return { limitType: block.limitType, endDate: dateKey(block.endDate) };
}

/**
 * Fingerprint of the caller's input (not of the merged payload, which changes with the case):
 * the mutation, the case, and the changes with amounts and dates normalized and debts in id
 * order. Absent and null stay distinct, since they mean different things for blocks.
 */
export function inputFingerprint(kind: CaseUpdateKind, input: CaseUpdateInputModel): string {
  const debts =
    input.debts == null
      ? input.debts
      : input.debts
          .map((debt) => ({
            debtId: debt.debtId,
            paidAmount: amountKey(debt.paidAmount),
            canceledAmount: amountKey(debt.canceledAmount),
            block: blockKey(debt.block),
          }))
          .sort((a, b) => (a.debtId < b.debtId ? -1 : a.debtId > b.debtId ? 1 : 0));
  const closure =
    input.closure == null
      ? input.closure
      : {
          type: input.closure.type,
          date: dateKey(input.closure.date),
          rejectionReason: input.closure.rejectionReason ?? null,
          reason: input.closure.reason ?? null,
          writeOffRemainingDebts: input.closure.writeOffRemainingDebts ?? null,
        };
  const normalized = {
    kind,
    agencyCollectionCaseId: input.agencyCollectionCaseId,
    debts,
    debtorBlock: blockKey(input.debtorBlock),
    closure,
  };
  return createHash('sha256').update(JSON.stringify(normalized)).digest('hex');
}
