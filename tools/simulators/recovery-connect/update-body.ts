import type { RawAssignmentUpdate } from '../../../src/providers/recovery-connect/raw';
import { isIntegerAtLeast, isRecord } from '../common/guards';
import { attributeName, type ValidationErrors } from './errors';

/** Outcome of {@link parseUpdateBody}: the update, or every field's errors (and nothing applied). */
export type UpdateBodyResult = { ok: true; update: RawAssignmentUpdate } | { ok: false; errors: ValidationErrors };

/** Counted in characters (code points), as Laravel's `max` rule counts with mb_strlen. */
const MAX_STATUS_NOTE = 1000;

/**
 * Validates a `PUT /api/v130/assignments/{id}` body. Only the four documented fields are read;
 * others are ignored, as Laravel ignores unvalidated input. A present `null` is refused:
 * the provider cannot clear these fields. Integers must be JSON numbers (stricter than
 * Laravel, which would also take "5"), so the client is held to the documented example.
 */
export function parseUpdateBody(input: unknown): UpdateBodyResult {
  if (!isRecord(input)) return { ok: false, errors: { body: ['The request body must be a JSON object.'] } };
  const errors: ValidationErrors = {};
  const update: RawAssignmentUpdate = {};

  const orderType = readInteger(input, 'order_type', 0, errors);
  if (orderType !== undefined) update.order_type = orderType;
  const status = readInteger(input, 'status', 0, errors);
  if (status !== undefined) update.status = status;
  const collectorId = readInteger(input, 'collector_id', 1, errors);
  if (collectorId !== undefined) update.collector_id = collectorId;
  const statusNote = readStatusNote(input, errors);
  if (statusNote !== undefined) update.status_note = statusNote;

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, update };
}

function readInteger(body: Record<string, unknown>, field: string, min: number, errors: ValidationErrors): number | undefined {
  if (!(field in body)) return undefined;
  const value = body[field];
  const name = attributeName(field);
  if (value === null) {
    errors[field] = [`The ${name} field must not be null.`];
  } else if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    errors[field] = [`The ${name} must be an integer.`];
  } else if (!isIntegerAtLeast(value, min)) {
    errors[field] = [`The ${name} must be at least ${String(min)}.`];
  } else {
    return value;
  }
  return undefined;
}

function readStatusNote(body: Record<string, unknown>, errors: ValidationErrors): string | undefined {
  if (!('status_note' in body)) return undefined;
  const value = body['status_note'];
  if (value === null) {
    errors['status_note'] = ['The status note field must not be null.'];
  } else if (typeof value !== 'string') {
    errors['status_note'] = ['The status note must be a string.'];
  } else if (Array.from(value).length > MAX_STATUS_NOTE) {
    errors['status_note'] = [`The status note may not be greater than ${String(MAX_STATUS_NOTE)} characters.`];
  } else {
    return value;
  }
  return undefined;
}
