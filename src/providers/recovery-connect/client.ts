/**
 * RecoveryConnect client: login, the assignment routes the graph uses, and the reading of
 * their answers. Everything about this provider's HTTP contract lives here; callers get our
 * model or a `ProviderFailure`.
 */
import type { AssignmentFilterModel, AssignmentModel, AssignmentPatch, CollateralModel } from '../../domain/assignment/model';
import { isUnreadable, unreadableRecord, type UnreadableRecord } from '../../domain/unreadable';
import { ProviderFailure } from '../failure';
import { retryAfterSeconds, type HttpClient, type HttpRequest, type HttpResponse } from '../http';
import { createTokenCache, type IssuedToken, type TokenCache } from '../token-cache';
import { DEFAULT_READING, mapAssignment, mapCollateralListItem, type RecoveryConnectReading } from './mapping';
import { RECOVERY_CONNECT_RATE_LIMIT_WINDOW_SECONDS, type RawAssignmentUpdate, type RawListQuery } from './raw';
import { identifier, integer, isRecord } from '../values';

/** The provider answers at most this many assignments a page, and so this many ids a call. */
export const MAX_IDS_PER_CALL = 250;

const ROUTES = {
  auth: '/api/v140/auth',
  assignments: '/api/v150/assignments',
  assignment: (id: string) => `/api/v130/assignments/${encodeURIComponent(id)}`,
  collaterals: (id: string) => `/api/v130/assignments/${encodeURIComponent(id)}/collaterals`,
} as const;

/** Our input field → the provider's body field, and back for the provider's 422 `errors`. */
const PATCH_FIELDS = {
  orderType: 'order_type',
  status: 'status',
  statusNote: 'status_note',
  collectorId: 'collector_id',
} as const satisfies Record<keyof AssignmentPatch, keyof RawAssignmentUpdate>;

/** The provider's field name → ours. */
const PATCH_FIELD_OF: ReadonlyMap<string, keyof AssignmentPatch> = new Map(
  (Object.keys(PATCH_FIELDS) as (keyof AssignmentPatch)[]).map((ours) => [PATCH_FIELDS[ours], ours]),
);

export interface RecoveryConnectCredentials {
  readonly username: string;
  readonly password: string;
}

/** One page of the assignment list. */
export interface AssignmentListPage {
  /** In the provider's order; an item without an id stays in its place, as unreadable. */
  readonly items: (AssignmentModel | UnreadableRecord)[];
  readonly page: number;
  readonly perPage: number;
  readonly total: number;
  readonly lastPage: number;
}

/** A field the provider rejected, in our input's names. */
export interface RejectedField {
  readonly field: keyof AssignmentPatch | null;
  readonly providerField: string;
  readonly message: string;
}

export interface RecoveryConnectClient {
  /** The assignments among `ids` that exist (at most 250 ids: one call). */
  assignmentsByIds(ids: readonly string[]): Promise<AssignmentModel[]>;
  listAssignments(filter: AssignmentFilterModel, page: number, perPage: number): Promise<AssignmentListPage>;
  /** Partial update; answers the whole assignment as it is now. */
  updateAssignment(id: string, patch: AssignmentPatch): Promise<AssignmentModel>;
  /** In the provider's order; an item that is not an object stays in its place, as unreadable. */
  collaterals(assignmentId: string): Promise<(CollateralModel | UnreadableRecord)[]>;
}

export interface RecoveryConnectClientOptions {
  readonly now?: () => number;
  /** How to read what the wire leaves open (the zone of zone-less timestamps). Default: UTC. */
  readonly reading?: RecoveryConnectReading;
}

export function createRecoveryConnectClient(
  http: HttpClient,
  credentials: RecoveryConnectCredentials,
  options: RecoveryConnectClientOptions = {},
): RecoveryConnectClient {
  const reading = options.reading ?? DEFAULT_READING;
  const failure = (detail: ConstructorParameters<typeof ProviderFailure>[1]) =>
    new ProviderFailure('RECOVERY_CONNECT', detail);

  const tokens: TokenCache = createTokenCache({
    now: options.now,
    login: async (): Promise<IssuedToken> => {
      // A login only issues a token: repeating it is harmless.
      const res = await http.request({ method: 'POST', path: ROUTES.auth, json: credentials, idempotent: true });
      if (res.status !== 200) throw statusFailure(res);
      const body = res.body;
      if (!isRecord(body) || typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
        throw failure({ kind: 'invalid_body', reason: 'login answer without access_token/expires_in' });
      }
      return { token: body.access_token, expiresInSeconds: body.expires_in };
    },
  });

  /** Sends with a valid token; a 401 means the token died early: log in again, once. */
  async function authorized(request: HttpRequest): Promise<HttpResponse> {
    const send = async (token: string) =>
      http.request({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
    const token = await tokens.get();
    const first = await send(token);
    if (first.status !== 401) return first;
    tokens.invalidate(token);
    return send(await tokens.get());
  }

  function statusFailure(res: HttpResponse): ProviderFailure {
    const named = retryAfterSeconds(res.headers);
    return failure({
      kind: 'http_status',
      status: res.status,
      providerCode: String(res.status),
      // A rate limit always has a wait: the one it names, else Laravel's window (see raw.ts).
      retryAfterSeconds: res.status === 429 ? (named ?? RECOVERY_CONNECT_RATE_LIMIT_WINDOW_SECONDS) : named,
      body: res.body ?? null,
    });
  }

  /** The `data` of a 200 answer, or a failure. */
  async function data(request: HttpRequest): Promise<{ data: unknown; body: Record<string, unknown> }> {
    const res = await authorized(request);
    if (res.status !== 200) throw statusFailure(res);
    if (!isRecord(res.body) || !('data' in res.body)) {
      throw failure({ kind: 'invalid_body', reason: 'answer without a data envelope' });
    }
    return { data: res.body.data, body: res.body };
  }

  /**
   * The items of a list answer, each an assignment or, without an object or an id the graph could
   * address it by, unreadable in its place. `place` names item `n` (from 1).
   */
  function assignmentList(value: unknown, place: (n: number) => string): (AssignmentModel | UnreadableRecord)[] {
    if (!Array.isArray(value)) throw failure({ kind: 'invalid_body', reason: 'data is not a list' });
    return value.map((item, index) => {
      if (!isRecord(item)) return unreadableRecord('RECOVERY_CONNECT', place(index + 1), 'not an object');
      if (identifier(item.id) === null) return unreadableRecord('RECOVERY_CONNECT', place(index + 1), 'no id');
      return mapped(item);
    });
  }

  // Reads coalesced across requests share one parsed answer (src/providers/http.ts): its items are
  // mapped once for all of them. Models are never changed after mapping, so sharing one is safe
  // (the entity cache shares them too).
  const mappedItems = new WeakMap<object, AssignmentModel>();
  function mapped(item: Record<string, unknown>): AssignmentModel {
    let model = mappedItems.get(item);
    if (model === undefined) {
      model = mapAssignment(item, reading);
      mappedItems.set(item, model);
    }
    return model;
  }

  return {
    async assignmentsByIds(ids) {
      if (ids.length === 0) return [];
      if (ids.length > MAX_IDS_PER_CALL) throw new RangeError(`at most ${MAX_IDS_PER_CALL} ids a call`);
      const query: RawListQuery = { ids: ids.join(','), per_page: String(MAX_IDS_PER_CALL) };
      const { data: items } = await data({ method: 'GET', path: ROUTES.assignments, query: { ...query } });
      // Asked for by id: an item without one answers none of them (each asked-for id is then null).
      return assignmentList(items, (n) => `item ${n}`).filter((item): item is AssignmentModel => !isUnreadable(item));
    },

    async listAssignments(filter, page, perPage) {
      const query: RawListQuery = {
        ids: filter.ids?.join(','),
        status: filter.status === undefined ? undefined : String(filter.status),
        client_id: filter.clientId,
        owner_id: filter.ownerId,
        acct_no: filter.accountNumber,
        page: String(page),
        per_page: String(perPage),
      };
      const { data: items, body } = await data({ method: 'GET', path: ROUTES.assignments, query: { ...query } });
      const meta = isRecord(body.meta) ? body.meta : {};
      const total = integer(meta.total);
      const lastPage = integer(meta.last_page);
      if (total === null || lastPage === null) {
        throw failure({ kind: 'invalid_body', reason: 'list answer without pagination meta' });
      }
      const current = integer(meta.current_page) ?? page;
      return {
        items: assignmentList(items, (n) => `item ${n} of page ${current}`),
        page: current,
        perPage: integer(meta.per_page) ?? perPage,
        total,
        lastPage: Math.max(lastPage, 1),
      };
    },

    async updateAssignment(id, patch) {
      // A partial update of the same fields to the same values: sending it again changes nothing more.
      const { data: assignment } = await data({ method: 'PUT', path: ROUTES.assignment(id), json: toRawUpdate(patch), idempotent: true });
      if (!isRecord(assignment) || identifier(assignment.id) === null) {
        throw failure({ kind: 'invalid_body', reason: 'update answer without the assignment' });
      }
      return mapAssignment(assignment, reading);
    },

    async collaterals(assignmentId) {
      const { data: items } = await data({ method: 'GET', path: ROUTES.collaterals(assignmentId) });
      if (!Array.isArray(items)) throw failure({ kind: 'invalid_body', reason: 'collaterals is not a list' });
      // The documented items carry no ids: each is shown by what it has (see raw.ts).
      return items.map((item, index) =>
        isRecord(item)
          ? mapCollateralListItem(item, reading)
          : unreadableRecord('RECOVERY_CONNECT', `collateral ${index + 1} of assignment ${assignmentId}`, 'not an object'),
      );
    },
  };
}

/** Only the fields present in the patch are sent: the provider keeps what is left out. */
export function toRawUpdate(patch: AssignmentPatch): RawAssignmentUpdate {
  const body: RawAssignmentUpdate = {};
  if (patch.orderType !== undefined) body.order_type = patch.orderType;
  if (patch.status !== undefined) body.status = patch.status;
  if (patch.statusNote !== undefined) body.status_note = patch.statusNote;
  if (patch.collectorId !== undefined) body.collector_id = Number(patch.collectorId);
  return body;
}

/** The fields of a provider 422 (`{message, errors: {field: [messages]}}`), in our names. */
export function rejectedFields(failure: ProviderFailure): RejectedField[] {
  const detail = failure.detail;
  if (detail.kind !== 'http_status' || detail.status !== 422 || !isRecord(detail.body)) return [];
  const errors = detail.body.errors;
  if (!isRecord(errors)) return [];
  return Object.entries(errors).map(([providerField, messages]) => ({
    providerField,
    field: PATCH_FIELD_OF.get(providerField) ?? null,
    message: Array.isArray(messages) && typeof messages[0] === 'string' ? messages[0] : 'rejected by the provider',
  }));
}
