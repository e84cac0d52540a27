import { ProviderFailure } from '../../src/providers/failure';
import { createRequestShare } from '../../src/providers/resilience/request-share';

const LIMITS = { callsPerRequest: { RECOVERY_CONNECT: 10, CDC: 3, DEBT_COLLECTION: 5 }, concurrentPerRequest: 4 } as const;

/** A call that stays in flight until `release()`, counting how many are in flight at once. */
function gate() {
  let inFlight = 0;
  let most = 0;
  const waiting: (() => void)[] = [];
  return {
    call: () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      return new Promise<string>((resolve) => {
        waiting.push(() => {
          inFlight -= 1;
          resolve('answered');
        });
      });
    },
    releaseAll: async () => {
      while (waiting.length > 0) {
        waiting.shift()?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    most: () => most,
  };
}

describe('a request’s share of the providers', () => {
  it('runs at most 4 of its calls to one provider at once; the others wait their turn and all are answered', async () => {
    const calls = gate();
    const share = createRequestShare(LIMITS);

    const answers = Array.from({ length: 10 }, () => share.run('RECOVERY_CONNECT', calls.call));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.most()).toBe(4);
    await calls.releaseAll();

    await expect(Promise.all(answers)).resolves.toHaveLength(10);
    expect(calls.most()).toBe(4);
  });

  it('refuses calls beyond its budget at once, without running them, and counts per provider', async () => {
    const share = createRequestShare(LIMITS);
    let ran = 0;
    const call = () => {
      ran += 1;
      return Promise.resolve('ok');
    };

    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => share.run('CDC', call)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    const refusal = (outcomes[3] as PromiseRejectedResult).reason as ProviderFailure;
    expect(refusal).toBeInstanceOf(ProviderFailure);
    expect(refusal.detail).toEqual({ kind: 'overloaded', scope: 'request', limit: 3 });
    expect(refusal.retryable).toBe(false);
    expect(ran).toBe(3);
    expect(share.callsMade('CDC')).toBe(3);
    await expect(share.run('DEBT_COLLECTION', call)).resolves.toBe('ok');
  });

  it('fails a waiting call as the deadline when the request’s signal ended before its turn', async () => {
    const calls = gate();
    const share = createRequestShare({ ...LIMITS, concurrentPerRequest: 1 });
    const deadline = new AbortController();

    const first = share.run('RECOVERY_CONNECT', calls.call, deadline.signal);
    const second = share.run('RECOVERY_CONNECT', calls.call, deadline.signal).catch((error: unknown) => error);
    deadline.abort();
    await calls.releaseAll();

    await expect(first).resolves.toBe('answered');
    expect(await second).toEqual(expect.objectContaining({ detail: { kind: 'timeout', phase: 'deadline' } }));
  });
});
