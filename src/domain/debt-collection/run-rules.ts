/**
 * What makes a slice of a transfer run's debtors valid to ask for: `offset` from 0, `sliceSize`
 * from 1 to the provider's {@link MAX_SLICE_SIZE}. Bad values are BAD_USER_INPUT and never sent.
 */
import { fieldError, type FieldErrorModel } from '../errors';

/** Most debtors one slice may hold: our reading of the provider (raw.ts re-exports it; the simulator keeps it). */
export const MAX_SLICE_SIZE = 100;

/** The slice the graph asks for when the caller does not say. */
export const DEFAULT_SLICE = { offset: 0, sliceSize: 50 } as const;

export interface SliceArgs {
  readonly offset?: number | null;
  readonly sliceSize?: number | null;
}

export interface Slice {
  readonly offset: number;
  readonly sliceSize: number;
}

export type SliceCheck = { readonly ok: true; readonly slice: Slice } | { readonly ok: false; readonly fieldErrors: readonly FieldErrorModel[] };

export function checkSlice(args: SliceArgs): SliceCheck {
  const errors: FieldErrorModel[] = [];
  const offset = args.offset === undefined ? DEFAULT_SLICE.offset : args.offset;
  const sliceSize = args.sliceSize === undefined ? DEFAULT_SLICE.sliceSize : args.sliceSize;
  if (offset === null) {
    errors.push(fieldError(['offset'], 'NULL_NOT_ALLOWED', 'Leave offset out to start at 0.'));
  } else if (!Number.isSafeInteger(offset) || offset < 0) {
    errors.push(fieldError(['offset'], 'OUT_OF_RANGE', 'offset is a whole number from 0.'));
  }
  if (sliceSize === null) {
    errors.push(fieldError(['sliceSize'], 'NULL_NOT_ALLOWED', `Leave sliceSize out for ${DEFAULT_SLICE.sliceSize}.`));
  } else if (!Number.isSafeInteger(sliceSize) || sliceSize < 1 || sliceSize > MAX_SLICE_SIZE) {
    errors.push(fieldError(['sliceSize'], 'OUT_OF_RANGE', `sliceSize is a whole number from 1 to ${MAX_SLICE_SIZE}.`));
  }
  if (errors.length > 0 || offset === null || sliceSize === null) return { ok: false, fieldErrors: errors };
  return { ok: true, slice: { offset, sliceSize } };
}
