import type { RequestHandler } from 'express';
import { ErrorCode, sendError } from './errors';

/** The documented window: a minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests per window and endpoint. */
  limitPerMinute: number;
  /** The window's length; the documented minute unless a test shortens it (with the limit scaled to match). */
  windowMs?: number;
  now: () => Date;
}

/** Makes one middleware per endpoint; all share the limiter's clock and limit. */
export type RateLimiter = (endpoint: string) => RequestHandler;

/**
 * The documented limit: N requests a minute per endpoint. Our reading: fixed windows aligned to
 * the clock's minutes (a test may shorten the window, aligned the same way); past the limit, every request until the window ends is refused (429 with
 * `Retry-After`, seconds to the window's end, at least 1), and refused requests count too.
 * Only authenticated requests reach it (it sits after the API-key check).
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = options.windowMs ?? RATE_LIMIT_WINDOW_MS;
  return (endpoint) => (_req, res, next) => {
    const now = options.now().getTime();
    const start = Math.floor(now / windowMs) * windowMs;
    let window = windows.get(endpoint);
    if (window?.start !== start) {
      window = { start, count: 0 };
      windows.set(endpoint, window);
    }
    window.count += 1;
    if (window.count <= options.limitPerMinute) {
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((start + windowMs - now) / 1000));
    res.set('Retry-After', String(retryAfter));
    sendError(res, { status: 429, errorCode: ErrorCode.rateLimited, message: 'Rate limit exceeded for this endpoint.' });
  };
}
