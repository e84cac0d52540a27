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
 * Two implementations: this one (src/infra/memory/request-ids.ts), in memory and bounded (LRU, at most `max` ids, each for
 * `ttlMs`), for one instance; and src/shared-state/request-ids.ts, in Redis, shared by every
 * replica and kept across restarts. Without the shared one, a replay that reaches another
 * instance, or comes after eviction or a restart, is checked again against the case's current
 * state and written again with the same requestId; the provider's own requestId store (same id,
 * same body → 200 without a second write; other body → 409 REQUEST_ID_REUSED) is the second line.
 */
import { LRUCache } from 'lru-cache';
import type { RequestIdStore } from '../../application/debt-collection/ports';

export const DEFAULT_MAX_REQUEST_IDS = 10_000;
export const DEFAULT_REQUEST_ID_TTL_MS = 24 * 60 * 60 * 1000;

export interface RequestIdStoreOptions {
  readonly max?: number;
  readonly ttlMs?: number;
  /** The clock of the TTL; default `Date.now`. */
  readonly now?: () => number;
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

