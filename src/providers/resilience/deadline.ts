/**
 * The deadline of one GraphQL request, carried in the request's context (src/request-context.ts,
 * AsyncLocalStorage): the middleware starts it once the request's body is read, and every
 * provider call made for the request (however deep, through DataLoaders and token refreshes)
 * finds it without a signal threaded through each method.
 */
import type { RequestHandler } from 'express';
import { currentRequestContext, requestContextOf, requestIdFrom, runInRequestContext, type Deadline } from '../../infra/request-context';

export type { Deadline };

/** Used when a provider call runs outside any GraphQL request (scripts, tests of a client). */
export const DEFAULT_REQUEST_DEADLINE_MS = 10_000;

/** A deadline `ms` from now. */
export function createDeadline(ms: number, now: () => number = Date.now): Deadline {
  const expiresAt = now() + ms;
  // AbortSignal.timeout's timer is unreferenced: an idle process is not kept alive by it.
  return { signal: AbortSignal.timeout(ms), remainingMs: () => Math.max(0, expiresAt - now()) };
}

/** Runs `fn` (and everything it starts) under a new deadline `ms` from now, in the current request (or a new one). */
export function runWithDeadline<T>(ms: number, fn: () => T): T {
  const context = currentRequestContext() ?? { requestId: requestIdFrom(undefined) };
  return runInRequestContext({ ...context, deadline: createDeadline(ms) }, fn);
}

/** The deadline of the GraphQL request this code runs for, if any. */
export function currentDeadline(): Deadline | undefined {
  return currentRequestContext()?.deadline;
}

/**
 * Starts a deadline for each request, and stops its timer once the answer is sent. Mount it
 * after the body parser: the parser's stream callbacks run outside the request's async context,
 * so this enters the request's context again (its id), now with the deadline.
 */
export function deadlineMiddleware(ms: number): RequestHandler {
  return (req, res, next) => {
    const expiresAt = Date.now() + ms;
    const passed = new AbortController();
    const timer = setTimeout(() => {
      passed.abort(new DOMException('The request deadline passed.', 'TimeoutError'));
    }, ms);
    timer.unref();
    res.once('close', () => {
      clearTimeout(timer);
    });
    const context = requestContextOf(req) ?? { requestId: requestIdFrom(req.header('x-request-id')) };
    const deadline: Deadline = { signal: passed.signal, remainingMs: () => Math.max(0, expiresAt - Date.now()) };
    runInRequestContext({ ...context, deadline }, next);
  };
}
