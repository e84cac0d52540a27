import { ProviderFailure, type FailureDetail } from '../../src/providers/failure';
import {
  isAnswer,
  isProviderFault,
  isServerError,
  MIN_ATTEMPT_MS,
  worthRetryingAnswer,
  worthRetryingFailure,
} from '../../src/providers/resilience/decisions';

const failure = (detail: FailureDetail) => new ProviderFailure('CDC', detail);
const answer = (status: number, retryAfter?: string) => ({ status, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } });
const PLENTY = 60_000;
const MAX_BACKOFF = 1_000;

describe('isProviderFault', () => {
  it.each<FailureDetail>([
    { kind: 'timeout', phase: 'connect' },
    { kind: 'timeout', phase: 'headers' },
    { kind: 'timeout', phase: 'body' },
    { kind: 'connection', code: 'ECONNRESET' },
    { kind: 'connection', code: 'UND_ERR_SOCKET' },
  ])('blames the provider for %j', (detail) => {
    expect(isProviderFault(failure(detail))).toBe(true);
  });

  it.each<FailureDetail>([
    { kind: 'timeout', phase: 'deadline' },
    { kind: 'connection', code: 'ABORTED' },
    { kind: 'invalid_body', reason: 'answer larger than the limit' },
    { kind: 'circuit_open', retryAfterSeconds: 3 },
    { kind: 'overloaded' },
    { kind: 'http_status', status: 503, providerCode: '503', retryAfterSeconds: null, body: null },
  ])('does not blame the provider for %j', (detail) => {
    expect(isProviderFault(failure(detail))).toBe(false);
  });

  it('ignores errors that are not provider failures', () => {
    expect(isProviderFault(new Error('bug'))).toBe(false);
  });
});

describe('isServerError and isAnswer', () => {
  it('counts 5xx only', () => {
    expect([200, 400, 401, 404, 429, 500, 502, 503, 504].filter((status) => isServerError(answer(status)))).toEqual([500, 502, 503, 504]);
  });

  it('recognises an answer by status and headers', () => {
    expect(isAnswer(answer(200))).toBe(true);
    expect(isAnswer({ status: '200', headers: {} })).toBe(false);
    expect(isAnswer(null)).toBe(false);
  });
});

describe('worthRetryingFailure', () => {
  it('repeats provider faults while a backoff still fits the deadline', () => {
    const reset = failure({ kind: 'connection', code: 'ECONNRESET' });
    expect(worthRetryingFailure(reset, PLENTY, MAX_BACKOFF)).toBe(true);
    expect(worthRetryingFailure(reset, MAX_BACKOFF + MIN_ATTEMPT_MS, MAX_BACKOFF)).toBe(true);
    expect(worthRetryingFailure(reset, MAX_BACKOFF + MIN_ATTEMPT_MS - 1, MAX_BACKOFF)).toBe(false);
  });

  it('never repeats a deadline timeout', () => {
    expect(worthRetryingFailure(failure({ kind: 'timeout', phase: 'deadline' }), PLENTY, MAX_BACKOFF)).toBe(false);
  });
});

describe('worthRetryingAnswer', () => {
  it.each([500, 502, 503, 504, 408])('repeats HTTP %i', (status) => {
    expect(worthRetryingAnswer(answer(status), PLENTY, MAX_BACKOFF)).toBe(true);
  });

  it.each([200, 400, 401, 403, 404, 409, 422])('does not repeat HTTP %i', (status) => {
    expect(worthRetryingAnswer(answer(status), PLENTY, MAX_BACKOFF)).toBe(false);
  });

  it('repeats a 429 only when it names a Retry-After that fits', () => {
    expect(worthRetryingAnswer(answer(429), PLENTY, MAX_BACKOFF)).toBe(false);
    expect(worthRetryingAnswer(answer(429, '2'), PLENTY, MAX_BACKOFF)).toBe(true);
    expect(worthRetryingAnswer(answer(429, '2'), 2_000, MAX_BACKOFF)).toBe(false);
  });

  it('honours a 503 Retry-After only when the wait fits in the time left', () => {
    expect(worthRetryingAnswer(answer(503, '5'), 5_000 + MIN_ATTEMPT_MS, MAX_BACKOFF)).toBe(true);
    expect(worthRetryingAnswer(answer(503, '30'), 10_000, MAX_BACKOFF)).toBe(false);
  });
});
