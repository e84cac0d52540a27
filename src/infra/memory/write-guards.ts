/** The case-write guards of one instance, in memory (without REDIS_URL). */
import type { CaseWriteGuards } from '../../application/debt-collection/ports';
import { createKeyedLock } from './keyed-lock';
import { createRequestIdStore } from './request-ids';

export function createCaseWriteGuards(options: { readonly now?: () => number } = {}): CaseWriteGuards {
  const now = options.now ?? Date.now;
  return { requestIds: createRequestIdStore({ now }), writeLocks: createKeyedLock(), now };
}
