/**
 * A provider's rate budget: the calls the graph allows itself per window, spent before the
 * provider would refuse. Shared by every replica when it is counted in Redis, else in process.
 * Built on rate-limiter-flexible (RateLimiterRedis, with a RateLimiterMemory as its insurance
 * while Redis cannot be reached; RateLimiterMemory alone without Redis).
 *
 * **Slices.** The budget is not spent as one block per window: the window is cut into slices of
 * `sliceSeconds` (a tenth of it, at least 1 s), and each slice allows `floor(budget / (slices + 1))`
 * calls, where `slices = ceil(window / sliceSeconds)`. Slices never overlap, so any stretch of
 * one window's length meets at most `slices + 1` of them: however the provider aligns its own
 * window (the clock's minutes, its first call, a sliding one) and whatever the clocks of the
 * replicas say, it never counts more than the budget. One block per window would allow up to
 * twice the budget in the provider's window across a boundary. The price: a burst gets a slice's
 * calls at once (86 of a budget of 950 a minute, 6 s slices) and the steady rate is
 * `slices / (slices + 1)` of the budget (864 a minute); a call that finds its slice spent waits
 * for the next one, which most often fits in the request's deadline.
 *
 * A call that would have to wait past its request's deadline is refused at once with
 * `ProviderFailure { kind: 'rate_limited', retryAfterSeconds }`, and nothing is sent.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ProviderFailure, type ProviderName } from '../failure';
import { MIN_ATTEMPT_MS } from './decisions';

/** One provider's budget, as configured (see src/shared-state/settings.ts). */
export interface RateBudgetSettings {
  /** Calls the graph may make per window (all replicas together). */
  readonly callsPerWindow: number;
  readonly windowSeconds: number;
  /** Counted per endpoint (method and route), as debt collection documents its limit; else one count for the provider. */
  readonly perEndpoint: boolean;
}

/** How one slice of a budget is sized; see the file comment. */
export interface SliceShape {
  readonly sliceSeconds: number;
  /** Slices one window-long stretch can meet: `ceil(window / slice) + 1`. */
  readonly slicesPerStretch: number;
}

export function sliceShape(windowSeconds: number): SliceShape {
  const sliceSeconds = Math.max(1, Math.round(windowSeconds / 10));
  return { sliceSeconds, slicesPerStretch: Math.ceil(windowSeconds / sliceSeconds) + 1 };
}

/** Calls one slice allows when `callsPerWindow` is shared by `shares` counters (replicas counting alone). */
export function callsPerSlice(callsPerWindow: number, windowSeconds: number, shares = 1): number {
  return Math.floor(callsPerWindow / shares / sliceShape(windowSeconds).slicesPerStretch);
}

export interface RateBudget {
  /**
   * Takes one call from the budget of `endpoint` (ignored unless counted per endpoint): at once,
   * or after waiting for the next slice when that wait ends `MIN_ATTEMPT_MS` before the deadline;
   * otherwise throws a `rate_limited` ProviderFailure. `signal` ends a wait (the request's deadline).
   */
  take(endpoint: string, remainingMs: () => number, signal?: AbortSignal): Promise<void>;
}

export interface RateBudgetOptions extends RateBudgetSettings {
  readonly provider: ProviderName;
  /** Names the tenant (provider account) in the keys: replicas of one tenant share, others do not. */
  readonly tenant: string;
  /** Count in Redis, shared; without it, in this process. */
  readonly redis?: Redis;
  /**
   * Replicas that count alone (no Redis, or while it cannot be reached): each spends this share
   * of the budget, so together they still stay within it.
   */
  readonly localShares: number;
}

/** Spread of the retries of calls that waited for the same slice, so they do not arrive as one. */
const WAIT_JITTER_MS = 25;

export function createRateBudget(options: RateBudgetOptions): RateBudget {
  const { sliceSeconds } = sliceShape(options.windowSeconds);
  const local = new RateLimiterMemory({
    points: callsPerSlice(options.callsPerWindow, options.windowSeconds, options.localShares),
    duration: sliceSeconds,
  });
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({
        storeClient: options.redis,
        keyPrefix: `rg:budget:${options.tenant}`,
        points: callsPerSlice(options.callsPerWindow, options.windowSeconds),
        duration: sliceSeconds,
        // Not connected: the in-process share at once, rather than a command that waits.
        rejectIfRedisNotReady: true,
        insuranceLimiter: local,
      })
    : local;
  const keyOf = (endpoint: string) => (options.perEndpoint ? endpoint : '*');

  return {
    async take(endpoint, remainingMs, signal) {
      const key = keyOf(endpoint);
      for (;;) {
        let refusal: RateLimiterRes;
        try {
          await limiter.consume(key);
          return;
        } catch (error) {
          // The insurance answers for Redis, so anything but a refusal is a bug.
          if (!(error instanceof RateLimiterRes)) throw error;
          refusal = error;
        }
        const waitMs = refusal.msBeforeNext + Math.floor(Math.random() * WAIT_JITTER_MS);
        if (waitMs + MIN_ATTEMPT_MS > remainingMs()) {
          throw new ProviderFailure(options.provider, {
            kind: 'rate_limited',
            retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
          });
        }
        try {
          await sleep(waitMs, undefined, signal ? { signal } : undefined);
        } catch {
          throw new ProviderFailure(options.provider, { kind: 'timeout', phase: 'deadline' });
        }
      }
    },
  };
}
