/**
 * Magicline debt-collection client: the cases read, the blocked lists, the update, and the
 * transfer runs (debtors, confirmTransfer), with the `x-api-key` header. Everything about this
 * provider's HTTP contract lives here and in raw.ts; callers get our model or a
 * `ProviderFailure` (whose `body` is the provider's {@link RawError}, see {@link errorBodyOf},
 * and whose `providerReference` is the provider's `traceId`).
 *
 * Amounts travel as JSON numbers. Before sending, every amount is checked to read back as the
 * same decimal (`String(Number(text))`); validation refuses amounts that would not, so this check
 * failing is a bug, and it throws before anything is sent rather than let a cent change.
 */
import type {
  BlockListModel,
  CaseUpdatePayload,
  ClosureChange,
  DebtCaseModel,
  DebtorModel,
  RunDebtorsSliceModel,
} from '../../domain/debt-collection/model';
import { isRunId, isWireId } from '../../domain/debt-collection/ids';
import { isUnreadable, unreadableRecord, type UnreadableRecord } from '../../domain/unreadable';
import { exact } from '../../domain/debt-collection/money';
import { checkSlice, type Slice } from '../../domain/debt-collection/run-rules';
import { ProviderFailure, type FailureDetail } from '../failure';
import { retryAfterSeconds, type HttpClient, type HttpResponse } from '../http';
import { isRecord } from '../values';
import { DebtCollectionFailure, missingScopeMessage, unreadable, unreadableFailure } from './failures';
import { mapBlockList, mapCasesAnswer, mapRunDebtorsAnswer, type MappedRunDebtor } from './mapping';
import { MAX_IDS_PER_PARAMETER, type RawClosure, type RawError, type RawScope, type RawUpdateRequest } from './raw';

const ROUTES = {
  cases: '/debt-collection/cases',
  update: '/debt-collection/update',
  blockedDebtors: '/debt-collection/blocked/debtors',
  blockedDebts: '/debt-collection/blocked/debts',
  runDebtors: (runId: string) => `/debt-collection/${encodeURIComponent(runId)}/debtors`,
  confirmTransfer: (runId: string) => `/debt-collection/${encodeURIComponent(runId)}/confirmTransfer`,
} as const;

/** The routes with an id in their path, as the rate limit counts them: one endpoint for every run. */
const ENDPOINTS = {
  runDebtors: '/debt-collection/{runId}/debtors',
  confirmTransfer: '/debt-collection/{runId}/confirmTransfer',
} as const;

export interface DebtCollectionCredentials {
  readonly apiKey: string;
}

/** Ids to read cases by. Within a list: any of them (OR); lists given together: all (AND). */
export interface CaseQuery {
  readonly debtorIds?: readonly string[];
  readonly agencyCollectionCaseIds?: readonly string[];
  readonly collectionCaseIds?: readonly string[];
}

/** One case of a read: its keys, its debtor (null when unreadable), and the case or why it cannot be read exactly. */
export interface ReadCase {
  readonly debtorId: string;
  readonly agencyCollectionCaseId: string;
  readonly collectionCaseIds: readonly string[];
  readonly debtor: DebtorModel | null;
  readonly value: DebtCaseModel | UnreadableRecord;
}

export interface DebtCollectionClient {
  /** The cases matching `query` (at most 50 ids a list, at least one list not empty). */
  readCases(query: CaseQuery): Promise<ReadCase[]>;
  /** One case as stored now, or null when unknown; rejects when it cannot be read exactly. */
  readCase(agencyCollectionCaseId: string): Promise<DebtCaseModel | null>;
  /** Sends one update; resolves once the provider accepted it. */
  update(payload: CaseUpdatePayload): Promise<void>;
  /** Every blocked debtor, by debtor id (`GET /blocked/debtors`). */
  blockedDebtors(): Promise<BlockListModel>;
  /** Every blocked debt, by debt id (`GET /blocked/debts`). */
  blockedDebts(): Promise<BlockListModel>;
  /** One slice of a run's debtors; null when the provider does not know the run. */
  runDebtors(runId: string, slice: Slice): Promise<RunDebtorsSliceModel | null>;
  /** Confirms the run's transfer (again is harmless); false when the provider does not know the run. */
  confirmTransfer(runId: string): Promise<boolean>;
}

/** The client for one tenant; `now` is the clock for reading `Retry-After` dates. */
export function createDebtCollectionClient(
  http: HttpClient,
  credentials: DebtCollectionCredentials,
  options: { readonly now?: () => number } = {},
): DebtCollectionClient {
  const now = options.now ?? Date.now;
  const headers = { 'x-api-key': credentials.apiKey };
  const failure = (detail: FailureDetail) => new ProviderFailure('DEBT_COLLECTION', detail);

  /** A refusal, with the provider's code and traceId; a 403 names the scope the call needs. */
  function statusFailure(res: HttpResponse, scope: RawScope): ProviderFailure {
    const body = isRecord(res.body) ? res.body : null;
    const optional = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
    const errorCode = optional(body?.errorCode);
    const detail: FailureDetail = {
      kind: 'http_status',
      status: res.status,
      providerCode: errorCode ?? String(res.status),
      retryAfterSeconds: retryAfterSeconds(res.headers, now()),
      body: res.body ?? null,
      providerReference: optional(body?.traceId),
    };
    return res.status === 403 ? new DebtCollectionFailure(detail, missingScopeMessage(scope)) : failure(detail);
  }

  async function readCases(query: CaseQuery): Promise<ReadCase[]> {
    const params = {
      debtorId: idList(query.debtorIds),
      agencyCollectionCaseId: idList(query.agencyCollectionCaseIds),
      collectionCaseId: idList(query.collectionCaseIds),
    };
    if (Object.values(params).every((value) => value === undefined)) {
      throw new RangeError('a cases read needs at least one id');
    }
    const res = await http.request({ method: 'GET', path: ROUTES.cases, query: params, headers });
    if (res.status !== 200) throw statusFailure(res, 'DEBT_COLLECTION_READ');
    const cases = mapCasesAnswer(res.body);
    if (!cases) throw failure({ kind: 'invalid_body', reason: 'cases answer without a result list' });
    return cases.map((mapped) => ({
      debtorId: mapped.debtorId,
      agencyCollectionCaseId: mapped.agencyCollectionCaseId,
      collectionCaseIds: mapped.collectionCaseIds,
      debtor: mapped.debtor,
      value: mapped.ok
        ? mapped.debtCase
        : unreadableRecord('DEBT_COLLECTION', `case ${mapped.agencyCollectionCaseId}`, mapped.reason),
    }));
  }

  async function blockList(path: string, idField: 'debtorId' | 'debtId', what: string): Promise<BlockListModel> {
    const res = await http.request({ method: 'GET', path, headers });
    if (res.status !== 200) throw statusFailure(res, 'DEBT_COLLECTION_READ');
    // Not JSON at all: a proxy's page, worth another try. JSON that is no whole list: the provider's.
    if (res.body === undefined) throw failure({ kind: 'invalid_body', reason: `${what} answer is not JSON` });
    const list = mapBlockList(res.body, idField);
    if (!list.ok) throw unreadable(`${what}: not a whole list, ${list.reason}`);
    return list.value;
  }

  return {
    readCases,

    async readCase(agencyCollectionCaseId) {
      const found = (await readCases({ agencyCollectionCaseIds: [agencyCollectionCaseId] })).find(
        (read) => read.agencyCollectionCaseId === agencyCollectionCaseId,
      );
      if (!found) return null;
      if (isUnreadable(found.value)) throw unreadableFailure(found.value);
      return found.value;
    },

    async update(payload) {
      // The same body with the same requestId: the provider applies a requestId once, so a repeat
      // after a lost answer is answered, not written again.
      const res = await http.request({ method: 'POST', path: ROUTES.update, json: toRawUpdate(payload), headers, idempotent: true });
      if (res.status !== 200) throw statusFailure(res, 'DEBT_COLLECTION_WRITE');
      // A 200 that does not confirm our requestId did not come from the provider's update: treat
      // it as unknown, not as success, so the caller never believes in a write that may not exist.
      if (!isRecord(res.body) || res.body.requestId !== payload.requestId) {
        throw failure({ kind: 'invalid_body', reason: 'update answer without our requestId' });
      }
    },

    blockedDebtors: () => blockList(ROUTES.blockedDebtors, 'debtorId', 'blocked debtors'),
    blockedDebts: () => blockList(ROUTES.blockedDebts, 'debtId', 'blocked debts'),

    async runDebtors(runId, slice) {
      if (!isRunId(runId)) throw new RangeError('a run id must fit one path segment');
      if (!checkSlice(slice).ok) throw new RangeError('a slice is an offset from 0 and a size from 1 to the maximum');
      const res = await http.request({
        method: 'GET',
        path: ROUTES.runDebtors(runId),
        endpoint: ENDPOINTS.runDebtors,
        query: { offset: String(slice.offset), sliceSize: String(slice.sliceSize) },
        headers,
      });
      if (res.status === 404) return null;
      if (res.status !== 200) throw statusFailure(res, 'DEBT_COLLECTION_READ');
      if (res.body === undefined) throw failure({ kind: 'invalid_body', reason: 'run debtors answer is not JSON' });
      const mapped = mapRunDebtorsAnswer(res.body, slice.offset);
      if (!mapped.ok) {
        throw unreadable(`debtors of run ${runId} from offset ${slice.offset}: ${mapped.reason}`);
      }
      return {
        items: mapped.value.debtors.map((debtor, index) => runDebtor(debtor, `debtor ${slice.offset + index} of run ${runId}`)),
        hasNext: mapped.value.hasNext,
        nextOffset: mapped.value.nextOffset,
      };
    },

    async confirmTransfer(runId) {
      if (!isRunId(runId)) throw new RangeError('a run id must fit one path segment');
      // Idempotent as documented: confirming a confirmed run answers 200 again, so a repeat after
      // a lost answer is safe.
      const res = await http.request({
        method: 'POST',
        path: ROUTES.confirmTransfer(runId),
        endpoint: ENDPOINTS.confirmTransfer,
        headers,
        idempotent: true,
      });
      if (res.status === 404) return false;
      if (res.status !== 200 && res.status !== 204) throw statusFailure(res, 'DEBT_COLLECTION_WRITE');
      return true;
    },
  };
}

/** A run's debtor as the model holds it; cases that cannot be read fail their own field (named by position, not by debtor id). */
function runDebtor(debtor: MappedRunDebtor, where: string): DebtorModel {
  const { transferredDebts } = debtor;
  return {
    debtorId: debtor.debtorId,
    block: debtor.block,
    transferredDebts: transferredDebts.ok
      ? transferredDebts.value
      : unreadableRecord('DEBT_COLLECTION', `transferred debts of ${where}`, transferredDebts.reason),
  };
}

/** The comma-joined list for one query parameter, or undefined when there is none. */
function idList(ids: readonly string[] | undefined): string | undefined {
  if (ids === undefined || ids.length === 0) return undefined;
  if (ids.length > MAX_IDS_PER_PARAMETER) throw new RangeError(`at most ${MAX_IDS_PER_PARAMETER} ids a parameter`);
  if (!ids.every(isWireId)) throw new RangeError('an id would not survive the comma-separated list');
  return ids.join(',');
}

/**
 * A decimal string as a JSON number, after checking that the number reads back as the same
 * value. Throws (nothing is sent) when it would not.
 */
export function wireNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || !exact(String(value)).equals(exact(text))) {
    throw new RangeError('an amount would change on its way through a JSON number');
  }
  return value;
}

function rawClosure(closure: ClosureChange): RawClosure {
  return {
    type: closure.type,
    date: closure.date,
    ...(closure.rejectionReason !== null && { rejectionReason: closure.rejectionReason }),
    ...(closure.reason !== null && { closureReason: closure.reason }),
    ...(closure.writeOffRemainingDebts !== null && {
      options: [{ key: 'WRITE_OFF_REMAINING_DEBTS' as const, value: String(closure.writeOffRemainingDebts) }],
    }),
  };
}

/** The wire body. A null block is left out, which the provider reads as "remove the block". */
export function toRawUpdate(payload: CaseUpdatePayload): RawUpdateRequest {
  return {
    requestId: payload.requestId,
    debtors: [
      {
        debtorId: payload.debtorId,
        ...(payload.debtorBlock && { block: { ...payload.debtorBlock } }),
        agencyCollectionCases: [
          {
            agencyCollectionCaseId: payload.agencyCollectionCaseId,
            ...(payload.publicCollectionCaseId !== null && { publicCollectionCaseId: payload.publicCollectionCaseId }),
            collectionCaseIds: [...payload.collectionCaseIds],
            ...(payload.closure && { closure: rawClosure(payload.closure) }),
            debts: payload.debts.map((debt) => ({
              debtId: debt.debtId,
              originalAmount: wireNumber(debt.originalAmount),
              canceledAmount: wireNumber(debt.canceledAmount),
              paidAmount: wireNumber(debt.paidAmount),
              currency: debt.currency,
              ...(debt.block && { block: { ...debt.block } }),
            })),
          },
        ],
      },
    ],
  };
}

/** The provider's error body of a failed call, when it sent one. */
export function errorBodyOf(failure: ProviderFailure): RawError | null {
  const detail = failure.detail;
  if (detail.kind !== 'http_status' || !isRecord(detail.body)) return null;
  const body = detail.body;
  const optional = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    errorMessage: typeof body.errorMessage === 'string' ? body.errorMessage : '',
    errorCode: optional(body.errorCode),
    traceId: optional(body.traceId),
    reference: optional(body.reference),
  };
}
