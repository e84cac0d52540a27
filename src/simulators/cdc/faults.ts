import type { RequestHandler } from 'express';
import { sendFault, type FaultStore } from '../common/faults';
import { readRequestUrl } from '../common/request-url';
import { envelope, messageOf } from './envelope';

/**
 * The common fault middleware, except that a fault registered without a `body` answers CDC's
 * envelope (`<status>-01`, e.g. 429-01, 503-01) instead of `{message}`: the real provider answers
 * every request with its envelope. A fault with a `body` sends that body untouched.
 */
export function cdcFaultMiddleware(store: FaultStore): RequestHandler {
  return (req, res, next) => {
    const fault = store.take(req.method, readRequestUrl(req).path);
    if (fault === undefined) {
      next();
      return;
    }
    const { spec } = fault;
    if ('body' in spec) {
      sendFault(res, spec);
      return;
    }
    const returnCode = `${String(spec.status)}-01`;
    sendFault(res, { ...spec, body: envelope(returnCode, messageOf(returnCode)) });
  };
}
