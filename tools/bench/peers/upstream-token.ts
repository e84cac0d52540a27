/**
 * The upstream login, cached until shortly before it expires and refreshed single-flight, as
 * the project's token cache does: concurrent requests on a cold cache make one login.
 */

export interface Login {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/** Renew this long before the provider's expiry. */
const MARGIN_MS = 30_000;

export function cachedLogin(login: () => Promise<Login>): () => Promise<string> {
  let current: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return () => {
    if (current !== null && Date.now() < current.renewAt) return Promise.resolve(current.token);
    pending ??= login()
      .then(({ token, expiresInSeconds }) => {
        current = { token, renewAt: Date.now() + expiresInSeconds * 1000 - MARGIN_MS };
        return token;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

/** The `{access_token, expires_in}` of a RecoveryConnect login answer. */
export function readLogin(body: unknown): Login {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { access_token: token, expires_in: expiresInSeconds } = record;
  if (typeof token !== 'string' || typeof expiresInSeconds !== 'number') throw new Error('login answer without access_token/expires_in');
  return { token, expiresInSeconds };
}
