import express, { Router } from 'express';
import { parseFaultSpec } from './fault-spec';
import type { FaultStore } from './faults';
import { jsonBodyParser, jsonErrorHandler } from './json-body';
import type { RequestLog } from './request-log';

/** What the `/__sim` control routes act on. */
export interface ControlRouteDeps {
  log: RequestLog;
  faults: FaultStore;
  /** Revokes every issued token; absent for providers without tokens (the route then 404s). */
  revokeTokens?: () => void;
}

/**
 * Test-control routes, mounted at `/__sim` before the request log so they are never recorded.
 * Answers use a plain `{message}` error shape whatever the provider's own shape is.
 */
export function createControlRouter(deps: ControlRouteDeps): Router {
  const router = express.Router();
  router.use(jsonBodyParser());

  router.get('/requests', (_req, res) => {
    res.json({ requests: deps.log.entries() });
  });
  router.delete('/requests', (_req, res) => {
    deps.log.clear();
    res.status(204).end();
  });

  router.post('/faults', (req, res) => {
    const parsed = parseFaultSpec(req.body);
    if (!parsed.ok) {
      res.status(400).json({ message: parsed.message });
      return;
    }
    res.status(201).json({ id: deps.faults.add(parsed.spec).id });
  });
  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.status(204).end();
  });

  const { revokeTokens } = deps;
  if (revokeTokens !== undefined) {
    router.delete('/tokens', (_req, res) => {
      revokeTokens();
      res.status(204).end();
    });
  }

  router.use((_req, res) => {
    res.status(404).json({ message: 'Unknown simulator control route.' });
  });
  router.use(jsonErrorHandler((_status, message) => ({ message })));
  return router;
}
