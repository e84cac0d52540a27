/**
 * One provider's policy with attempts that are plain functions: what is repeated, what opens the
 * breaker and how it closes, what the bulkhead refuses, and how cockatiel's rejections come out.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderFailure, type FailureDetail } from '../../src/providers/failure';
import type { PolicyOptions } from '../../src/providers/resilience/options';
import { createProviderPolicy, type CallOptions } from '../../src/providers/resilience/policy';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
}

const OPTIONS: PolicyOptions = {
  timeoutMs: 1_000,
  retries: 2,
  backoff: { initialDelayMs: 1, maxDelayMs: 5 },
  breaker: { consecutiveFailures: 100, halfOpenAfterMs: 60_000 },
  bulkhead: { limit: 4, queue: 4 },
};

const READ: CallOptions = { idempotent: true, remainingMs: () => 10_000 };
const WRITE: CallOptions = { idempotent: false, remainingMs: () => 10_000 };

const answer = (status: number, headers: Record<string, string> = {}): Answer => ({ status, headers });
const fault = (detail: FailureDetail) => new ProviderFailure('DEBT_COLLECTION', detail);
const RESET = fault({ kind: 'connection', code: 'ECONNRESET' });

/** An attempt function that plays `script` in order (the last entry repeats) and counts its calls. */
function scripted(...script: (Answer | ProviderFailure)[]) {
  const calls: number[] = [];
  const attempt = (_signal: AbortSignal): Promise<Answer> => {
    const step = script[Math.min(calls.length, script.length - 1)];
    calls.push(Date.now());
    return step instanceof ProviderFailure || step === undefined ? Promise.reject(step ?? new Error('empty script')) : Promise.resolve(step);
  };
  return { attempt, calls };
}

async function rejection(promise: Promise<unknown>): Promise<ProviderFailure> {
  const error: unknown = await promise.then(
    () => null,
    (rejected: unknown) => rejected,
  );
  if (!(error instanceof ProviderFailure)) throw new Error(`expected a ProviderFailure, got ${String(error)}`);
  return error;
}

describe('retries', () => {
  it('repeats an idempotent call after a 503 and answers the next result', async () => {
    const policy = createProviderPolicy('DEBT_COLLECTION', OPTIONS);
    const { attempt, calls } = scripted(answer(503), answer(200));
    expect((await policy.execute(attempt, READ)).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it('repeats after a reset, at most twice, then answers the last failure', async () => {
    const policy = createProviderPolicy('DEBT_COLLECTION', OPTIONS);
    const { attempt, calls } = scripted(RESET);
    expect(await rejection(policy.execute(attempt, READ))).toBe(RESET);
    expect(calls).toHaveLength(3);
  });

  it('answers the last 5xx when every attempt failed', async () => {
    const policy = createProviderPolicy('DEBT_COLLECTION', OPTIONS);
    const { attempt, calls } = scripted(answer(500));
    expect((await policy.execute(attempt, READ)).status).toBe(500);
    expect(calls).toHaveLength(3);
  });

  it('never repeats a call that is not idempotent, whatever failed', async () => {
    const policy = createProviderPolicy('DEBT_COLLECTION', OPTIONS);
    const failing = scripted(RESET);
    expect(await rejection(policy.execute(failing.attempt, WRITE))).toBe(RESET);
    const erroring = scripted(answer(503), answer(200));
    expect((await policy.execute(erroring.attempt, WRITE)).status).toBe(503);
    expect([failing.calls.length, erroring.calls.length]).toEqual([1, 1]);
  });

  it('does not repeat a 4xx, a 429 without Retry-After, or our own deadline', async () => {
    const policy = createProviderPolicy('DEBT_COLLECTION', OPTIONS);
    for (const status of [400, 404, 422, 429]) {
      const { attempt, calls } = scripted(answer(status), answer(200));
      expect((await policy.execute(attempt, READ)).status).toBe(status);
      expect(calls).toHaveLength(1);
    }
    const deadline = scripted(fault({ kind: 'timeout', phase: 'deadline' }), answer(200));
    await rejection(policy.execute(deadline.attempt, READ));
    expect(deadline.calls).toHaveLength(1);
  });

  it('waits the Retry-After the provider asks for when it fits the deadline', async () => {
    const policy = createProviderPolicy('DEBT_COLLECTION', OPTIONS);
    const { attempt, calls } = scripted(answer(429, { 'retry-after': '1' }), answer(200));
    expect((await policy.execute(attempt, READ)).status).toBe(200);
    expect(calls).toHaveLength(2);
    expect((calls[1] ?? 0) - (calls[0] ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('answers at once when the Retry-After does not fit the time left', async () => {
    const policy = createProviderPolicy('DEBT_COLLECTION', OPTIONS);
    const { attempt, calls } = scripted(answer(503, { 'retry-after': '30' }), answer(200));
    expect((await policy.execute(attempt, READ)).status).toBe(503);
    expect(calls).toHaveLength(1);
  });

  it('stops repeating when the time left gets short', async () => {
    const policy = createProviderPolicy('DEBT_COLLECTION', OPTIONS);
    const { attempt, calls } = scripted(RESET);
    await rejection(policy.execute(attempt, { idempotent: true, remainingMs: () => 50 }));
    expect(calls).toHaveLength(1);
  });
});

describe('circuit breaker', () => {
  const options: PolicyOptions = { ...OPTIONS, retries: 0, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 200 } };

  it('opens after repeated failures, fails fast, and a half-open probe closes it', async () => {
    const policy = createProviderPolicy('CDC', options);
    const down = scripted(answer(503));
    for (let i = 0; i < 3; i += 1) await policy.execute(down.attempt, READ);
    expect(policy.circuitState()).toBe('open');

    const failure = await rejection(policy.execute(down.attempt, READ));
    expect(failure.provider).toBe('CDC');
    expect(failure.detail).toEqual({ kind: 'circuit_open', retryAfterSeconds: 1 });
    expect(failure.retryable).toBe(true);
    expect(failure.retryAfterSeconds).toBe(1);
    expect(down.calls).toHaveLength(3); // the fast failure sent nothing

    await sleep(250);
    const up = scripted(answer(200));
    expect((await policy.execute(up.attempt, READ)).status).toBe(200);
    expect(policy.circuitState()).toBe('closed');
  });

  it('opens again when the probe fails', async () => {
    const policy = createProviderPolicy('CDC', options);
    const down = scripted(RESET);
    for (let i = 0; i < 3; i += 1) await rejection(policy.execute(down.attempt, READ));
    await sleep(250);
    expect(await rejection(policy.execute(down.attempt, READ))).toBe(RESET);
    expect(policy.circuitState()).toBe('open');
    expect((await rejection(policy.execute(down.attempt, READ))).detail.kind).toBe('circuit_open');
  });

  it('is not opened by answers that are ours to fix, nor by a success in between', async () => {
    const policy = createProviderPolicy('CDC', options);
    for (let i = 0; i < 5; i += 1) await policy.execute(scripted(answer(404)).attempt, READ);
    for (let i = 0; i < 5; i += 1) {
      await policy.execute(scripted(answer(500)).attempt, READ);
      await policy.execute(scripted(answer(500)).attempt, READ);
      await policy.execute(scripted(answer(200)).attempt, READ);
    }
    expect(policy.circuitState()).toBe('closed');
  });

  it('counts each attempt of a repeated call, so a dead provider opens it within one request', async () => {
    const policy = createProviderPolicy('CDC', { ...options, retries: 2 });
    const down = scripted(RESET);
    await rejection(policy.execute(down.attempt, READ));
    expect(down.calls).toHaveLength(3);
    expect(policy.circuitState()).toBe('open');
  });
});

describe('bulkhead and timeout', () => {
  it('runs `limit` attempts at once, queues `queue`, and refuses the rest at once as overloaded', async () => {
    const policy = createProviderPolicy('RECOVERY_CONNECT', { ...OPTIONS, bulkhead: { limit: 1, queue: 1 } });
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = (): Promise<Answer> => gate.then(() => answer(200));
    const running = policy.execute(slow, READ);
    const queued = policy.execute(slow, READ);
    const refused = await rejection(policy.execute(slow, READ));
    expect(refused.detail).toEqual({ kind: 'overloaded' });
    expect(refused.retryable).toBe(true);
    release();
    expect((await Promise.all([running, queued])).map((result) => result.status)).toEqual([200, 200]);
  });

  it("aborts the attempt's signal after the per-call timeout", async () => {
    const policy = createProviderPolicy('RECOVERY_CONNECT', { ...OPTIONS, timeoutMs: 30, retries: 0 });
    const timedOut = fault({ kind: 'timeout', phase: 'headers' });
    const hanging = (signal: AbortSignal): Promise<Answer> =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(timedOut);
        });
      });
    expect(await rejection(policy.execute(hanging, READ))).toBe(timedOut);
  });

  it('turns a request signal that ended while the call queued into a deadline timeout', async () => {
    const policy = createProviderPolicy('RECOVERY_CONNECT', { ...OPTIONS, bulkhead: { limit: 1, queue: 1 } });
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = policy.execute(() => gate.then(() => answer(200)), READ);
    const ended = new AbortController();
    const queued = policy.execute(() => Promise.resolve(answer(200)), { ...READ, signal: ended.signal });
    ended.abort();
    release();
    await running;
    expect((await rejection(queued)).detail).toEqual({ kind: 'timeout', phase: 'deadline' });
  });
});
