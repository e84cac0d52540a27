/**
 * The HTTP request being served, wherever code runs for it (AsyncLocalStorage): today only its
 * id, so a line logged far from the request (the process guards, a provider client) can still
 * name it. Small on purpose: add fields here as cross-cutting features need them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export interface RequestContext {
  /** Correlates log lines and masked errors of one request (`x-request-id` when safe, else a UUID). */
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Request ids from outside are accepted only in a safe shape, so they cannot forge log lines. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's `x-request-id` when it is safe to log, else a new one. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The request this code runs for, if any. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `fn` (and everything it starts) as part of the request `context`. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * Gives each request its id. Mount it after the body parser: the parser's stream callbacks run
 * outside the request's async context, everything after it inside.
 */
export function requestContextMiddleware(): RequestHandler {
  return (req, _res, next) => {
    runInRequestContext({ requestId: requestIdFrom(req.header('x-request-id')) }, next);
  };
}
