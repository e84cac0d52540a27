/**
 * One provider's call policy, built from cockatiel: bulkhead → circuit breaker → per-call timeout
 * around each attempt, and for calls that are safe to repeat, a retry around all of it.
 *
 *   retry (idempotent calls only)   exponential backoff with jitter, or the provider's Retry-After;
 *     bulkhead                      at most `limit` attempts at once, `queue` waiting, else overloaded
 *       circuit breaker             open after N failures in a row: fail at once, then one probe
 *         timeout                   the attempt's own time limit (its signal aborts the HTTP call)
 *
 * The retry sits outside the breaker so each attempt counts, and an open breaker stops the
 * repeats at once. cockatiel's own rejections leave here as `ProviderFailure`s (circuit_open,
 * overloaded, timeout/deadline), so every caller's mapping to typed errors keeps working.
 */
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { Logger } from '../../infra/logger';
import { breakerOpenedFor } from '../../infra/observability/provider-metrics';
import { PROVIDER_LABEL, ProviderFailure, type FailureDetail, type ProviderName } from '../failure';
import { retryAfterBackoff } from './backoff';
import { isAnswer, isProviderFault, isServerError, worthRetryingAnswer, worthRetryingFailure, type Answer } from './decisions';
import type { PolicyOptions } from './options';

/** How one call is run. */
export interface CallOptions {
  /** True when sending the same request again cannot apply it twice (reads, PUTs, keyed writes). */
  readonly idempotent: boolean;
  /** The request's deadline (and the caller's abort): ends attempts, queueing and repeats. */
  readonly signal?: AbortSignal;
  /** Milliseconds left of the request's deadline; a repeat is only tried when its wait fits. */
  readonly remainingMs: () => number;
  /**
   * Runs before every attempt, outside the bulkhead and the breaker: the provider's rate budget
   * (rate-budget.ts), which may wait for its next window. A rejection ends the call unrepeated.
   */
  readonly beforeAttempt?: () => Promise<void>;
}

/** The breaker's state, for logs and tests. */
export type CircuitStateName = 'closed' | 'open' | 'half_open';

export interface ProviderPolicy {
  /** Runs `attempt` (given the attempt's abort signal) under the policy. */
  execute<T extends Answer>(attempt: (signal: AbortSignal) => Promise<T>, call: CallOptions): Promise<T>;
  circuitState(): CircuitStateName;
  /** When a call last succeeded (the provider answered, with anything but a 5xx), or null since start. */
  lastSuccessAt(): Date | null;
  /** Calls running in the bulkhead now, and calls waiting for a place (for the metrics). */
  bulkheadUsage(): { readonly active: number; readonly queued: number };
}

/** Builds the policy of `provider`; `logger` hears when its breaker opens and closes. */
export function createProviderPolicy(provider: ProviderName, options: PolicyOptions, logger?: Logger): ProviderPolicy {
  const limiter = bulkhead(options.bulkhead.limit, options.bulkhead.queue);
  const breaker = circuitBreaker(
    handleWhen(isProviderFault).orWhenResult((result) => isAnswer(result) && isServerError(result)),
    {
      halfOpenAfter: options.breaker.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breaker.consecutiveFailures),
    },
  );
  let openedAt = 0;
  const countOpening = breakerOpenedFor(provider);
  breaker.onBreak(() => {
    openedAt = Date.now();
    countOpening();
    logger?.warn({ provider, circuit: 'open' }, `${PROVIDER_LABEL[provider]} keeps failing: its circuit breaker opened.`);
  });
  let lastSuccessAt: Date | null = null;
  // The breaker's own verdict: a 4xx is the provider answering, a 5xx or a timeout is not.
  breaker.onSuccess(() => {
    lastSuccessAt = new Date();
  });
  breaker.onReset(() => {
    logger?.info({ provider, circuit: 'closed' }, `${PROVIDER_LABEL[provider]} answers again: its circuit breaker closed.`);
  });
  // Cooperative: the attempt's signal aborts the HTTP call, which then fails as a timeout itself.
  // Not aborted after the attempt returns: the answer is read by then, and an abort per call made
  // an exception object and ran listeners for nothing.
  const once = wrap(limiter, breaker, timeout(options.timeoutMs, { strategy: TimeoutStrategy.Cooperative, abortOnReturn: false }));
  const backoff = retryAfterBackoff(options.backoff.initialDelayMs, options.backoff.maxDelayMs);

  function retries(call: CallOptions): IPolicy {
    const maxWait = options.backoff.maxDelayMs;
    const repeatable = handleWhen((error) => worthRetryingFailure(error, call.remainingMs(), maxWait)).orWhenResult(
      (result) => isAnswer(result) && worthRetryingAnswer(result, call.remainingMs(), maxWait),
    );
    const repeats = retry(repeatable, { maxAttempts: options.retries, backoff });
    repeats.onRetry((event) => {
      const reason = 'error' in event ? failureName(event.error) : isAnswer(event.value) ? `HTTP ${event.value.status}` : 'unexpected answer';
      const delayMs = Math.round(event.delay);
      logger?.info(
        { provider, attempt: event.attempt + 1, delayMs, reason },
        `${PROVIDER_LABEL[provider]}: an attempt failed (${reason}); trying again in ${delayMs} ms.`,
      );
    });
    return repeats;
  }

  /** cockatiel's rejections in our closed set of failures. */
  function rejection(error: unknown): unknown {
    const fail = (detail: FailureDetail) => new ProviderFailure(provider, detail);
    if (error instanceof BrokenCircuitError) {
      const waitMs = openedAt + options.breaker.halfOpenAfterMs - Date.now();
      return fail({ kind: 'circuit_open', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
    }
    if (error instanceof BulkheadRejectedError) return fail({ kind: 'overloaded' });
    // The request's signal ended while the call waited in the queue or between attempts.
    if (error instanceof TaskCancelledError) return fail({ kind: 'timeout', phase: 'deadline' });
    return error;
  }

  return {
    async execute(attempt, call) {
      const before = call.beforeAttempt;
      // One attempt: first what must run before it (outside the bulkhead), then the attempt itself.
      const one = before
        ? async (signal: AbortSignal | undefined) => {
            await before();
            return once.execute(({ signal: attemptSignal }) => attempt(attemptSignal), signal);
          }
        : (signal: AbortSignal | undefined) => once.execute(({ signal: attemptSignal }) => attempt(attemptSignal), signal);
      try {
        return await (call.idempotent && options.retries > 0
          ? retries(call).execute(({ signal }) => one(signal), call.signal)
          : one(call.signal));
      } catch (error) {
        throw rejection(error);
      }
    },
    bulkheadUsage() {
      return {
        active: options.bulkhead.limit - limiter.executionSlots,
        queued: options.bulkhead.queue - limiter.queueSlots,
      };
    },
    circuitState() {
      switch (breaker.state) {
        case CircuitState.Open:
        case CircuitState.Isolated:
          return 'open';
        case CircuitState.HalfOpen:
          return 'half_open';
        case CircuitState.Closed:
          return 'closed';
      }
    },
    lastSuccessAt: () => lastSuccessAt,
  };
}

/** A failed attempt in a few words for the retry log line: the kind of failure, never a message. */
function failureName(error: unknown): string {
  if (!(error instanceof ProviderFailure)) return 'unexpected error';
  const detail = error.detail;
  switch (detail.kind) {
    case 'timeout':
      return `timeout (${detail.phase})`;
    case 'connection':
      return `connection ${detail.code}`;
    default:
      return detail.kind;
  }
}
