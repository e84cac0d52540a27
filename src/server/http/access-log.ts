/**
 * The access log: one line for every HTTP request the service answers, refused ones
 * included (a bad token's 401, a router secret's 401, a 404, a 413, a CSRF 400), written when
 * the answer is sent or the client goes away:
 *
 *   {"level":30,"requestId":"req-sub-1","method":"POST","route":"/graphql","status":401,
 *    "durationMs":3,"requestBytes":57,"responseBytes":112,"msg":"POST /graphql 401"}
 *
 * Only these fields: never a header (the token), a body, or the query string (a GET operation's
 * variables carry VINs and debtor ids). The path of an unknown route is the client's text: it is
 * cut to 200 characters with VIN-shaped text masked.
 *
 * The request id is made here, first thing (`requestIdFrom` in src/request-context.ts), and
 * echoed in the `x-request-id` response header, so even a refused request can be found in the log
 * by the id its client saw.
 */
import type { Request, RequestHandler, Response } from 'express';
import { fixedFieldsLogger, maskVins, type Logger } from '../../infra/logger';
import { recordHttpRequest } from '../../infra/observability/operation-metrics';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id, set by the access log first thing (read by the request context and the error handler). */
    id?: string;
  }
}

/** The response header that carries the request id back to the client. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Longest path written; longer ones are cut (a path is the client's text). */
const MAX_ROUTE_LENGTH = 200;

export interface AccessLogOptions {
  readonly logger: Logger;
  /** The id of a new request (from its `x-request-id` when safe, else made). */
  readonly requestId: (header: string | undefined) => string;
}

/** The request's path: no query string, cut and VIN-masked. */
export function routeOf(url: string): string {
  const end = url.indexOf('?');
  const path = end === -1 ? url : url.slice(0, end);
  return maskVins(path.length > MAX_ROUTE_LENGTH ? `${path.slice(0, MAX_ROUTE_LENGTH)}…` : path);
}

function byteCount(value: string | number | string[] | undefined): number | null {
  if (value === undefined || Array.isArray(value)) return null;
  const bytes = Number(value);
  return Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : null;
}

/** The one line's fields. */
function accessLine(req: Request, res: Response, route: string, requestId: string, durationMs: number): Record<string, unknown> {
  return {
    requestId,
    method: req.method,
    route,
    status: res.statusCode,
    durationMs,
    requestBytes: byteCount(req.headers['content-length']) ?? 0,
    responseBytes: byteCount(res.getHeader('content-length')),
    // The client went away before the answer was complete.
    ...(!res.writableFinished && { aborted: true }),
  };
}

/**
 * The access log and the HTTP request counter, as one middleware to mount before everything
 * else. It sets `req.id` (the request id) and the `x-request-id` response header.
 */
export function accessLog(options: AccessLogOptions): RequestHandler {
  // The line's fields are the ones above and only these. The request id is a field of the line;
  // the logger's mixin adds it to every other line written for the request.
  const lines = fixedFieldsLogger(options.logger);
  return (req, res, next) => {
    const started = Date.now();
    const header = req.headers[REQUEST_ID_HEADER];
    const id = options.requestId(typeof header === 'string' ? header : undefined);
    req.id = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    // Read now: a mounted router rewrites `req.url` and `originalUrl` may not be set yet.
    const url = req.url;
    res.once('close', () => {
      const route = routeOf(url);
      recordHttpRequest(route, req.method, res.statusCode);
      const line = accessLine(req, res, route, id, Date.now() - started);
      const message = `${req.method} ${route} ${String(res.statusCode)}`;
      if (res.statusCode >= 500) lines.error(line, message);
      else lines.info(line, message);
    });
    next();
  };
}
