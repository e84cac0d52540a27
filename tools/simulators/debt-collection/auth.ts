import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ErrorCode, sendError } from './errors';

/** Guards an API route: the `x-api-key` header must be exactly the configured key. */
export function requireApiKey(apiKey: string): RequestHandler {
  const expected = Buffer.from(apiKey);
  return (req, res, next) => {
    // Node joins a repeated header with ", ", so two keys never match one.
    const given = req.headers['x-api-key'];
    if (typeof given !== 'string' || !sameBytes(Buffer.from(given), expected)) {
      sendError(res, { status: 401, errorCode: ErrorCode.unauthorized, message: 'Missing or invalid API key.' });
      return;
    }
    next();
  };
}

/** Constant-time, so the simulator does not model a timing leak the real one may lack. */
function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
