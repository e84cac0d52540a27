import { DEFAULT_SLICE_SIZE, MAX_SLICE_SIZE } from '../../../src/providers/debt-collection/raw';
import { ErrorCode, type SimError } from './errors';

/** A validated slice of a run's debtors. */
export interface SliceQuery {
  offset: number;
  sliceSize: number;
}

/** Outcome of {@link parseSliceQuery}. */
export type SliceQueryResult = { ok: true; slice: SliceQuery } | { ok: false; error: SimError };

/** Offsets beyond this are refused rather than read as a huge number. */
const MAX_OFFSET = 2_147_483_647;

/**
 * Reads `offset` (default 0) and `sliceSize` (default {@link DEFAULT_SLICE_SIZE}, at most
 * {@link MAX_SLICE_SIZE}) of `GET /debt-collection/{runId}/debtors`: whole numbers written in
 * digits, each given once. Anything else is 400 at its name; unknown parameters are ignored.
 */
export function parseSliceQuery(params: URLSearchParams): SliceQueryResult {
  const offset = whole(params, 'offset', 0, 0, MAX_OFFSET);
  if (!offset.ok) return offset;
  const sliceSize = whole(params, 'sliceSize', DEFAULT_SLICE_SIZE, 1, MAX_SLICE_SIZE);
  if (!sliceSize.ok) return sliceSize;
  return { ok: true, slice: { offset: offset.value, sliceSize: sliceSize.value } };
}

function whole(
  params: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): { ok: true; value: number } | { ok: false; error: SimError } {
  const values = params.getAll(name);
  const [value] = values;
  if (value === undefined) return { ok: true, value: fallback };
  const number = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (values.length > 1 || !(number >= min && number <= max)) {
    const message = `${name} must be given once, as a whole number from ${min} to ${max}.`;
    return { ok: false, error: { status: 400, errorCode: ErrorCode.invalidValue, message, reference: name } };
  }
  return { ok: true, value: number };
}
