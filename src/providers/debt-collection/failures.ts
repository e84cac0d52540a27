/**
 * Debt-collection failures that say more than the generic wording: which API scope a 403 lacks,
 * and records the provider sent that cannot be read.
 */
import type { UnreadableRecord } from '../../domain/unreadable';
import { ProviderFailure, type FailureDetail } from '../failure';
import type { RawScope } from './raw';

/** A debt-collection failure with a message of its own (what a generic message cannot know). */
export class DebtCollectionFailure extends ProviderFailure {
  constructor(detail: FailureDetail, message: string) {
    super('DEBT_COLLECTION', detail);
    this.message = message;
  }
}

/**
 * The provider documents a 403 as "the caller has no privilege": with an API key that works (no
 * 401), the key lacks the scope this call needs (raw.ts says which).
 */
export function missingScopeMessage(scope: RawScope): string {
  return `Debt collection denied this call (HTTP 403): our API key there lacks the ${scope} scope this call needs.`;
}

/**
 * A record the provider sent that cannot be read exactly (a case, a debtor's transferred cases,
 * a blocked list). Not retryable: reading again gets the same record. `reason` names the record
 * by a non-personal reference (a case id, a position), never a debtor id: it is logged.
 */
export function unreadable(reason: string): ProviderFailure {
  return new ProviderFailure('DEBT_COLLECTION', { kind: 'unreadable_data', reason });
}

/** The failure of an unreadable record, worded as resolvers/partial.ts words it for a list slot. */
export function unreadableFailure(record: UnreadableRecord): ProviderFailure {
  return unreadable(`${record.record}: ${record.reason}`);
}
