/**
 * Tokens signed with an HS256 secret: the dev token `npm start` prints on the simulators, made
 * with a secret that lives only in this process, so it is worthless anywhere else.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { ALL_SCOPES } from '../../graphql/auth/scopes';

/** Long enough for a working day in Sandbox; the next start makes a new secret anyway. */
export const DEV_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
export const DEV_TOKEN_SUBJECT = 'dev';

export interface SignOptions {
  readonly secret: string;
  readonly scopes: readonly string[];
  readonly subject?: string;
  readonly lifetimeSeconds: number;
  readonly issuer?: string;
  readonly audience?: string;
}

/** An HS256 JWT with `sub`, `scope` (space-separated), `iat` and `exp`. */
export async function signToken(options: SignOptions): Promise<string> {
  const jwt = new SignJWT({ scope: options.scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject ?? DEV_TOKEN_SUBJECT)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + options.lifetimeSeconds);
  if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}

/** A fresh random secret (256 bits) and a token with every scope, valid 12 hours. */
export async function createDevCredentials(): Promise<{ readonly secret: string; readonly token: string }> {
  const secret = randomBytes(32).toString('base64url');
  const token = await signToken({ secret, scopes: ALL_SCOPES, lifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS });
  return { secret, token };
}
