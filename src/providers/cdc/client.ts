/**
 * Banco CDC "CaaS" client: login, the assignment routes the graph uses, and the reading of the
 * provider's envelope. Everything about this provider's HTTP contract lives here and in raw.ts;
 * callers get our model or a `ProviderFailure`.
 *
 * The envelope is the truth, not the HTTP status alone: an answer succeeds only when `return` is
 * true and `return_code` is a 2xx code. Every other answer becomes a `ProviderFailure` of kind
 * `http_status` whose `status` is the part of `return_code` before the dash (a `200` carrying
 * `return: false, return_code: "400-30"` is a 400) and whose `providerCode` is the `return_code`
 * itself. An answer without an envelope keeps its HTTP status as both.
 */
import { isCdcCode } from '../../domain/cdc/codes';
import type { CdcAssignmentList, CdcAssignmentRead, CdcStatusHistory, CdcStatusRequest } from '../../domain/cdc/model';
import { numberOfStatus } from '../../domain/cdc/status';
import { ProviderFailure, type FailureDetail } from '../failure';
import { retryAfterSeconds, type HttpClient, type HttpRequest, type HttpResponse } from '../http';
import { createTokenCache, type IssuedToken } from '../token-cache';
import { isRecord, text } from '../values';
import { isUnreadable } from '../../domain/unreadable';
import { mapAssignment, mapOperation, mapStatusChange } from './mapping';
import { CDC_RETURN_CODES, type RawAuthRequest, type RawStatusRequest } from './raw';

/** The routes, as raw.ts reads the documentation; the assignment code travels as `?code=`. */
export const CDC_ROUTES = {
  auth: '/auth/token',
  list: '/assignment/list',
  assignment: '/assignment/',
  status: '/assignment/status/',
} as const;

/** The partner's `client_key` and `client_secret` from Banco CDC: secrets, never logged. */
export interface CdcCredentials {
  readonly clientKey: string;
  readonly clientSecret: string;
}

/** What the graph asks of Banco CDC; every failure is a `ProviderFailure`. */
export interface CdcClient {
  /** Every assignment of the partner, without operations. */
  listAssignments(): Promise<CdcAssignmentList>;
  /** One assignment with its operations; `not_found` for an unknown (or impossible) code. */
  assignment(code: string): Promise<CdcAssignmentRead>;
  /** The status history, oldest first; empty for an unknown code. */
  statusHistory(code: string): Promise<CdcStatusHistory>;
  /**
   * Sends one status change, exactly once. It is never sent again here, because after a timeout
   * or a 5xx its outcome is unknown and a second POST could apply it twice; the caller reads the
   * assignment to find out. The one exception is a token the provider refused (401-05): nothing
   * was applied, so the change is sent again after a new login.
   */
  setStatus(request: CdcStatusRequest): Promise<void>;
}

/** The part of an envelope the client reads. */
interface Envelope {
  readonly returned: boolean;
  readonly returnCode: string;
  readonly data: unknown;
  /** Banco CDC's id of this call, for its support desk. */
  readonly requestCode: string | null;
}

function envelopeOf(body: unknown): Envelope | null {
  if (!isRecord(body) || typeof body.return !== 'boolean' || typeof body.return_code !== 'string') return null;
  return { returned: body.return, returnCode: body.return_code, data: body.data, requestCode: requestCodeOf(body.request_code) };
}

/** A `request_code` worth quoting: short plain text (a UUID in the seed), never whatever else came. */
function requestCodeOf(value: unknown): string | null {
  const written = text(value);
  return written !== null && /^[A-Za-z0-9._:-]{1,64}$/.test(written) ? written : null;
}

/** The HTTP status a return code stands for (`"400-30"` → 400), or null when it has no such shape. */
export function statusOfReturnCode(returnCode: string): number | null {
  const match = /^([1-5]\d\d)-\d+$/.exec(returnCode.trim());
  return match ? Number(match[1]) : null;
}

function failure(detail: FailureDetail): ProviderFailure {
  return new ProviderFailure('CDC', detail);
}

function invalidBody(reason: string): ProviderFailure {
  return failure({ kind: 'invalid_body', reason });
}

/** The `data` of a successful answer; any other answer throws its `ProviderFailure`. */
export function dataOf(res: HttpResponse): unknown {
  const envelope = envelopeOf(res.body);
  const rejected = (status: number, providerCode: string) =>
    failure({
      kind: 'http_status',
      status,
      providerCode,
      retryAfterSeconds: retryAfterSeconds(res.headers),
      body: res.body ?? null,
      providerReference: envelope?.requestCode ?? null,
    });
  if (envelope === null) {
    // A proxy's error page or an empty 503: the HTTP status is all there is.
    if (res.status >= 300) throw rejected(res.status, String(res.status));
    throw invalidBody('answer without the CDC envelope');
  }
  const status = statusOfReturnCode(envelope.returnCode) ?? (res.status >= 300 ? res.status : null);
  if (status === null) throw invalidBody('answer with an unreadable return_code');
  const succeeded = status < 300;
  if (envelope.returned !== succeeded) throw invalidBody('answer whose return and return_code disagree');
  if (!succeeded) throw rejected(status, envelope.returnCode);
  return envelope.data;
}

/** True for a failure that carries this return code. */
export function hasReturnCode(error: unknown, returnCode: string): boolean {
  return error instanceof ProviderFailure && error.detail.kind === 'http_status' && error.detail.providerCode === returnCode;
}

/** The provider refused the token (expired, revoked): worth one new login. */
function tokenRefused(res: HttpResponse): boolean {
  const envelope = envelopeOf(res.body);
  return envelope === null ? res.status === 401 : envelope.returnCode === CDC_RETURN_CODES.invalidToken;
}

/** The one client per process; its token is shared by all requests. */
export function createCdcClient(
  http: HttpClient,
  credentials: CdcCredentials,
  options: { readonly now?: () => number } = {},
): CdcClient {
  const tokens = createTokenCache({
    now: options.now,
    login: async (): Promise<IssuedToken> => {
      const body: RawAuthRequest = { client_key: credentials.clientKey, client_secret: credentials.clientSecret };
      // A login only issues a token: repeating it is harmless.
      const data = dataOf(await http.request({ method: 'POST', path: CDC_ROUTES.auth, json: body, idempotent: true }));
      if (!isRecord(data) || typeof data.access_token !== 'string' || data.access_token === '') {
        throw invalidBody('login answer without access_token');
      }
      if (typeof data.expires_in !== 'number' || !(data.expires_in > 0)) {
        throw invalidBody('login answer without a positive expires_in');
      }
      return { token: data.access_token, expiresInSeconds: data.expires_in };
    },
  });

  /** Sends with a valid token; when the provider refuses it (401-05), logs in again, once. */
  async function send(request: HttpRequest): Promise<unknown> {
    const attempt = async (token: string) =>
      http.request({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
    const token = await tokens.get();
    const first = await attempt(token);
    if (!tokenRefused(first)) return dataOf(first);
    tokens.invalidate(token);
    return dataOf(await attempt(await tokens.get()));
  }

  /** Like {@link send}, but "no results" (400-09) is an answer, not a failure. */
  async function sendOrNone(request: HttpRequest): Promise<{ found: true; data: unknown } | { found: false }> {
    try {
      return { found: true, data: await send(request) };
    } catch (error) {
      if (hasReturnCode(error, CDC_RETURN_CODES.noResults)) return { found: false };
      throw error;
    }
  }

  return {
    async listAssignments() {
      const answer = await sendOrNone({ method: 'GET', path: CDC_ROUTES.list });
      if (!answer.found) return { assignments: [] };
      if (!Array.isArray(answer.data)) throw invalidBody('assignment list is not a list');
      return { assignments: answer.data.map((item, index) => mapAssignment(item, `item ${index + 1} of the assignment list`)) };
    },

    async assignment(code) {
      if (!isCdcCode(code)) return { kind: 'not_found' };
      const answer = await sendOrNone({ method: 'GET', path: CDC_ROUTES.assignment, query: { code } });
      if (!answer.found) return { kind: 'not_found' };
      const data = answer.data;
      if (!isRecord(data) || !isRecord(data.assignment) || !Array.isArray(data.operations)) {
        throw invalidBody('assignment answer without assignment and operations');
      }
      const mapped = mapAssignment(data.assignment, `assignment ${code}`);
      if (isUnreadable(mapped)) return { kind: 'unreadable', record: mapped };
      if (mapped.code !== code) throw invalidBody('answer about another assignment');
      const operations = data.operations.map((item, index) => mapOperation(item, code, index));
      return { kind: 'found', assignment: { ...mapped, operations } };
    },

    async statusHistory(code) {
      if (!isCdcCode(code)) return { changes: [] };
      const answer = await sendOrNone({ method: 'GET', path: CDC_ROUTES.status, query: { code } });
      if (!answer.found) return { changes: [] };
      if (!Array.isArray(answer.data)) throw invalidBody('status history is not a list');
      return { changes: answer.data.map((item, index) => mapStatusChange(item, code, index)) };
    },

    async setStatus(request) {
      const body: RawStatusRequest = {
        number_status: numberOfStatus(request.status),
        ...(request.observation !== undefined && { observation: request.observation }),
      };
      // Never repeated by the policy: a second POST could apply the change twice (see setStatus).
      await send({ method: 'POST', path: CDC_ROUTES.status, query: { code: request.code }, json: body, idempotent: false });
    },
  };
}
