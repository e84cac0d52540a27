/**
 * The deadline of one GraphQL request, carried in the request's context (src/infra/request-context.ts,
 * AsyncLocalStorage): src/server/http/deadline.ts starts it once the request's body is read, and every
 * provider call made for the request (however deep, through DataLoaders and token refreshes)
 * finds it without a signal threaded through each method.
 */
import { currentRequestContext, requestIdFrom, runInRequestContext, type Deadline } from './request-context';

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
