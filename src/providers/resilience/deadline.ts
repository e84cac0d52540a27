/**
 * The deadline of one GraphQL request, carried by AsyncLocalStorage: the middleware starts it
 * when the request arrives, and every provider call made for the request (however deep, through
 * DataLoaders and token refreshes) finds it without a signal threaded through each method.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

/** Used when a provider call runs outside any GraphQL request (scripts, tests of a client). */
export const DEFAULT_REQUEST_DEADLINE_MS = 10_000;

/** A point in time after which no provider call made for the request may still run. */
export interface Deadline {
  /** Aborts when the deadline passes. */
  readonly signal: AbortSignal;
  /** Milliseconds left; 0 once passed. */
  remainingMs(): number;
}

const storage = new AsyncLocalStorage<Deadline>();

/** A deadline `ms` from now. */
export function createDeadline(ms: number, now: () => number = Date.now): Deadline {
  const expiresAt = now() + ms;
  // AbortSignal.timeout's timer is unreferenced: an idle process is not kept alive by it.
  return { signal: AbortSignal.timeout(ms), remainingMs: () => Math.max(0, expiresAt - now()) };
}

/** Runs `fn` (and everything it starts) under a new deadline `ms` from now. */
export function runWithDeadline<T>(ms: number, fn: () => T): T {
  return storage.run(createDeadline(ms), fn);
}

/** The deadline of the GraphQL request this code runs for, if any. */
export function currentDeadline(): Deadline | undefined {
  return storage.getStore();
}

/**
 * Starts a deadline for each request, and stops its timer once the answer is sent. Mount it
 * after the body parser: the parser's stream callbacks run outside the request's async context,
 * but everything after it runs inside.
 */
export function deadlineMiddleware(ms: number): RequestHandler {
  return (_req, res, next) => {
    const expiresAt = Date.now() + ms;
    const passed = new AbortController();
    const timer = setTimeout(() => {
      passed.abort(new DOMException('The request deadline passed.', 'TimeoutError'));
    }, ms);
    timer.unref();
    res.once('close', () => {
      clearTimeout(timer);
    });
    storage.run({ signal: passed.signal, remainingMs: () => Math.max(0, expiresAt - Date.now()) }, next);
  };
}
