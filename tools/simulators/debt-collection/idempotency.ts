import { isRecord } from '../common/guards';

/** What an update's `requestId` means: new, a replay of an applied body, or reuse with another body. */
export type RequestIdUse = 'new' | 'replay' | 'reused';

/**
 * The provider keeps every applied `requestId` (raw.ts). Bodies are compared as parsed JSON, so
 * key order and `100` vs `100.0` do not matter. Only applied updates are remembered: a refused
 * request may be corrected and sent again under the same id. Unbounded, like the provider's.
 */
export interface RequestIdStore {
  classify(requestId: string, body: unknown): RequestIdUse;
  remember(requestId: string, body: unknown): void;
}

export function createRequestIdStore(): RequestIdStore {
  const bodies = new Map<string, unknown>();
  return {
    classify(requestId, body) {
      if (!bodies.has(requestId)) return 'new';
      return sameJson(bodies.get(requestId), body) ? 'replay' : 'reused';
    },
    remember(requestId, body) {
      bodies.set(requestId, structuredClone(body));
    },
  };
}

/**
 * Deep equality of JSON values. Not `util.isDeepStrictEqual`: it also compares prototypes, which
 * differ between realms (a structuredClone made outside a vm context, as under jest).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isRecord(a)) {
    if (!isRecord(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return a === b;
}
