import express, { type Express, type RequestHandler } from 'express';
import type { RawAuthRequest } from '../../../src/providers/cdc/raw';
import { createControlRouter } from '../common/control-routes';
import type { FaultStore } from '../common/faults';
import { jsonBodyParser, jsonErrorHandler } from '../common/json-body';
import { methodNotAllowed } from '../common/method-not-allowed';
import { createRequestLogMiddleware, type RequestLog } from '../common/request-log';
import type { TokenStore } from '../common/token-store';
import { requireBearer, tokenHandler } from './auth';
import { createCdcControlRouter } from './control';
import { envelopeForStatus, ROUTE_NOT_FOUND, sendEnvelope } from './envelope';
import { cdcFaultMiddleware } from './faults';
import {
  changeStatus,
  deleteAssignment,
  getAssignment,
  getStatusHistory,
  launchAssignment,
  listAssignments,
} from './handlers';
import type { CdcStore } from './store';
import type { WriteLog } from './write-log';

/** Everything the CDC app is built from. */
export interface CdcAppDeps {
  credentials: RawAuthRequest;
  store: CdcStore;
  tokens: TokenStore;
  log: RequestLog;
  writes: WriteLog;
  faults: FaultStore;
  now: () => Date;
}

export const AUTH_PATH = '/auth/token';

/**
 * Order matters: control routes (unlogged) → log → JSON body → faults (so a faulted request is
 * logged, and faults win over auth) → routes, each with its own auth → 404 → errors.
 * Auth sits on the routes so an unknown path answers 404 and a wrong method 405 before auth.
 * A malformed JSON body is refused (400-37) before auth and routing, as the body is parsed first.
 */
export function createCdcApp(deps: CdcAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // the provider's caching is undocumented; never answer 304
  // Exact paths only (`/assignment/` with its slash, `/assignment/list` without): the client
  // must call what raw.ts names, and the log's "no auth body" rule relies on it.
  app.set('case sensitive routing', true);
  app.set('strict routing', true);

  app.use('/__sim', createCdcControlRouter({ store: deps.store, writes: deps.writes, now: deps.now }));
  const revokeTokens = (): void => {
    deps.tokens.revokeAll();
  };
  app.use('/__sim', createControlRouter({ log: deps.log, faults: deps.faults, revokeTokens }));

  const logger = createRequestLogMiddleware(deps.log, {
    now: deps.now,
    // It carries the client secret; near-miss paths too, in case a client posts credentials to one.
    omitBody: (_method, path) => path.toLowerCase().replace(/\/+$/, '') === AUTH_PATH,
  });
  app.use(logger.start, jsonBodyParser(), logger.attachBody, cdcFaultMiddleware(deps.faults));

  const auth = requireBearer(deps.tokens);
  const only = (...methods: string[]): RequestHandler => methodNotAllowed(methods, envelopeForStatus);
  app.route(AUTH_PATH).post(tokenHandler(deps.credentials, deps.tokens)).all(only('POST'));
  app.route('/assignment/list').get(auth, listAssignments(deps)).all(only('GET'));
  app.route('/assignment/launch').post(auth, launchAssignment(deps)).all(only('POST'));
  app.route('/assignment/').get(auth, getAssignment(deps)).delete(auth, deleteAssignment(deps)).all(only('GET', 'DELETE'));
  app.route('/assignment/status/').get(auth, getStatusHistory(deps)).post(auth, changeStatus(deps)).all(only('GET', 'POST'));

  app.use((_req, res) => {
    // 404-01 is our reading: the documentation lists no code for an unknown route.
    sendEnvelope(res, ROUTE_NOT_FOUND);
  });
  app.use(jsonErrorHandler(envelopeForStatus));
  return app;
}
