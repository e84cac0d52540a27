import type { Request } from 'express';

/** A request's path and query, read from the raw URL so they are exactly what the client sent. */
export interface RequestUrl {
  /** Path without the query string, not decoded. */
  path: string;
  params: URLSearchParams;
}

const PARSE_BASE = 'http://simulator.invalid';

/**
 * Splits `req.originalUrl`. The base only satisfies the URL parser; it is prepended rather than
 * passed as a base so a path such as `//x` is not read as a host.
 */
export function readRequestUrl(req: Request): RequestUrl {
  const raw = req.originalUrl;
  const url = raw.startsWith('/') ? new URL(PARSE_BASE + raw) : new URL(raw, PARSE_BASE);
  return { path: url.pathname, params: url.searchParams };
}

/** Query params as a plain object; a repeated name keeps every value, in order. */
export function queryToObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 && values[0] !== undefined ? values[0] : values;
  }
  return query;
}
