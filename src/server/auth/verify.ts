/**
 * Bearer token verification with jose: an HS256 shared secret, or the issuer's keys from a
 * JWKS URL. Signature, `exp` (required), `nbf`, and the issuer and audience when configured are
 * checked; the result is the caller's subject and scopes, or why the token was refused.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyOptions, type JWTVerifyResult } from 'jose';
import { LRUCache } from 'lru-cache';
import { scopesOfClaim } from '../../graphql/auth/scopes';

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
  const verified = verifiedTokens();

  return async (token) => {
    if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
    const known = verified.get(token);
    if (known !== undefined) return known;
    try {
      const { payload } = await verify(token);
      const verification = { ok: true, subject: typeof payload.sub === 'string' ? payload.sub : null, scopes: scopesOfClaim(payload.scope) } as const;
      verified.remember(token, verification, payload.exp, payload.nbf);
      return verification;
    } catch (error) {
      return { ok: false, reason: failureReason(error, jwks) };
    }
  };
}

/** Distinct tokens remembered at most (a router or a frontend sends the same token many times). */
const MAX_VERIFIED_TOKENS = 1_000;
/** Characters of tokens remembered at most: 1,000 ordinary tokens, far fewer of the longest. */
const MAX_VERIFIED_CHARACTERS = 2_000_000;

/**
 * Tokens that verified, each kept until its own `exp` (without the clock tolerance, so never
 * longer than jose would accept it): the same token sent again skips the signature check and the
 * claims parsing, which were a twentieth of a cheap read's time. Only successes are kept; a token
 * whose `nbf` is still ahead is not kept at all. Keyed by the whole token, signature included, so
 * a forged token never matches a verified one. One trade-off: a token this process verified before
 * its key was withdrawn from the JWKS is still accepted here until it expires (or the process
 * restarts), bounded by the tokens' lifetime; a token not seen before is checked against the
 * current keys.
 */
function verifiedTokens() {
  const cache = new LRUCache<string, { readonly verification: Verification; readonly expiresAtMs: number }>({
    max: MAX_VERIFIED_TOKENS,
    maxSize: MAX_VERIFIED_CHARACTERS,
    sizeCalculation: (_value, token) => token.length,
  });
  return {
    get(token: string): Verification | undefined {
      const entry = cache.get(token);
      if (entry === undefined) return undefined;
      if (Date.now() < entry.expiresAtMs) return entry.verification;
      cache.delete(token);
      return undefined;
    },
    remember(token: string, verification: Verification, exp: number | undefined, nbf: number | undefined): void {
      if (exp === undefined) return;
      if (nbf !== undefined && nbf * 1000 > Date.now()) return;
      cache.set(token, { verification, expiresAtMs: exp * 1000 });
    },
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
