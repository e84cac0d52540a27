import type { IRetryBackoffContext } from 'cockatiel';
import { retryAfterBackoff } from '../../src/providers/resilience/backoff';

const signal = new AbortController().signal;
const context = (value: unknown, attempt = 1): IRetryBackoffContext<unknown> => ({ attempt, signal, result: { value } });
const failed = (attempt = 1): IRetryBackoffContext<unknown> => ({ attempt, signal, result: { error: new Error('reset') } });

describe('retryAfterBackoff', () => {
  it('waits what Retry-After asks for', () => {
    const first = retryAfterBackoff(10, 100).next(context({ status: 503, headers: { 'retry-after': '2' } }));
    expect(first.duration).toBe(2_000);
  });

  it('otherwise backs off exponentially with jitter, never beyond the maximum', () => {
    let backoff = retryAfterBackoff(10, 100).next(failed());
    const durations = [backoff.duration];
    for (let attempt = 2; attempt <= 8; attempt += 1) {
      backoff = backoff.next(failed(attempt));
      durations.push(backoff.duration);
    }
    for (const duration of durations) {
      expect(duration).toBeGreaterThanOrEqual(0);
      expect(duration).toBeLessThanOrEqual(100);
    }
    expect(Math.max(...durations)).toBeGreaterThan(10);
  });

  it('goes back to the backoff for an answer without Retry-After', () => {
    const after = retryAfterBackoff(10, 100).next(context({ status: 503, headers: { 'retry-after': '1' } }));
    const next = after.next(context({ status: 503, headers: {} }, 2));
    expect(next.duration).toBeLessThanOrEqual(100);
  });
});
