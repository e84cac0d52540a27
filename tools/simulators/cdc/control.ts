import express, { Router } from 'express';
import { isIntegerBetween, isRecord } from '../common/guards';
import { jsonBodyParser, jsonErrorHandler } from '../common/json-body';
import { providerMayMove } from './status-rules';
import type { CdcStore } from './store';
import type { WriteLog } from './write-log';

/** What the CDC-specific control routes act on. */
export interface CdcControlDeps {
  store: CdcStore;
  writes: WriteLog;
  now: () => Date;
}

/**
 * CDC's own `/__sim` routes, mounted before the common control router (which 404s anything it
 * does not know, so this router has no catch-all of its own). Errors are plain `{message}`.
 * - `GET /__sim/writes` → `{writes}`: the partner status changes applied, in order; `DELETE` clears.
 * - `POST /__sim/assignment-status` `{code, number_status, observation?}` → 204: a move by CDC or
 *   the system, behind the graph's back. Partner rules do not apply; the seed's one system rule
 *   does (9 only from 5 → 409). Not recorded in the write log, which holds the graph's writes.
 */
export function createCdcControlRouter(deps: CdcControlDeps): Router {
  const router = express.Router();

  router.get('/writes', (_req, res) => {
    res.json({ writes: deps.writes.entries() });
  });
  router.delete('/writes', (_req, res) => {
    deps.writes.clear();
    res.status(204).end();
  });

  router.post('/assignment-status', jsonBodyParser(), (req, res) => {
    const body: unknown = req.body;
    if (!isRecord(body)) {
      res.status(400).json({ message: 'The body must be a JSON object.' });
      return;
    }
    const { code, number_status: numberStatus, observation } = body;
    if (typeof code !== 'string' || code === '') {
      res.status(400).json({ message: 'code must be a non-empty string.' });
      return;
    }
    if (!isIntegerBetween(numberStatus, 1, 9)) {
      res.status(400).json({ message: 'number_status must be an integer from 1 to 9.' });
      return;
    }
    if (observation !== undefined && typeof observation !== 'string') {
      res.status(400).json({ message: 'observation must be a string.' });
      return;
    }
    const current = deps.store.currentStatus(code);
    if (current === undefined) {
      res.status(404).json({ message: `Unknown assignment code ${code}.` });
      return;
    }
    if (!providerMayMove(current, numberStatus)) {
      res.status(409).json({ message: `Status ${String(numberStatus)} can not follow status ${String(current)}.` });
      return;
    }
    deps.store.setStatus(code, numberStatus, observation ?? '', deps.now());
    res.status(204).end();
  });

  router.use(jsonErrorHandler((_status, message) => ({ message })));
  return router;
}
