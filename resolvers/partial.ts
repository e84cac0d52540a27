/**
 * Partial answers (README, "Partial answers"): a record a provider sent that the graph cannot
 * read is null in its place, with an error at its path that names it; the list and the other
 * records stay. graphql-js completes each list item on its own, so an item that is a rejected
 * promise becomes exactly that.
 */
import { isUnreadable, type UnreadableRecord } from '../src/domain/unreadable';
import { ProviderFailure } from '../src/providers/failure';

/** The error of an unreadable record: a PROVIDER_ERROR, not retryable (the provider would send it again). */
export function unreadableError(record: UnreadableRecord): ProviderFailure {
  return new ProviderFailure(record.provider, { kind: 'unreadable_data', reason: `${record.record}: ${record.reason}` });
}

/** Each record as it is; an unreadable one is null in its place, with its error. */
export function inPlace<T extends object>(items: readonly (T | UnreadableRecord)[]): (T | Promise<T>)[] {
  return items.map((item) => (isUnreadable(item) ? failedSlot<T>(unreadableError(item)) : item));
}

/** A value that fails with `error` where graphql-js completes it. */
function failedSlot<T>(error: Error): Promise<T> {
  const slot = Promise.reject(error);
  // graphql-js takes the rejection over; this only keeps Node from calling it unhandled meanwhile.
  slot.catch(() => undefined);
  return slot;
}
