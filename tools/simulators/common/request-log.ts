import type { Request, RequestHandler } from 'express';
import { queryToObject, readRequestUrl } from './request-url';

/**
 * One provider request as the simulator received it. Headers are never kept (they carry
 * secrets), except the two that correlate it with the caller's request: `x-request-id` and
 * `traceparent`.
 */
export interface LoggedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** ISO 8601 receipt time. */
  time: string;
  /** Parsed JSON body; only for POST/PUT/PATCH, and never for routes that carry secrets. */
  body?: unknown;
  /** The caller's `x-request-id`, when it sent one. */
  requestId?: string;
  /** The caller's W3C `traceparent`, when it sent one. */
  traceparent?: string;
}

/** In-memory, ordered log of provider requests. */
export interface RequestLog {
  record(entry: LoggedRequest): void;
  entries(): LoggedRequest[];
  clear(): void;
}

/** Options of {@link createRequestLogMiddleware}. */
export interface RequestLogMiddlewareOptions {
  now: () => Date;
  /** True for requests whose body must not be stored (e.g. a login carrying a password). */
  omitBody: (method: string, path: string) => boolean;
}

/** The two halves of logging: `start` runs before body parsing so even unparsable requests are logged. */
export interface RequestLogMiddleware {
  start: RequestHandler;
  attachBody: RequestHandler;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** `maxEntries` bounds memory when a simulator runs for days under `npm start`; the oldest go first. */
export function createRequestLog(maxEntries = 1000): RequestLog {
  let entries: LoggedRequest[] = [];
  return {
    record(entry) {
      entries.push(entry);
      if (entries.length > maxEntries) entries = entries.slice(entries.length - maxEntries);
    },
    entries: () => structuredClone(entries),
    clear() {
      entries = [];
    },
  };
}

export function createRequestLogMiddleware(
  log: RequestLog,
  options: RequestLogMiddlewareOptions,
): RequestLogMiddleware {
  // Keyed by request so the body can be added after the JSON parser has run.
  const pending = new WeakMap<Request, LoggedRequest>();
  return {
    start(req, _res, next) {
      const { path, params } = readRequestUrl(req);
      const requestId = req.header('x-request-id');
      const traceparent = req.header('traceparent');
      const entry: LoggedRequest = {
        method: req.method,
        path,
        query: queryToObject(params),
        time: options.now().toISOString(),
        ...(requestId !== undefined && { requestId }),
        ...(traceparent !== undefined && { traceparent }),
      };
      log.record(entry);
      pending.set(req, entry);
      next();
    },
    attachBody(req, _res, next) {
      const entry = pending.get(req);
      const body: unknown = req.body;
      if (
        entry !== undefined &&
        body !== undefined &&
        BODY_METHODS.has(entry.method) &&
        !options.omitBody(entry.method, entry.path)
      ) {
        entry.body = structuredClone(body);
      }
      next();
    },
  };
}
