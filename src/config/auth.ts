/**
 * The inbound-authentication block of the configuration, read from the environment. What an
 * empty block means (a dev token on the simulators, else a refusal) is decided at start, in
 * ./startup.ts, because it depends on where the providers are.
 */
import { booleanSetting, stringSetting } from './env';

/** Inbound authentication as configured. */
export interface AuthConfig {
  /** AUTH_JWT_SECRET: HS256 secret tokens are signed with. */
  readonly jwtSecret: string | null;
  /** AUTH_JWKS_URL: the issuer's key set (https; http only on loopback). */
  readonly jwksUrl: string | null;
  /** AUTH_ISSUER: required `iss` of every token. */
  readonly issuer: string | null;
  /** AUTH_AUDIENCE: required `aud` of every token. */
  readonly audience: string | null;
  /** AUTH_DISABLED=true: every request is served without a token. */
  readonly disabled: boolean;
  /** ROUTER_SECRET: when set, `/graphql` answers only requests carrying it in `x-router-secret`. */
  readonly routerSecret: string | null;
}

/** Shorter secrets can be guessed offline from one token. */
export const MIN_SECRET_LENGTH = 32;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Reads the AUTH_* and ROUTER_SECRET variables; problems are added to `problems`, never with a secret in them. */
export function readAuthConfig(env: NodeJS.ProcessEnv, problems: string[]): AuthConfig {
  const jwtSecret = stringSetting(env, 'AUTH_JWT_SECRET');
  const jwksUrl = stringSetting(env, 'AUTH_JWKS_URL');
  const issuer = stringSetting(env, 'AUTH_ISSUER');
  const audience = stringSetting(env, 'AUTH_AUDIENCE');
  const routerSecret = stringSetting(env, 'ROUTER_SECRET');

  if (jwtSecret !== null && jwtSecret.length < MIN_SECRET_LENGTH) {
    problems.push(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 48\`).`);
  }
  if (jwtSecret !== null && jwksUrl !== null) problems.push('Set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both.');
  if (jwksUrl !== null && !isKeySetUrl(jwksUrl)) problems.push('AUTH_JWKS_URL must be an https URL (http only on localhost).');
  if ((issuer !== null || audience !== null) && jwtSecret === null && jwksUrl === null) {
    problems.push('AUTH_ISSUER and AUTH_AUDIENCE need AUTH_JWT_SECRET or AUTH_JWKS_URL.');
  }
  if (routerSecret !== null && routerSecret.length < MIN_SECRET_LENGTH) {
    problems.push(`ROUTER_SECRET must be at least ${MIN_SECRET_LENGTH} characters.`);
  }
  const disabled = booleanSetting(env, 'AUTH_DISABLED', false, problems);
  if (disabled && (jwtSecret !== null || jwksUrl !== null)) {
    problems.push('AUTH_DISABLED=true contradicts AUTH_JWT_SECRET / AUTH_JWKS_URL: unset one or the other.');
  }
  return { jwtSecret, jwksUrl, issuer, audience, disabled, routerSecret };
}

/** Keys fetched over plain http could be swapped on the way: only on this machine. */
function isKeySetUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}
