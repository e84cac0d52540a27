/**
 * Bearer token verification with jose: an HS256 shared secret, or the issuer's keys from a
 * JWKS URL. Signature, `exp` (required), `nbf`, and the issuer and audience when configured are
 * checked; the result is the caller's subject and scopes, or why the token was refused.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyOptions, type JWTVerifyResult } from 'jose';
import { scopesOfClaim } from './scopes';

/** Where the verification keys come from. */
export type VerificationKey = { readonly kind: 'secret'; readonly secret: string } | { readonly kind: 'jwks'; readonly url: string };

export interface VerifierOptions {
  readonly key: VerificationKey;
  /** Required `iss`, when set. */
  readonly issuer: string | null;
  /** Required `aud` (one of the token's audiences), when set. */
  readonly audience: string | null;
}

/**
 * `expired` and `invalid` are the caller's to fix; `unavailable` is ours (the key set could not
 * be fetched), so the caller may send the same token again later.
 */
export type Verification =
  | { readonly ok: true; readonly subject: string | null; readonly scopes: ReadonlySet<string> }
  | { readonly ok: false; readonly reason: 'expired' | 'invalid' | 'unavailable' };

export type TokenVerifier = (token: string) => Promise<Verification>;

/** Clocks of issuer and subgraph may differ a little; more would stretch a token's life. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Far above any real token; a longer header is refused before any parsing. */
const MAX_TOKEN_LENGTH = 8192;
/** Asymmetric only: a JWKS never holds a shared secret, so HS* from one would be a confusion attack. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const checks: JWTVerifyOptions = {
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp'],
    ...(options.issuer !== null && { issuer: options.issuer }),
    ...(options.audience !== null && { audience: options.audience }),
  };
  let verify: (token: string) => Promise<JWTVerifyResult>;
  if (options.key.kind === 'secret') {
    const secret = new TextEncoder().encode(options.key.secret);
    verify = (token) => jwtVerify(token, secret, { ...checks, algorithms: ['HS256'] });
  } else {
    // Fetched on first use and cached; an unknown `kid` refetches (at most every 30 s).
    const keySet = createRemoteJWKSet(new URL(options.key.url), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    verify = (token) => jwtVerify(token, keySet, { ...checks, algorithms: JWKS_ALGORITHMS });
  }
  const jwks = options.key.kind === 'jwks';

  return async (token) => {
    if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
    try {
      const { payload } = await verify(token);
      return { ok: true, subject: typeof payload.sub === 'string' ? payload.sub : null, scopes: scopesOfClaim(payload.scope) };
    } catch (error) {
      return { ok: false, reason: failureReason(error, jwks) };
    }
  };
}

function failureReason(error: unknown, jwks: boolean): 'expired' | 'invalid' | 'unavailable' {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'unavailable';
  // jose reports a JWKS answer that is not 200 or not JSON as a generic JOSEError.
  if (jwks && error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC') return 'unavailable';
  if (error instanceof errors.JOSEError) return 'invalid';
  // Not jose's verdict on the token: a network failure fetching the key set, or a bug of ours.
  return 'unavailable';
}
