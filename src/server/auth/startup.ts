/**
 * What inbound authentication runs with, decided once at start:
 *
 * - AUTH_JWT_SECRET or AUTH_JWKS_URL set: every token is verified against it.
 * - Nothing set, every provider on its embedded simulator, not production: dev mode, with a
 *   random secret and a ready-made token holding every scope (printed by `npm start`).
 * - AUTH_DISABLED=true: no checks at all, with a loud warning in the log.
 * - Nothing set otherwise: the service refuses to start and says what to set.
 */
import { ConfigError, type Config } from '../../config/index';
import type { Logger } from '../../infra/logger';
import { createAuthenticator, type Authenticate } from './authenticate';
import { createDevCredentials } from './dev-token';
import { createTokenVerifier, type VerifierOptions } from './verify';

export type AuthPlan =
  | { readonly kind: 'verify'; readonly verifier: VerifierOptions }
  | { readonly kind: 'dev' }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'refused'; readonly message: string };

/** Inbound authentication of a running service. */
export interface InboundAuth {
  readonly mode: 'verify' | 'dev' | 'disabled';
  /** Dev mode only: a token with every scope, for Sandbox's Authorization header. */
  readonly devToken: string | null;
  /** When set, `/graphql` requires it in `x-router-secret`. */
  readonly routerSecret: string | null;
  readonly authenticate: Authenticate;
}

export const NOT_CONFIGURED_MESSAGE =
  'Inbound authentication is not configured. Set AUTH_JWT_SECRET (an HS256 secret, at least 32 characters) ' +
  'or AUTH_JWKS_URL (your issuer\'s key set), with AUTH_ISSUER and AUTH_AUDIENCE as your tokens carry them. ' +
  'Only when this service sits behind something that authenticates every request, set AUTH_DISABLED=true instead. ' +
  '(A dev token is made on its own only when every provider runs on its embedded simulator outside production.)';

export const DISABLED_WARNING =
  'AUTHENTICATION IS DISABLED (AUTH_DISABLED=true): every request is served without a token; ' +
  'whoever reaches this service can read and change provider data.';

type AuthInputs = Pick<Config, 'auth' | 'isProduction' | 'recoveryConnect' | 'cdc' | 'debtCollection'>;

/** The plan for a configuration; pure, so every branch is testable without starting anything. */
export function planInboundAuth(config: AuthInputs): AuthPlan {
  const { auth } = config;
  if (auth.jwtSecret !== null) {
    return { kind: 'verify', verifier: { key: { kind: 'secret', secret: auth.jwtSecret }, issuer: auth.issuer, audience: auth.audience } };
  }
  if (auth.jwksUrl !== null) {
    return { kind: 'verify', verifier: { key: { kind: 'jwks', url: auth.jwksUrl }, issuer: auth.issuer, audience: auth.audience } };
  }
  if (auth.disabled) return { kind: 'disabled' };
  const allSimulated = [config.recoveryConnect, config.cdc, config.debtCollection].every((target) => target.mode === 'simulator');
  if (allSimulated && !config.isProduction) return { kind: 'dev' };
  return { kind: 'refused', message: NOT_CONFIGURED_MESSAGE };
}

/** Prepares the plan: throws a ConfigError when refused, warns loudly when disabled. */
export async function startInboundAuth(config: AuthInputs, logger: Logger): Promise<InboundAuth> {
  const plan = planInboundAuth(config);
  const routerSecret = config.auth.routerSecret;
  switch (plan.kind) {
    case 'refused':
      throw new ConfigError([plan.message]);
    case 'disabled':
      logger.warn({ auth: 'disabled' }, DISABLED_WARNING);
      return { mode: 'disabled', devToken: null, routerSecret, authenticate: createAuthenticator(null, logger) };
    case 'dev': {
      const { secret, token } = await createDevCredentials();
      const verifier = createTokenVerifier({ key: { kind: 'secret', secret }, issuer: null, audience: null });
      logger.info({ auth: 'dev' }, 'inbound auth: dev mode, random secret of this process (see the token printed at start)');
      return { mode: 'dev', devToken: token, routerSecret, authenticate: createAuthenticator(verifier, logger) };
    }
    case 'verify':
      logger.info({ auth: plan.verifier.key.kind === 'secret' ? 'hs256' : 'jwks' }, 'inbound auth: bearer tokens verified');
      return { mode: 'verify', devToken: null, routerSecret, authenticate: createAuthenticator(createTokenVerifier(plan.verifier), logger) };
  }
}
