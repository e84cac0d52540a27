import express, { type Express, type RequestHandler } from 'express';
import type { SimulatorCredentials } from '../fixtures';
import { createControlRouter } from '../common/control-routes';
import { faultMiddleware, type FaultStore } from '../common/faults';
import { jsonBodyParser, jsonErrorHandler } from '../common/json-body';
import { methodNotAllowed } from '../common/method-not-allowed';
import { createRequestLogMiddleware, type RequestLog } from '../common/request-log';
import type { TokenStore } from '../common/token-store';
import { loginHandler, requireBearer } from './auth';
import { sendError } from './errors';
import { listAssignments, listCollaterals, updateAssignment } from './handlers';
import type { AssignmentStore } from './store';

/** Everything the RecoveryConnect app is built from. */
export interface RecoveryConnectAppDeps {
  credentials: SimulatorCredentials;
  store: AssignmentStore;
  tokens: TokenStore;
  log: RequestLog;
  faults: FaultStore;
  now: () => Date;
  baseUrl: () => string;
}

export const AUTH_PATH = '/api/v140/auth';
const errorBody = (_status: number, message: string): { message: string } => ({ message });

/**
 * Order matters: control routes (unlogged) → log → JSON body → faults (so a faulted request is
 * logged, and faults win over auth) → routes, each with its own auth → 404 → errors.
 * Auth sits on the routes, not globally, because Laravel matches routes (404/405) before auth.
 */
export function createRecoveryConnectApp(deps: RecoveryConnectAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // the provider's caching is undocumented; never answer 304
  // Exact paths only: stricter than needed, and the log's "no auth body" rule relies on it.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);

  const revokeTokens = (): void => {
    deps.tokens.revokeAll();
  };
  app.use('/__sim', createControlRouter({ log: deps.log, faults: deps.faults, revokeTokens }));

  const logger = createRequestLogMiddleware(deps.log, {
    now: deps.now,
    // It carries the password; near-miss paths too, in case a client posts credentials to one.
    omitBody: (_method, path) => path.toLowerCase().replace(/\/+$/, '') === AUTH_PATH,
  });
  // An expired token answers as the provider's auth guard does (see requireBearer).
  const expiredToken = () => ({ status: 401, body: { message: 'Unauthenticated.' } });
  app.use(logger.start, jsonBodyParser(), logger.attachBody, faultMiddleware(deps.faults, { expiredToken }));

  const auth = requireBearer(deps.tokens);
  const only = (...methods: string[]): RequestHandler => methodNotAllowed(methods, errorBody);
  app.route(AUTH_PATH).post(loginHandler(deps.credentials, deps.tokens)).all(only('POST'));
  app.route('/api/v150/assignments').get(auth, listAssignments(deps)).all(only('GET'));
  app.route('/api/v130/assignments/:id').put(auth, updateAssignment(deps)).all(only('PUT'));
  app.route('/api/v130/assignments/:id/collaterals').get(auth, listCollaterals(deps)).all(only('GET'));

  app.use((_req, res) => {
    sendError(res, 404, 'Not found.');
  });
  app.use(jsonErrorHandler(errorBody));
  return app;
}
