import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { RawError } from '../../../src/providers/debt-collection/raw';

/** The `errorCode`s this simulator answers; the provider's own set is not documented. */
export const ErrorCode = {
  unauthorized: 'UNAUTHORIZED',
  required: 'REQUIRED',
  invalidValue: 'INVALID_VALUE',
  validation: 'VALIDATION_ERROR',
  tooManyIds: 'TOO_MANY_IDS',
  missingFilter: 'MISSING_FILTER',
  notFound: 'NOT_FOUND',
  methodNotAllowed: 'METHOD_NOT_ALLOWED',
  requestIdReused: 'REQUEST_ID_REUSED',
  caseClosed: 'CASE_CLOSED',
  rateLimited: 'RATE_LIMITED',
  malformedRequest: 'MALFORMED_REQUEST',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  serverError: 'INTERNAL_ERROR',
} as const;

/** A refusal before it is written: status, code, plain message and the bad field's path. */
export interface SimError {
  status: number;
  errorCode: string;
  message: string;
  /** e.g. `debtors[0].agencyCollectionCases[0].debts[1].paidAmount`; absent when no one field is at fault. */
  reference?: string;
}

/** A RawError body with a fresh hex `traceId`, as every error answer carries one. */
export function errorBody(errorCode: string, message: string, reference?: string): RawError {
  const body: RawError = { errorMessage: message, errorCode, traceId: randomBytes(16).toString('hex') };
  if (reference !== undefined) body.reference = reference;
  return body;
}

export function sendError(res: Response, error: SimError): void {
  res.status(error.status).json(errorBody(error.errorCode, error.message, error.reference));
}

/** For the common 405/413/malformed-JSON/500 handlers, which only know a status and a message. */
export function errorBodyForStatus(status: number, message: string): RawError {
  return errorBody(codeForStatus(status), message);
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return ErrorCode.malformedRequest;
    case 404:
      return ErrorCode.notFound;
    case 405:
      return ErrorCode.methodNotAllowed;
    case 413:
      return ErrorCode.payloadTooLarge;
    default:
      return status >= 500 ? ErrorCode.serverError : ErrorCode.validation;
  }
}
