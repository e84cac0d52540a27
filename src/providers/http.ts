/**
 * The one way the graph talks HTTP to a provider: an undici `Pool` per provider with explicit
 * connect/headers/body timeouts, a connection limit and a response size limit. Every transport
 * problem leaves here as a `ProviderFailure` of the closed set in `failure.ts`; HTTP statuses
 * are returned for the provider client to interpret (each provider has its own envelope).
 */
import { Pool } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { ProviderFailure, type ProviderName } from './failure';

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
}

export const DEFAULT_HTTP_LIMITS = {
  connections: 16,
  connectTimeoutMs: 3_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
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
  const pool = new Pool(base.origin, {
    connections: options.connections,
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    maxResponseSize: options.maxResponseBytes,
  });

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    }
    try {
      const res = await pool.request({
        method: req.method,
        path: basePath + req.path + queryString(req.query),
        headers,
        body,
        signal: req.signal,
      });
      const text = await res.body.text();
      return { status: res.statusCode, headers: res.headers, body: parseJson(text) };
    } catch (error) {
      throw new ProviderFailure(options.provider, transportFailure(error));
    }
  }

  return {
    provider: options.provider,
    request,
    close: () => pool.close(),
  };
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

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(headers: IncomingHttpHeaders, now: number = Date.now()): number | null {
  const raw = headers['retry-after'];
  const value = typeof raw === 'string' ? raw : raw?.[0];
  if (value === undefined || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
