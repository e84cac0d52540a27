import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CDC_RETURN_CODES, type RawEnvelope } from '../../../src/providers/cdc/raw';

/**
 * Our own return codes for what the documentation does not list: an unknown route and a known
 * route called with the wrong method. `<http status>-01`, the shape of every documented code.
 */
export const ROUTE_NOT_FOUND = '404-01';
export const METHOD_NOT_ALLOWED = '405-01';

/**
 * Messages by return code. The seed's wording where it gives one (200-01, 400-01, 400-09,
 * 400-30, 401-06); the rest are ours, as the public documentation lists no text for them.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  [CDC_RETURN_CODES.success]: 'Success.',
  [CDC_RETURN_CODES.unexpected]: 'Something unexpected happened.',
  [CDC_RETURN_CODES.noResults]: 'There are no results for the query.',
  [CDC_RETURN_CODES.statusNotPermitted]: 'Status unidentified or without permission to use.',
  [CDC_RETURN_CODES.invalidFieldType]: 'Invalid field type.',
  [CDC_RETURN_CODES.unknownClientKey]: 'Client key not found.',
  [CDC_RETURN_CODES.wrongClientSecret]: 'Invalid client secret.',
  [CDC_RETURN_CODES.invalidToken]: 'Invalid or expired token.',
  [CDC_RETURN_CODES.moduleNotEnabled]: 'The requested module is not enabled.',
  [CDC_RETURN_CODES.mandatoryFieldMissing]: 'Mandatory field not informed.',
  [CDC_RETURN_CODES.tooManyRequests]: 'Too many requests.',
  [CDC_RETURN_CODES.serviceError]: 'Service unavailable.',
  [ROUTE_NOT_FOUND]: 'Route not found.',
};

/** The HTTP status of a return code: the number before the dash (our reading, see raw.ts). */
export function httpStatusOf(returnCode: string): number {
  const status = Number(returnCode.split('-')[0]);
  if (!Number.isInteger(status) || status < 200 || status > 599) throw new Error(`Bad return code ${returnCode}.`);
  return status;
}

/** The standard message of a return code, with an optional detail (e.g. the offending field). */
export function messageOf(returnCode: string, detail?: string): string {
  const base = MESSAGES[returnCode] ?? 'Something unexpected happened.';
  return detail === undefined ? base : `${base.replace(/\.$/, '')}: ${detail}.`;
}

/** A fresh envelope; every answer gets its own `request_code`. `data` only when given. */
export function envelope<Data>(returnCode: string, message: string, data?: Data): RawEnvelope<Data> {
  const body: RawEnvelope<Data> = {
    request_code: randomUUID(),
    return: httpStatusOf(returnCode) < 300,
    return_code: returnCode,
    message,
  };
  if (data !== undefined) body.data = data;
  return body;
}

/** Options of {@link sendEnvelope}. */
export interface SendOptions<Data> {
  /** Appended to the code's message. */
  detail?: string;
  data?: Data;
}

/** Answers with the envelope, the HTTP status taken from the return code. */
export function sendEnvelope<Data>(res: Response, returnCode: string, options: SendOptions<Data> = {}): void {
  res.status(httpStatusOf(returnCode)).json(envelope(returnCode, messageOf(returnCode, options.detail), options.data));
}

/** For the common middleware that formats errors by HTTP status (405, body-parser failures). */
export function envelopeForStatus(status: number, message: string): RawEnvelope {
  // A malformed JSON body is a field of the wrong type, as far as the caller can tell.
  const returnCode = status === 400 ? CDC_RETURN_CODES.invalidFieldType : `${String(status)}-01`;
  return envelope(returnCode, message);
}
