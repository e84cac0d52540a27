/**
 * A record a provider sent that the graph cannot read: one it cannot identify (no id) or cannot
 * apply its rules to (e.g. a status the documentation does not list). It keeps its place in a
 * list, so the answer can say so there: null in its place, with an error at its path (see
 * "Partial answers" in the README). Anything less a record lacks is a null field, never this.
 */
import type { ProviderName } from './provider-fault';

export interface UnreadableRecord {
  readonly kind: 'unreadable';
  readonly provider: ProviderName;
  /**
   * Which record, by a reference that is not personal data: `assignment 5b0e…`, `item 3 of
   * page 2`. Never a name, a document, a VIN, a plate or a debtor id: it is logged.
   */
  readonly record: string;
  /** What is wrong with it, e.g. `unknown status number 12`. */
  readonly reason: string;
}

export function unreadableRecord(provider: ProviderName, record: string, reason: string): UnreadableRecord {
  return { kind: 'unreadable', provider, record, reason };
}

/** True for the unreadable entries of a list of records. */
export function isUnreadable(value: object): value is UnreadableRecord {
  return 'kind' in value && value.kind === 'unreadable';
}
