import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { isRecord } from './guards';

/** JSON request bodies up to 1 MB, as every simulator accepts them. */
export function jsonBodyParser(): RequestHandler {
  return express.json({ limit: '1mb' });
}

/** Formats an error answer in the provider's own error shape. */
export type ErrorBodyFormatter = (status: number, message: string) => unknown;

/**
 * Last-resort handler: body-parser failures keep their 4xx status (malformed JSON → 400,
 * too large → 413), anything else is a 500. Nothing is printed: tests run many simulators.
 */
export function jsonErrorHandler(format: ErrorBodyFormatter): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = clientErrorStatus(err) ?? 500;
    res.status(status).json(format(status, messageFor(status)));
  };
}

function messageFor(status: number): string {
  if (status === 400) return 'Malformed JSON body.';
  if (status === 413) return 'Payload too large.';
  return status === 500 ? 'Server Error.' : 'Bad request.';
}

/** The 4xx status body-parser puts on its errors (malformed 400, too large 413, bad charset 415). */
function clientErrorStatus(err: unknown): number | undefined {
  if (!isRecord(err)) return undefined;
  const status = err['status'];
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
