import type { Response } from 'express';
import { CDC_RETURN_CODES } from '../../../src/providers/cdc/raw';
import { sendEnvelope } from './envelope';

/** Why a field was refused: absent (406-03) or of the wrong type or form (400-37). */
export interface FieldFailure {
  kind: 'missing' | 'invalid';
  field: string;
}

/**
 * "Informed" means present, not null and, for text, not blank: a blank mandatory field is not
 * informed. Our reading; the documentation only names the 406-03 code.
 */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A mandatory string field; records a failure and answers `undefined` when it is not one. */
export function readRequiredString(body: Record<string, unknown>, field: string, failures: FieldFailure[]): string | undefined {
  const value = body[field];
  if (isMissing(value)) failures.push({ kind: 'missing', field });
  else if (typeof value !== 'string') failures.push({ kind: 'invalid', field });
  else return value;
  return undefined;
}

/** The `code` query parameter (our reading of "passed as a parameter"); given twice is invalid. */
export function readCodeParam(params: URLSearchParams, failures: FieldFailure[]): string | undefined {
  const values = params.getAll('code');
  const [value] = values;
  if (value === undefined || isMissing(value)) failures.push({ kind: 'missing', field: 'code' });
  else if (values.length > 1) failures.push({ kind: 'invalid', field: 'code' });
  else return value;
  return undefined;
}

/** Answers the first missing field (406-03), else the first invalid one (400-37). */
export function sendFieldFailure(res: Response, failures: readonly FieldFailure[]): void {
  const missing = failures.find((failure) => failure.kind === 'missing');
  const chosen = missing ?? failures[0];
  if (chosen === undefined) {
    sendEnvelope(res, CDC_RETURN_CODES.unexpected);
    return;
  }
  const code = chosen.kind === 'missing' ? CDC_RETURN_CODES.mandatoryFieldMissing : CDC_RETURN_CODES.invalidFieldType;
  sendEnvelope(res, code, { detail: chosen.field });
}
