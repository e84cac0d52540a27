import { randomBytes } from 'node:crypto';

/** A freshly issued pair of opaque tokens. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Bearer tokens a simulator has issued, with expiry measured on the simulator's clock. */
export interface TokenStore {
  issue(): IssuedTokens;
  /** True for an issued access token that is neither expired nor revoked. */
  isValid(accessToken: string): boolean;
  revokeAll(): void;
}

/** Options of {@link createTokenStore}. */
export interface TokenStoreOptions {
  ttlSeconds: number;
  now: () => Date;
}

export function createTokenStore(options: TokenStoreOptions): TokenStore {
  const expiries = new Map<string, number>();
  const now = (): number => options.now().getTime();
  const dropExpired = (): void => {
    for (const [token, expiresAt] of expiries) if (expiresAt <= now()) expiries.delete(token);
  };
  return {
    issue() {
      dropExpired(); // bounds memory on long runs
      const accessToken = randomBytes(32).toString('hex');
      expiries.set(accessToken, now() + options.ttlSeconds * 1000);
      return { accessToken, refreshToken: randomBytes(32).toString('hex'), expiresIn: options.ttlSeconds };
    },
    isValid(accessToken) {
      const expiresAt = expiries.get(accessToken);
      return expiresAt !== undefined && now() < expiresAt;
    },
    revokeAll() {
      expiries.clear();
    },
  };
}

/** The token of an `Authorization: Bearer <token>` header (scheme is case-insensitive per RFC 7235). */
export function readBearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
