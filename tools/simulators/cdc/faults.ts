import type { RequestHandler } from 'express';
import { CDC_RETURN_CODES } from '../../../src/providers/cdc/raw';
import { faultMiddleware, type FaultAnswers, type FaultStore } from '../common/faults';
import { envelope, messageOf } from './envelope';

/**
 * CDC speaks its envelope in faults too: a fault registered without a `body` answers
 * `<status>-01` (e.g. 429-01, 503-01), as the real provider answers every request with its
 * envelope; `expiredToken` answers 401-05. A fault with a `body` sends that body untouched.
 */
export const CDC_FAULT_ANSWERS: FaultAnswers = {
  defaultBody: (status) => {
    const returnCode = `${String(status)}-01`;
    return envelope(returnCode, messageOf(returnCode));
  },
  expiredToken: () => ({ status: 401, body: envelope(CDC_RETURN_CODES.invalidToken, messageOf(CDC_RETURN_CODES.invalidToken)) }),
};

/** The common fault middleware with CDC's answers. */
export function cdcFaultMiddleware(store: FaultStore): RequestHandler {
  return faultMiddleware(store, CDC_FAULT_ANSWERS);
}
