import { isRecord } from '../common/guards';
import { ErrorCode, type SimError } from './errors';

/**
 * Small readers for the update body. Each throws {@link InvalidField} on the first bad field, so
 * the validator reads top to bottom and the answer names exactly one field, with indexes.
 */
export class InvalidField extends Error {
  constructor(readonly simError: SimError) {
    super(simError.message);
  }
}

/** `debtors[0].block` style paths, as `reference` names fields. */
export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

export function invalid(reference: string, message: string, errorCode: string = ErrorCode.invalidValue): InvalidField {
  return new InvalidField({ status: 400, errorCode, message, reference });
}

function missing(reference: string): InvalidField {
  return invalid(reference, `${reference} is required.`, ErrorCode.required);
}

/** Absent and `null` are both "missing" for a required field. */
function present(object: Record<string, unknown>, key: string): unknown {
  const value = object[key];
  return value === null ? undefined : value;
}

/** A required, non-empty string. */
export function requiredString(object: Record<string, unknown>, key: string, parent: string): string {
  const reference = fieldPath(parent, key);
  const value = present(object, key);
  if (value === undefined || value === '') throw missing(reference);
  if (typeof value !== 'string') throw invalid(reference, `${reference} must be a string.`);
  return value;
}

/** An optional string; `nullable` says whether the wire type allows an explicit `null`. */
export function optionalString(
  object: Record<string, unknown>,
  key: string,
  parent: string,
  nullable: boolean,
): string | null | undefined {
  if (!(key in object)) return undefined;
  const value = object[key];
  const reference = fieldPath(parent, key);
  if (value === null) {
    if (nullable) return null;
    throw invalid(reference, `${reference} must be left out rather than null.`);
  }
  if (typeof value !== 'string') throw invalid(reference, `${reference} must be a string.`);
  return value;
}

export function requiredArray(object: Record<string, unknown>, key: string, parent: string): unknown[] {
  const reference = fieldPath(parent, key);
  const value = present(object, key);
  if (value === undefined) throw missing(reference);
  if (!Array.isArray(value)) throw invalid(reference, `${reference} must be an array.`);
  return value;
}

/** An optional object that, when sent, must be an object: `null` is refused (the wire type has none). */
export function optionalObject(object: Record<string, unknown>, key: string, parent: string): Record<string, unknown> | undefined {
  if (!(key in object) || object[key] === undefined) return undefined;
  return asObject(object[key], fieldPath(parent, key));
}

export function asObject(value: unknown, reference: string): Record<string, unknown> {
  if (!isRecord(value)) throw invalid(reference, `${reference} must be an object.`);
  return value;
}

/** A required string from a fixed set. */
export function requiredEnum<T extends string>(
  object: Record<string, unknown>,
  key: string,
  parent: string,
  allowed: readonly T[],
): T {
  const value = requiredString(object, key, parent);
  return oneOf(value, allowed, fieldPath(parent, key));
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], reference: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw invalid(reference, `${reference} must be one of ${allowed.join(', ')}.`);
  return found;
}

/** A required `YYYY-MM-DD` that is a real calendar day. */
export function requiredDate(object: Record<string, unknown>, key: string, parent: string): string {
  const value = requiredString(object, key, parent);
  if (!isCalendarDate(value)) throw invalid(fieldPath(parent, key), `${fieldPath(parent, key)} must be a date YYYY-MM-DD.`);
  return value;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A required amount: a finite JSON number. Its sign and decimals are checked against the stored
 * debt (update-check.ts), since a stored amount may be sent back as it is.
 */
export function requiredAmount(object: Record<string, unknown>, key: string, parent: string): number {
  const reference = fieldPath(parent, key);
  const value = present(object, key);
  if (value === undefined) throw missing(reference);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(reference, `${reference} must be a number.`);
  return value;
}
