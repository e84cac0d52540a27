import express, { type Express, type RequestHandler } from 'express';
import { createControlRouter } from '../common/control-routes';
import { faultMiddleware, type FaultStore } from '../common/faults';
import { jsonBodyParser, jsonErrorHandler } from '../common/json-body';
import { methodNotAllowed } from '../common/method-not-allowed';
import { createRequestLogMiddleware, type RequestLog } from '../common/request-log';
import { requireApiKey } from './auth';
import { ErrorCode, errorBody, errorBodyForStatus, sendError } from './errors';
import {
  getBlockedDebtors,
  getBlockedDebts,
  getCases,
  getRunDebtors,
  postConfirmTransfer,
  postUpdate,
  type DebtCollectionHandlerDeps,
} from './handlers';
import type { RateLimiter } from './rate-limit';

/** The provider's API lives below this path; the graph's base URL is `<simulator url>/v1`. */
export const API_PREFIX = '/v1';

const CASES_PATH = '/debt-collection/cases';
const BLOCKED_DEBTORS_PATH = '/debt-collection/blocked/debtors';
const BLOCKED_DEBTS_PATH = '/debt-collection/blocked/debts';
const UPDATE_PATH = '/debt-collection/update';
// After the blocked routes: `/debt-collection/blocked/debtors` is theirs, not a run's.
const RUN_DEBTORS_PATH = '/debt-collection/:runId/debtors';
const CONFIRM_TRANSFER_PATH = '/debt-collection/:runId/confirmTransfer';

/** Everything the debt-collection app is built from. */
export interface DebtCollectionAppDeps extends DebtCollectionHandlerDeps {
  apiKey: string;
  log: RequestLog;
  faults: FaultStore;
  rateLimit: RateLimiter;
}

/**
 * Order matters: control routes (unlogged) → log → JSON body → faults (so a faulted request is
 * logged, and faults win over auth) → routes, each: API key → rate limit → handler → 404 → errors.
 * Routes match before auth, so an unknown path is a 404 and a wrong method a 405 with or without a key.
 */
export function createDebtCollectionApp(deps: DebtCollectionAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // the provider's caching is undocumented; never answer 304
  app.set('case sensitive routing', true);
  app.set('strict routing', true);

  // Before the common control router, whose catch-all would answer 404.
  app.get('/__sim/writes', (_req, res) => {
    res.json({ writes: deps.writes.entries() });
  });
  app.delete('/__sim/writes', (_req, res) => {
    deps.writes.clear();
    res.status(204).end();
  });
  app.use('/__sim', createControlRouter({ log: deps.log, faults: deps.faults }));

  // The log keeps no headers, so the x-api-key never reaches it; update bodies carry no secret.
  const logger = createRequestLogMiddleware(deps.log, { now: deps.now, omitBody: () => false });
  // With no tokens, this provider's "expired token" is its bad-key 401 (see requireApiKey).
  const faultAnswers = {
    expiredToken: () => ({ status: 401, body: errorBody(ErrorCode.unauthorized, 'Missing or invalid API key.') }),
  };
  app.use(logger.start, jsonBodyParser(), logger.attachBody, faultMiddleware(deps.faults, faultAnswers));

  const auth = requireApiKey(deps.apiKey);
  const only = (...methods: string[]): RequestHandler => methodNotAllowed(methods, errorBodyForStatus);
  // Keyed by the route's own method, so a HEAD counts against its GET.
  const limit = (method: string, path: string): RequestHandler => deps.rateLimit(`${method} ${path}`);
  const route = (path: string): ReturnType<Express['route']> => app.route(API_PREFIX + path);

  route(CASES_PATH).get(auth, limit('GET', CASES_PATH), getCases(deps)).all(only('GET'));
  route(BLOCKED_DEBTORS_PATH).get(auth, limit('GET', BLOCKED_DEBTORS_PATH), getBlockedDebtors(deps)).all(only('GET'));
  route(BLOCKED_DEBTS_PATH).get(auth, limit('GET', BLOCKED_DEBTS_PATH), getBlockedDebts(deps)).all(only('GET'));
  route(UPDATE_PATH).post(auth, limit('POST', UPDATE_PATH), postUpdate(deps)).all(only('POST'));
  route(RUN_DEBTORS_PATH).get(auth, limit('GET', RUN_DEBTORS_PATH), getRunDebtors(deps)).all(only('GET'));
  route(CONFIRM_TRANSFER_PATH).post(auth, limit('POST', CONFIRM_TRANSFER_PATH), postConfirmTransfer(deps)).all(only('POST'));

  app.use((_req, res) => {
    sendError(res, { status: 404, errorCode: ErrorCode.notFound, message: 'Not found.' });
  });
  app.use(jsonErrorHandler(errorBodyForStatus));
  return app;
}
