/**
 * The HTTP request being served, wherever code runs for it (AsyncLocalStorage): its id, and once
 * its body is read, its deadline. One store for both, so each async step of a request carries
 * one context, not one per feature.
 *
 * - The id correlates everything: the `x-request-id` response header, every log line written
 *   while serving the request (the logger's mixin reads it here), a masked error's
 *   `correlationId`, and the `x-request-id` sent on to providers.
 * - The deadline (src/providers/resilience/deadline.ts) bounds every provider call made for it.
 *
 * Small on purpose: add fields here as cross-cutting features need them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';

/** A point in time after which no provider call made for the request may still run (see deadline.ts). */
export interface Deadline {
  /** Aborts when the deadline passes. */
  readonly signal: AbortSignal;
  /** Milliseconds left; 0 once passed. */
  remainingMs(): number;
}

export interface RequestContext {
  /** Correlates log lines and masked errors of one request (`x-request-id` when safe, else a UUID). */
  readonly requestId: string;
  /** Bounds every provider call made for the request; set once its body has been read. */
  readonly deadline?: Deadline;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context each request started with, to enter it again where an async step lost it. */
const started = new WeakMap<IncomingMessage, RequestContext>();

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

/** The context `req` started with (its id), if it went through {@link requestContextMiddleware}. */
export function requestContextOf(req: IncomingMessage): RequestContext | undefined {
  return started.get(req);
}

/**
 * Gives each request its context, first thing, so everything that answers it (the router
 * secret's refusal, a 404) logs with its id. The id is the access log's (`req.id`, made from
 * `x-request-id`), else made here. A body parser's callbacks run outside the request's async
 * context: the deadline middleware, mounted after it, enters the context again.
 */
export function requestContextMiddleware(): RequestHandler {
  return (req: Request, _res, next) => {
    const context: RequestContext = { requestId: typeof req.id === 'string' ? req.id : requestIdFrom(req.header('x-request-id')) };
    started.set(req, context);
    storage.run(context, next);
  };
}
