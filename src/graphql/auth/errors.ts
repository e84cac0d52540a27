/**
 * The two refusals a caller can get, as GraphQL errors with the codes routers and clients know:
 * UNAUTHENTICATED (no usable token) and FORBIDDEN (a valid token without the scope).
 */
import { GraphQLError } from 'graphql';

/** A field needs a token and the request has none. */
export function authenticationRequired(): GraphQLError {
  return new GraphQLError('Authentication required: send a bearer token in the Authorization header.', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}

/**
 * The whole request is refused (HTTP 401) because its token is not usable. The message says
 * why in general terms only; what exactly failed stays in our log.
 */
export function tokenRefused(reason: 'expired' | 'invalid' | 'malformed'): GraphQLError {
  const messages = {
    expired: 'The bearer token has expired.',
    invalid: 'The bearer token is not valid.',
    malformed: 'The Authorization header must be "Bearer <token>".',
  };
  // Apollo Server reads `http.headers` as a Map. Typed loosely: graphql-yoga (in the Hive Gateway
  // test) declares `http.headers` a plain record for every module of the compilation.
  const extensions: Record<string, unknown> = {
    code: 'UNAUTHENTICATED',
    http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) },
  };
  return new GraphQLError(messages[reason], { extensions });
}

/** The token's keys could not be fetched: our problem, so 503 and a plain internal error. */
export function verificationUnavailable(): GraphQLError {
  return new GraphQLError('The bearer token could not be verified now.', {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  });
}

/** The token is valid but lacks scopes; names the scopes missing, never any data. */
export function missingScopes(scopes: readonly string[]): GraphQLError {
  const list = [...scopes].sort().join(', ');
  const message = scopes.length === 0 ? 'Not allowed for this token.' : `Not allowed: this needs the scope${scopes.length === 1 ? '' : 's'} ${list}.`;
  return new GraphQLError(message, {
    extensions: { code: 'FORBIDDEN' },
  });
}
