/**
 * The one way the graph talks HTTP to a provider: an undici `Pool` per provider with explicit
 * connect/headers/body timeouts, a connection limit and a response size limit, and, when given,
 * the provider's call policy (resilience/policy.ts: bulkhead, circuit breaker, per-call timeout,
 * retries of calls that are safe to repeat) under the GraphQL request's deadline
 * (resilience/deadline.ts). Identical GETs in flight at the same moment are sent once
 * (coalesce.ts). Every transport problem leaves here as a `ProviderFailure` of the closed set in
 * `failure.ts`; HTTP statuses are returned for the provider client to interpret
 * (each provider has its own envelope). The body is read defensively: anything that is not JSON
 * (an HTML error page, a truncated text, nothing at all) arrives as `body: undefined`.
 */
import { Pool } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { observePolicy, providerCallMetrics, type CallOutcome, type RouteMetrics } from '../infra/observability/provider-metrics';
import { routeTemplate } from '../infra/observability/route-template';
import { startCallSpan, type CallSpan } from '../infra/observability/trace-spans';
import { currentRequestContext } from '../infra/request-context';
import { createReadCoalescer } from './coalesce';
import { ProviderFailure, type FailureDetail, type ProviderName } from './failure';
import { createDeadline, currentDeadline, DEFAULT_REQUEST_DEADLINE_MS, type Deadline } from '../infra/deadline';
import type { ProviderPolicy } from './resilience/policy';
import type { RateBudget } from './resilience/rate-budget';
import { currentRequestShare } from './resilience/request-share';

export { retryAfterSeconds } from './resilience/retry-after';

/** Limits of one provider's connection pool. */
export interface HttpClientOptions {
  readonly provider: ProviderName;
  /** Base URL, may carry a path prefix (`https://tenant.example.com/v1`). */
  readonly baseUrl: string;
  /** Most sockets open to the provider at once. */
  readonly connections: number;
  readonly connectTimeoutMs: number;
  /** Time to the first byte of the answer's headers. */
  readonly headersTimeoutMs: number;
  /** Longest pause between two chunks of the body. */
  readonly bodyTimeoutMs: number;
  /** A larger answer is cut off and reported as an invalid body. */
  readonly maxResponseBytes: number;
  /** The provider's call policy; without one, every request is sent once, bounded by the timeouts only. */
  readonly policy?: ProviderPolicy;
  /** The provider's rate budget, taken before every attempt under the policy (none: no budget). */
  readonly rateBudget?: RateBudget;
  /**
   * Whether an identical GET already in flight (same path, query and caller headers) is joined
   * instead of sent again (coalesce.ts). Default: true (PROVIDER_COALESCE_READS).
   */
  readonly coalesceReads?: boolean;
}

/** Sent to providers with the id of the request a call is made for. */
const REQUEST_ID_HEADER = 'x-request-id';

/** Timeouts below the default request deadline (10 s), so a hanging provider times out (and counts against its breaker) before the request gives up. */
export const DEFAULT_HTTP_LIMITS = {
  connections: 16,
  connectTimeoutMs: 3_000,
  headersTimeoutMs: 5_000,
  bodyTimeoutMs: 5_000,
  maxResponseBytes: 5 * 1024 * 1024,
} as const;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  readonly method: HttpMethod;
  /** Path below the base URL, starting with `/`. */
  readonly path: string;
  /** Undefined values are left out. */
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as a JSON body. */
  readonly json?: unknown;
  readonly signal?: AbortSignal;
  /**
   * Whether sending this exact request again cannot apply it twice, so the policy may repeat it
   * after a failure. Default: true for GET, false otherwise. Say true for PUTs of the same fields
   * and writes the provider dedupes by a key; never for a plain POST.
   */
  readonly idempotent?: boolean;
  /**
   * The path's template (`/runs/{runId}`), never an id: the rate budget's key per endpoint, the
   * metrics' `route` label and the spans' names. Default: derived from `path`, every segment that
   * is not a plain word or an API version as `{id}` (src/observability/route-template.ts).
   */
  readonly endpoint?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; `undefined` when the body was empty or not JSON. */
  readonly body: unknown;
}

export interface HttpClient {
  readonly provider: ProviderName;
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** Creates the pooled client for one provider. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const server = { address: base.hostname, port: Number(base.port) || (base.protocol === 'https:' ? 443 : 80) };
  const metrics = providerCallMetrics(options.provider);
  const pool = new Pool(base.origin, {
    connections: options.connections,
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    maxResponseSize: options.maxResponseBytes,
  });
  const coalescer = (options.coalesceReads ?? true) ? createReadCoalescer() : null;

  /** One attempt. `deadline` and `req.signal` tell an abort by them from the policy's per-call timeout. */
  async function send(
    req: HttpRequest,
    path: string,
    signal: AbortSignal | undefined,
    deadline: Deadline | undefined,
    span: CallSpan | null,
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    // The request this call is made for, so the provider's own logs can be matched with ours.
    const requestId = currentRequestContext()?.requestId;
    if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    }
    // With tracing on: the attempt's span, whose context goes to the provider as `traceparent`.
    const attempt = span?.attempt(headers);
    let answered = false;
    try {
      const res = await pool.request({
        method: req.method,
        path: basePath + path,
        headers,
        body,
        signal,
      });
      answered = true;
      const text = await res.body.text();
      attempt?.answered(res.statusCode);
      return { status: res.statusCode, headers: res.headers, body: parseJson(text) };
    } catch (error) {
      const detail = signal?.aborted ? abortedDetail(req, deadline, answered) : transportFailure(error);
      attempt?.failed(detail.kind);
      throw new ProviderFailure(options.provider, detail);
    }
  }

  /** Sends `req` at `path` (the leader, when coalesced): the request's share, the policy, metrics and span. */
  async function sendCall(
    req: HttpRequest,
    path: string,
    route: string,
    observed: RouteMetrics,
    deadline: Deadline | undefined,
    signal: AbortSignal | undefined,
  ): Promise<HttpResponse> {
    const started = performance.now();
    const span = startCallSpan(options.provider, req.method, route, server);
    const policy = options.policy;
    let attempts = 0;
    const attempt = (attemptSignal: AbortSignal | undefined) => {
      attempts += 1;
      if (attempts > 1) observed.retried();
      return send(req, path, attemptSignal, deadline, span);
    };
    const budget = options.rateBudget;
    const call = () =>
      !policy || !deadline
        ? attempt(signal)
        : policy.execute(attempt, {
            idempotent: req.idempotent ?? req.method === 'GET',
            signal,
            remainingMs: () => deadline.remainingMs(),
            // Every attempt spends the provider's rate budget: the provider counts repeats too.
            ...(budget && { beforeAttempt: () => budget.take(`${req.method} ${route}`, () => deadline.remainingMs(), signal) }),
          });
    try {
      // Within a GraphQL request: its budget of calls and its share of the bulkhead (outside it, so
      // a call waiting for the request's turn holds no place of other callers).
      const share = policy && deadline ? currentRequestShare() : undefined;
      const res = await (share ? share.run(options.provider, call, signal) : call());
      observed.ended(res.status < 400 ? 'success' : 'http_error', res.status, (performance.now() - started) / 1000);
      span?.end(res.status, null);
      return res;
    } catch (error) {
      const outcome = callOutcome(error);
      observed.ended(outcome, 0, (performance.now() - started) / 1000);
      span?.end(0, outcome);
      throw error;
    }
  }

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const route = req.endpoint ?? routeTemplate(req.path);
    const observed = metrics.route(req.method, route);
    // Under a policy every call has a deadline: the GraphQL request's, or (outside one) its own.
    const deadline = currentDeadline() ?? (options.policy ? createDeadline(DEFAULT_REQUEST_DEADLINE_MS) : undefined);
    const signals = [req.signal, deadline?.signal].filter((signal) => signal !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    // Below the base URL, with the query string: what is sent, and what identical reads share.
    const path = req.path + queryString(req.query);
    const key = coalescer ? coalesceKey(req, path) : null;
    if (!coalescer || key === null) return sendCall(req, path, route, observed, deadline, signal);
    // A follower takes no place in the bulkhead, no rate-budget token and no call of its request's
    // share: only the leader's call is made, and counted in provider_calls_total.
    return coalescer.run({
      key,
      lead: () => sendCall(req, path, route, observed, deadline, signal),
      signal,
      abandoned: () => new ProviderFailure(options.provider, abortedDetail(req, deadline, false)),
      joined: () => {
        observed.coalesced();
      },
    });
  }

  // The breaker's state and the bulkhead's use, read when Prometheus scrapes.
  const policy = options.policy;
  const unobserve = policy
    ? observePolicy({ provider: options.provider, breakerState: () => policy.circuitState(), bulkhead: () => policy.bulkheadUsage() })
    : () => undefined;

  return {
    provider: options.provider,
    request,
    close: () => {
      unobserve();
      return pool.close();
    },
  };
}

/**
 * The identity of a request when it may be coalesced, else null: GETs without a body that the
 * caller has not marked as unsafe to repeat. Our own per-call headers (request id, traceparent)
 * are added later by the client and are not part of it; the caller's (the bearer token) are,
 * so two tenants' or two tokens' reads never share an answer. The key stays in memory only.
 */
export function coalesceKey(req: HttpRequest, pathWithQuery: string): string | null {
  if (req.method !== 'GET' || req.idempotent === false || req.json !== undefined) return null;
  const headers = Object.entries(req.headers ?? {})
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${req.method} ${pathWithQuery} ${JSON.stringify(headers)}`;
}

/** A failed call's outcome: the kind of failure when it is ours, else `error`. */
function callOutcome(error: unknown): CallOutcome {
  if (!(error instanceof ProviderFailure)) return 'error';
  switch (error.detail.kind) {
    case 'timeout':
    case 'connection':
    case 'invalid_body':
    case 'circuit_open':
    case 'overloaded':
      return error.detail.kind;
    default:
      return 'error';
  }
}

function queryString(query: HttpRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Why an attempt was aborted: the request's deadline, the caller, or else the policy's per-call timeout. */
function abortedDetail(req: HttpRequest, deadline: Deadline | undefined, answered: boolean): FailureDetail {
  if (deadline?.signal.aborted) return { kind: 'timeout', phase: 'deadline' };
  if (req.signal?.aborted) return { kind: 'connection', code: 'ABORTED' };
  return { kind: 'timeout', phase: answered ? 'body' : 'headers' };
}

/** undici and Node report transport problems by `code`; map them onto our closed set. */
function transportFailure(error: unknown) {
  const code = errorCode(error);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { kind: 'timeout', phase: 'connect' } as const;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { kind: 'timeout', phase: 'headers' } as const;
    case 'UND_ERR_BODY_TIMEOUT':
      return { kind: 'timeout', phase: 'body' } as const;
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return { kind: 'invalid_body', reason: 'answer larger than the limit' } as const;
    default:
      return { kind: 'connection', code: code ?? 'UNKNOWN' } as const;
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('name' in error && error.name === 'AbortError') return 'ABORTED';
  if ('code' in error && typeof error.code === 'string') return error.code;
  // Connection errors sometimes arrive wrapped (`cause`), e.g. ECONNREFUSED.
  if ('cause' in error) return errorCode(error.cause);
  return undefined;
}
