import type { RequestHandler } from 'express';
import type { RawAssignment, RawDataEnvelope } from '../../../src/providers/recovery-connect/raw';
import { parseDigits } from '../common/guards';
import { readRequestUrl } from '../common/request-url';
import { collateralList } from './collaterals';
import { sendError, sendValidationError } from './errors';
import { parseListQuery } from './list-query';
import { paginate } from './pagination';
import type { AssignmentStore } from './store';
import { parseUpdateBody } from './update-body';

/** What the assignment handlers need. */
export interface AssignmentHandlerDeps {
  store: AssignmentStore;
  now: () => Date;
  /** The simulator's own base URL, known only once it listens. */
  baseUrl: () => string;
}

/** `GET /api/v150/assignments`. */
export function listAssignments(deps: AssignmentHandlerDeps): RequestHandler {
  return (req, res) => {
    const { path, params } = readRequestUrl(req);
    const parsed = parseListQuery(params);
    if (!parsed.ok) {
      sendValidationError(res, parsed.errors);
      return;
    }
    const { filter, page, perPage } = parsed.query;
    res.json(paginate(deps.store.list(filter), { path: deps.baseUrl() + path, params, page, perPage }));
  };
}

/** `PUT /api/v130/assignments/{id}`: 404 before validation, as Laravel binds the route model first. */
export function updateAssignment(deps: AssignmentHandlerDeps): RequestHandler {
  return (req, res) => {
    const id = routeId(req.params['id']);
    if (id === undefined || !deps.store.has(id)) {
      sendError(res, 404, 'Assignment not found.');
      return;
    }
    const parsed = parseUpdateBody(req.body);
    if (!parsed.ok) {
      sendValidationError(res, parsed.errors);
      return;
    }
    const updated = deps.store.update(id, parsed.update, deps.now());
    if (updated === undefined) {
      sendError(res, 404, 'Assignment not found.');
      return;
    }
    const body: RawDataEnvelope<RawAssignment> = { data: updated, status: 'success' };
    res.json(body);
  };
}

/** `GET /api/v130/assignments/{id}/collaterals`. */
export function listCollaterals(deps: AssignmentHandlerDeps): RequestHandler {
  return (req, res) => {
    const id = routeId(req.params['id']);
    const assignment = id === undefined ? undefined : deps.store.get(id);
    if (assignment === undefined) {
      sendError(res, 404, 'Assignment not found.');
      return;
    }
    res.json({ data: collateralList(assignment) });
  };
}

/** Express 5 types a param as possibly an array (wildcards); `:id` is always one string. */
function routeId(param: string | string[] | undefined): number | undefined {
  return typeof param === 'string' ? parseDigits(param) : undefined;
}
