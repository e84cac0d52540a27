import type { RequestHandler } from 'express';
import type { RawCasesPage, RawUpdateAnswer } from '../../../src/providers/debt-collection/raw';
import type { RunStore } from './runs';
import { parseSliceQuery } from './run-query';
import { readRequestUrl } from '../common/request-url';
import { parseCasesQuery } from './cases-query';
import { ErrorCode, sendError } from './errors';
import type { RequestIdStore } from './idempotency';
import type { DebtorStore } from './store';
import { parseUpdateBody } from './update-body';
import { checkAgainstStore } from './update-check';
import type { WriteLog } from './write-log';

/** What the debt-collection handlers need. */
export interface DebtCollectionHandlerDeps {
  store: DebtorStore;
  runs: RunStore;
  requestIds: RequestIdStore;
  writes: WriteLog;
  now: () => Date;
}

/** `GET /v1/debt-collection/cases`. */
export function getCases(deps: DebtCollectionHandlerDeps): RequestHandler {
  return (req, res) => {
    const parsed = parseCasesQuery(readRequestUrl(req).params);
    if (!parsed.ok) {
      sendError(res, parsed.error);
      return;
    }
    const body: RawCasesPage = { result: deps.store.cases(parsed.filter) };
    res.json(body);
  };
}

/** `GET /v1/debt-collection/blocked/debtors`. */
export function getBlockedDebtors(deps: DebtCollectionHandlerDeps): RequestHandler {
  return (_req, res) => {
    res.json(deps.store.blockedDebtors());
  };
}

/** `GET /v1/debt-collection/blocked/debts`. */
export function getBlockedDebts(deps: DebtCollectionHandlerDeps): RequestHandler {
  return (_req, res) => {
    res.json(deps.store.blockedDebts());
  };
}

/** An unknown run, on both run routes. */
function unknownRun(res: Parameters<RequestHandler>[1]): void {
  sendError(res, { status: 404, errorCode: ErrorCode.notFound, message: 'Unknown debt collection run.', reference: 'runId' });
}

/** `GET /v1/debt-collection/{runId}/debtors?offset&sliceSize`: a slice of the run's debtors. */
export function getRunDebtors(deps: DebtCollectionHandlerDeps): RequestHandler<{ runId: string }> {
  return (req, res) => {
    const parsed = parseSliceQuery(readRequestUrl(req).params);
    if (!parsed.ok) {
      sendError(res, parsed.error);
      return;
    }
    const page = deps.runs.debtors(req.params.runId, parsed.slice.offset, parsed.slice.sliceSize);
    if (page === undefined) {
      unknownRun(res);
      return;
    }
    res.json(page);
  };
}

/**
 * `POST /v1/debt-collection/{runId}/confirmTransfer`: 200 without a body, also for a run already
 * confirmed (documented: idempotent), which is not a second write.
 */
export function postConfirmTransfer(deps: DebtCollectionHandlerDeps): RequestHandler<{ runId: string }> {
  return (req, res) => {
    const { runId } = req.params;
    const confirmation = deps.runs.confirm(runId);
    if (confirmation === 'unknown') {
      unknownRun(res);
      return;
    }
    if (confirmation === 'confirmed') deps.writes.record({ confirmedRunId: runId, time: deps.now().toISOString() });
    res.status(200).end();
  };
}

/**
 * `POST /v1/debt-collection/update`. Order: body validation (400) → requestId (replay 200 without
 * a write, reuse 409) → store checks (404 / 409 CASE_CLOSED / 400) → apply. The requestId comes
 * before CASE_CLOSED so replaying the request that closed a case still answers 200. Nothing is
 * changed unless every check passes.
 */
export function postUpdate(deps: DebtCollectionHandlerDeps): RequestHandler {
  return (req, res) => {
    const body: unknown = req.body;
    const parsed = parseUpdateBody(body);
    if (!parsed.ok) {
      sendError(res, parsed.error);
      return;
    }
    const { update } = parsed;
    const answer: RawUpdateAnswer = { requestId: update.requestId };
    const use = deps.requestIds.classify(update.requestId, body);
    if (use === 'replay') {
      res.json(answer);
      return;
    }
    if (use === 'reused') {
      sendError(res, {
        status: 409,
        errorCode: ErrorCode.requestIdReused,
        message: 'This requestId was already used for another request.',
        reference: 'requestId',
      });
      return;
    }
    const problem = checkAgainstStore(update, deps.store);
    if (problem !== undefined) {
      sendError(res, problem);
      return;
    }
    deps.store.apply(update);
    deps.requestIds.remember(update.requestId, body);
    deps.writes.record({ requestId: update.requestId, time: deps.now().toISOString() });
    res.json(answer);
  };
}
