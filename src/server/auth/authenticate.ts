/**
 * From the Authorization header to the request's caller, once per request. No header: an
 * anonymous caller (fields that need a token then answer UNAUTHENTICATED). A header that is not
 * a valid bearer token refuses the whole request with HTTP 401: the client sent credentials and
 * should learn at once that they do not work.
 */
import type { Logger } from '../../infra/logger';
import { ANONYMOUS, UNRESTRICTED, type Caller } from '../../graphql/auth/caller';
import { tokenRefused, verificationUnavailable } from '../../graphql/auth/errors';
import type { TokenVerifier } from './verify';

/** Resolves to the caller, or rejects with the GraphQLError to answer with. */
export type Authenticate = (authorization: string | undefined) => Promise<Caller>;

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i;

/** `verifier` null means authentication is disabled: every caller is unrestricted. */
export function createAuthenticator(verifier: TokenVerifier | null, logger: Logger): Authenticate {
  if (verifier === null) return () => Promise.resolve(UNRESTRICTED);
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const token = BEARER.exec(authorization.trim())?.[1];
    if (token === undefined) {
      logger.info({ reason: 'malformed' }, 'bearer token refused');
      throw tokenRefused('malformed');
    }
    const verification = await verifier(token);
    if (verification.ok) return { kind: 'token', subject: verification.subject, scopes: verification.scopes };
    // The reason only: never the token, whose signature part is a credential.
    if (verification.reason === 'unavailable') {
      logger.warn({ reason: verification.reason }, 'bearer token could not be verified: the key set is unreachable');
      throw verificationUnavailable();
    }
    logger.info({ reason: verification.reason }, 'bearer token refused');
    throw tokenRefused(verification.reason);
  };
}
