/**
 * A provider access token, cached until shortly before it expires and refreshed single-flight:
 * however many calls find it missing or stale at once, one login runs and all of them wait on it.
 * Shared by every provider that logs in (RecoveryConnect, CDC).
 */

/** What a login yields. */
export interface IssuedToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

export interface TokenCacheOptions {
  readonly login: () => Promise<IssuedToken>;
  /** Clock in milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** Refresh this long before expiry at most; capped at 10% of the token's lifetime. */
  readonly refreshMarginSeconds?: number;
}

export interface TokenCache {
  /** A token that is valid now, logging in only when needed. */
  get(): Promise<string>;
  /**
   * Forget `token` after the provider rejected it. Only that token is dropped: when many calls
   * fail with the same stale token, the first invalidation wins and the others reuse the new one.
   */
  invalidate(token: string): void;
}

export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const now = options.now ?? Date.now;
  const marginSeconds = options.refreshMarginSeconds ?? 60;
  let current: { readonly token: string; readonly refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;

  function refresh(): Promise<string> {
    pending ??= options
      .login()
      .then((issued) => {
        const margin = Math.min(marginSeconds, issued.expiresInSeconds * 0.1);
        current = { token: issued.token, refreshAt: now() + (issued.expiresInSeconds - margin) * 1000 };
        return issued.token;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  return {
    get() {
      if (current && now() < current.refreshAt) return Promise.resolve(current.token);
      return refresh();
    },
    invalidate(token) {
      if (current?.token === token) current = null;
    },
  };
}
