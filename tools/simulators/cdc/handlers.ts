import type { RequestHandler } from 'express';
import { CDC_RETURN_CODES, type RawAssignmentDetail, type RawLaunchData, type RawStatusChange } from '../../../src/providers/cdc/raw';
import { readRequestUrl } from '../common/request-url';
import { sendEnvelope } from './envelope';
import { readCodeParam, sendFieldFailure, type FieldFailure } from './fields';
import { readLaunchRequest } from './launch-body';
import { isKnownStatus, partnerMayMove } from './status-rules';
import { readStatusRequest } from './status-body';
import type { CdcStore } from './store';
import type { WriteLog } from './write-log';

/** What the assignment handlers need. */
export interface CdcHandlerDeps {
  store: CdcStore;
  writes: WriteLog;
  now: () => Date;
}

/** `GET /assignment/list`: every assignment, no operations or history, no pagination. */
export function listAssignments(deps: CdcHandlerDeps): RequestHandler {
  return (_req, res) => {
    sendEnvelope(res, CDC_RETURN_CODES.success, { data: deps.store.list() });
  };
}

/** `GET /assignment/?code=…`: the assignment and its operations. */
export function getAssignment(deps: CdcHandlerDeps): RequestHandler {
  return readByCode((code): RawAssignmentDetail | undefined => deps.store.detail(code));
}

/** `GET /assignment/status/?code=…`: the status history, oldest first. */
export function getStatusHistory(deps: CdcHandlerDeps): RequestHandler {
  return readByCode((code): RawStatusChange[] | undefined => deps.store.history(code));
}

/** A read by the `code` parameter: 406-03/400-37 for a bad code, 400-09 when `find` has nothing. */
function readByCode(find: (code: string) => object | undefined): RequestHandler {
  return (req, res) => {
    const failures: FieldFailure[] = [];
    const code = readCodeParam(readRequestUrl(req).params, failures);
    if (code === undefined) {
      sendFieldFailure(res, failures);
      return;
    }
    const data = find(code);
    if (data === undefined) sendEnvelope(res, CDC_RETURN_CODES.noResults);
    else sendEnvelope(res, CDC_RETURN_CODES.success, { data });
  };
}

/**
 * `POST /assignment/status/?code=…` as the partner. Order: mandatory fields (406-03), then field
 * types (400-37), then the code (400-09), then the seed's status rules (400-30). Answers without
 * `data`, as the seed lists.
 */
export function changeStatus(deps: CdcHandlerDeps): RequestHandler {
  return (req, res) => {
    const failures: FieldFailure[] = [];
    const code = readCodeParam(readRequestUrl(req).params, failures);
    const request = readStatusRequest(req.body, failures);
    if (code === undefined || request === undefined) {
      sendFieldFailure(res, failures);
      return;
    }
    const current = deps.store.currentStatus(code);
    if (current === undefined) {
      sendEnvelope(res, CDC_RETURN_CODES.noResults);
      return;
    }
    const target = request.number_status;
    if (!isKnownStatus(target) || !partnerMayMove(current, target)) {
      sendEnvelope(res, CDC_RETURN_CODES.statusNotPermitted);
      return;
    }
    const now = deps.now();
    deps.store.setStatus(code, target, request.observation ?? '', now);
    deps.writes.record({ code, number_status: target, time: now.toISOString() });
    sendEnvelope(res, CDC_RETURN_CODES.success);
  };
}

/** `POST /assignment/launch`: a new assignment in status 1 (Typing). */
export function launchAssignment(deps: CdcHandlerDeps): RequestHandler {
  return (req, res) => {
    const failures: FieldFailure[] = [];
    const request = readLaunchRequest(req.body, failures);
    if (request === undefined) {
      sendFieldFailure(res, failures);
      return;
    }
    sendEnvelope<RawLaunchData>(res, CDC_RETURN_CODES.success, { data: deps.store.launch(request, deps.now()) });
  };
}

/** `DELETE /assignment/?code=…`: removes the assignment, whatever its status (none is documented as blocking). */
export function deleteAssignment(deps: CdcHandlerDeps): RequestHandler {
  return (req, res) => {
    const failures: FieldFailure[] = [];
    const code = readCodeParam(readRequestUrl(req).params, failures);
    if (code === undefined) {
      sendFieldFailure(res, failures);
      return;
    }
    sendEnvelope(res, deps.store.remove(code) ? CDC_RETURN_CODES.success : CDC_RETURN_CODES.noResults);
  };
}
