/**
 * Magicline debt-collection client: the cases read and the update, with the `x-api-key` header.
 * Everything about this provider's HTTP contract lives here and in raw.ts; callers get our model
 * or a `ProviderFailure` (whose `body` is the provider's {@link RawError}, see {@link errorBodyOf}).
 *
 * Amounts travel as JSON numbers. Before sending, every amount is checked to read back as the
 * same decimal (`String(Number(text))`); validation refuses amounts that would not, so this check
 * failing is a bug, and it throws before anything is sent rather than let a cent change.
 */
import type { CaseUpdatePayload, ClosureChange, DebtCaseModel } from '../../domain/debt-collection/model';
import { isWireId } from '../../domain/debt-collection/ids';
import { exact } from '../../domain/debt-collection/money';
import { ProviderFailure, type FailureDetail } from '../failure';
import { retryAfterSeconds, type HttpClient, type HttpResponse } from '../http';
import { isRecord } from '../values';
import { mapCasesAnswer } from './mapping';
import { MAX_IDS_PER_PARAMETER, type RawClosure, type RawError, type RawUpdateRequest } from './raw';

const ROUTES = {
  cases: '/debt-collection/cases',
  update: '/debt-collection/update',
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

/** One case of a read: its keys, and the case or the failure to read it exactly. */
export interface ReadCase {
  readonly debtorId: string;
  readonly agencyCollectionCaseId: string;
  readonly collectionCaseIds: readonly string[];
  readonly value: DebtCaseModel | ProviderFailure;
}

export interface DebtCollectionClient {
  /** The cases matching `query` (at most 50 ids a list, at least one list not empty). */
  readCases(query: CaseQuery): Promise<ReadCase[]>;
  /** One case as stored now, or null when unknown; rejects when it cannot be read exactly. */
  readCase(agencyCollectionCaseId: string): Promise<DebtCaseModel | null>;
  /** Sends one update; resolves once the provider accepted it. */
  update(payload: CaseUpdatePayload): Promise<void>;
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

  function statusFailure(res: HttpResponse): ProviderFailure {
    const body = isRecord(res.body) ? res.body : null;
    const errorCode = typeof body?.errorCode === 'string' && body.errorCode !== '' ? body.errorCode : null;
    return failure({
      kind: 'http_status',
      status: res.status,
      providerCode: errorCode ?? String(res.status),
      retryAfterSeconds: retryAfterSeconds(res.headers, now()),
      body: res.body ?? null,
    });
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
    if (res.status !== 200) throw statusFailure(res);
    const cases = mapCasesAnswer(res.body);
    if (!cases) throw failure({ kind: 'invalid_body', reason: 'cases answer without a result list' });
    return cases.map((mapped) => ({
      debtorId: mapped.debtorId,
      agencyCollectionCaseId: mapped.agencyCollectionCaseId,
      collectionCaseIds: mapped.collectionCaseIds,
      value: mapped.ok ? mapped.debtCase : failure({ kind: 'invalid_body', reason: `unreadable case (${mapped.reason})` }),
    }));
  }

  return {
    readCases,

    async readCase(agencyCollectionCaseId) {
      const found = (await readCases({ agencyCollectionCaseIds: [agencyCollectionCaseId] })).find(
        (read) => read.agencyCollectionCaseId === agencyCollectionCaseId,
      );
      if (!found) return null;
      if (found.value instanceof ProviderFailure) throw found.value;
      return found.value;
    },

    async update(payload) {
      // The same body with the same requestId: the provider applies a requestId once, so a repeat
      // after a lost answer is answered, not written again.
      const res = await http.request({ method: 'POST', path: ROUTES.update, json: toRawUpdate(payload), headers, idempotent: true });
      if (res.status !== 200) throw statusFailure(res);
      // A 200 that does not confirm our requestId did not come from the provider's update: treat
      // it as unknown, not as success, so the caller never believes in a write that may not exist.
      if (!isRecord(res.body) || res.body.requestId !== payload.requestId) {
        throw failure({ kind: 'invalid_body', reason: 'update answer without our requestId' });
      }
    },
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
