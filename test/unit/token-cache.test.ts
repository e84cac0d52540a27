import { createTokenCache, type IssuedToken } from '../../src/providers/token-cache';

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A login that issues `token-1`, `token-2`, ... each valid for `lifetimeSeconds`. */
function countingLogin(lifetimeSeconds: number) {
  let issued = 0;
  const login = jest.fn(() => {
    issued += 1;
    return Promise.resolve<IssuedToken>({ token: `token-${issued}`, expiresInSeconds: lifetimeSeconds });
  });
  return login;
}

/** A clock the test moves by hand, in milliseconds. */
function manualClock(start = 1_000_000) {
  let current = start;
  return {
    now: () => current,
    advanceMs(ms: number) {
      current += ms;
    },
  };
}

describe('createTokenCache', () => {
  it('logs in once for 100 concurrent calls and gives all of them the same token', async () => {
    const gate = deferred<IssuedToken>();
    const login = jest.fn(() => gate.promise);
    const cache = createTokenCache({ login });

    const calls = Array.from({ length: 100 }, () => cache.get());
    expect(login).toHaveBeenCalledTimes(1);
    gate.resolve({ token: 'shared', expiresInSeconds: 3600 });

    const tokens = await Promise.all(calls);
    expect(new Set(tokens)).toStrictEqual(new Set(['shared']));
    expect(tokens).toHaveLength(100);
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('reuses the cached token without logging in again', async () => {
    const clock = manualClock();
    const login = countingLogin(3600);
    const cache = createTokenCache({ login, now: clock.now });

    expect(await cache.get()).toBe('token-1');
    clock.advanceMs(1_000_000);
    expect(await cache.get()).toBe('token-1');
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('refreshes refreshMarginSeconds (default 60) before expiry of a long-lived token', async () => {
    const clock = manualClock();
    const login = countingLogin(3600); // 10% is 360s, so the 60s margin applies
    const cache = createTokenCache({ login, now: clock.now });

    expect(await cache.get()).toBe('token-1');
    clock.advanceMs(3_539_999);
    expect(await cache.get()).toBe('token-1');
    clock.advanceMs(1); // 3540s: 60s before expiry
    expect(await cache.get()).toBe('token-2');
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('caps the margin at 10% of a short token lifetime', async () => {
    const clock = manualClock();
    const login = countingLogin(100); // 10% is 10s, less than the 60s margin
    const cache = createTokenCache({ login, now: clock.now });

    expect(await cache.get()).toBe('token-1');
    clock.advanceMs(89_999);
    expect(await cache.get()).toBe('token-1');
    clock.advanceMs(1); // 90s: 10s before expiry
    expect(await cache.get()).toBe('token-2');
  });

  it('honours a configured margin smaller than 10% of the lifetime', async () => {
    const clock = manualClock();
    const login = countingLogin(3600);
    const cache = createTokenCache({ login, now: clock.now, refreshMarginSeconds: 5 });

    expect(await cache.get()).toBe('token-1');
    clock.advanceMs(3_594_999);
    expect(await cache.get()).toBe('token-1');
    clock.advanceMs(1); // 3595s: 5s before expiry
    expect(await cache.get()).toBe('token-2');
  });

  it('counts the lifetime from when the login answered', async () => {
    const clock = manualClock();
    const gate = deferred<IssuedToken>();
    const login = jest.fn(() => gate.promise);
    const cache = createTokenCache({ login, now: clock.now, refreshMarginSeconds: 0 });

    const first = cache.get();
    clock.advanceMs(30_000); // the login takes 30s
    gate.resolve({ token: 'slow', expiresInSeconds: 100 });
    expect(await first).toBe('slow');

    clock.advanceMs(99_999);
    expect(await cache.get()).toBe('slow');
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('refreshes single-flight when the cached token goes stale', async () => {
    const clock = manualClock();
    const login = countingLogin(100);
    const cache = createTokenCache({ login, now: clock.now });
    await cache.get();

    clock.advanceMs(95_000);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get()));
    expect(new Set(tokens)).toStrictEqual(new Set(['token-2']));
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('drops the current token on invalidate and logs in on the next get', async () => {
    const login = countingLogin(3600);
    const cache = createTokenCache({ login });

    expect(await cache.get()).toBe('token-1');
    cache.invalidate('token-1');
    expect(await cache.get()).toBe('token-2');
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('keeps a newer token when an older one is invalidated', async () => {
    const login = countingLogin(3600);
    const cache = createTokenCache({ login });

    const old = await cache.get();
    cache.invalidate(old);
    const newer = await cache.get();
    expect(newer).toBe('token-2');

    cache.invalidate(old); // a late caller that failed with the old token
    expect(await cache.get()).toBe('token-2');
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('logs in once when many callers invalidate the same stale token', async () => {
    const login = countingLogin(3600);
    const cache = createTokenCache({ login });
    const stale = await cache.get();

    const retries = Array.from({ length: 10 }, async () => {
      cache.invalidate(stale);
      return cache.get();
    });
    const tokens = await Promise.all(retries);
    expect(new Set(tokens)).toStrictEqual(new Set(['token-2']));
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('ignores invalidating a token it never issued', async () => {
    const login = countingLogin(3600);
    const cache = createTokenCache({ login });

    await cache.get();
    cache.invalidate('someone-else');
    expect(await cache.get()).toBe('token-1');
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('rejects every waiter when the login fails, and tries again on the next get', async () => {
    const failure = new Error('login refused');
    const gate = deferred<IssuedToken>();
    const login = jest
      .fn<Promise<IssuedToken>, []>()
      .mockImplementationOnce(() => gate.promise)
      .mockImplementationOnce(() => Promise.resolve({ token: 'second-try', expiresInSeconds: 3600 }));
    const cache = createTokenCache({ login });

    const waiters = Array.from({ length: 5 }, () => cache.get());
    gate.reject(failure);
    const outcomes = await Promise.allSettled(waiters);
    expect(outcomes).toStrictEqual(Array.from({ length: 5 }, () => ({ status: 'rejected', reason: failure })));
    expect(login).toHaveBeenCalledTimes(1);

    expect(await cache.get()).toBe('second-try');
    expect(login).toHaveBeenCalledTimes(2);
  });

  it('does not serve the stale token after a failed refresh', async () => {
    const clock = manualClock();
    const login = jest
      .fn<Promise<IssuedToken>, []>()
      .mockResolvedValueOnce({ token: 'first', expiresInSeconds: 100 })
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValueOnce({ token: 'third', expiresInSeconds: 100 });
    const cache = createTokenCache({ login, now: clock.now });

    expect(await cache.get()).toBe('first');
    clock.advanceMs(95_000);
    await expect(cache.get()).rejects.toThrow('down');
    expect(await cache.get()).toBe('third');
  });
});
