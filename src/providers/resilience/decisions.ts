/**
 * What the policies decide about one attempt, as pure functions: whether it counts against the
 * provider's breaker, and whether a repeat is worth it with the time left. Whether a repeat is
 * SAFE is not decided here: only the caller knows (see `HttpRequest.idempotent`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ProviderFailure } from '../failure';
import { retryAfterSeconds } from './retry-after';

/** The part of an HTTP answer the policies look at. */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
}

/** Least time worth starting another attempt with; less, and the attempt could only time out. */
export const MIN_ATTEMPT_MS = 100;

/** True for a value shaped like an {@link Answer} (cockatiel hands results over as `unknown`). */
export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number' && 'headers' in value;
}

/**
 * A failure the provider caused: its own timeouts and broken connections. Our request's deadline
 * and a caller's abort are not its fault, so they neither open its breaker nor get repeated.
 */
export function isProviderFault(error: unknown): boolean {
  if (!(error instanceof ProviderFailure)) return false;
  const detail = error.detail;
  if (detail.kind === 'timeout') return detail.phase !== 'deadline';
  if (detail.kind === 'connection') return detail.code !== 'ABORTED';
  return false;
}

/** A 5xx answer counts against the provider's breaker; a 4xx (ours to fix) and a 429 do not. */
export function isServerError(answer: Answer): boolean {
  return answer.status >= 500;
}

/** The wait an answer asks for before a repeat, in milliseconds; null when it names none. */
export function retryAfterMs(answer: Answer, now: number = Date.now()): number | null {
  const seconds = retryAfterSeconds(answer.headers, now);
  return seconds === null ? null : seconds * 1000;
}

/** A failed attempt is worth repeating when the provider caused it and a backoff still fits. */
export function worthRetryingFailure(error: unknown, remainingMs: number, maxBackoffMs: number): boolean {
  return isProviderFault(error) && fits(maxBackoffMs, remainingMs);
}

/**
 * An answer is worth repeating when it is a 5xx or 408, or a 429 that names its Retry-After
 * (without one, the rate limit's window is unknown and a quick repeat would only add to it);
 * and only when the wait it asks for (else the longest backoff) still fits in the time left.
 */
export function worthRetryingAnswer(answer: Answer, remainingMs: number, maxBackoffMs: number): boolean {
  const wait = retryAfterMs(answer);
  if (answer.status === 429) return wait !== null && fits(wait, remainingMs);
  if (answer.status === 408 || answer.status >= 500) return fits(wait ?? maxBackoffMs, remainingMs);
  return false;
}

function fits(waitMs: number, remainingMs: number): boolean {
  return waitMs + MIN_ATTEMPT_MS <= remainingMs;
}
