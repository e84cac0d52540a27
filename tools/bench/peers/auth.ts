/**
 * The peers' inbound auth: the same kind of JWT check the project does (jose, HS256 with a
 * shared secret, `exp` required, 5 s clock tolerance, one verification per request), and the
 * same answers: a bad token refuses the whole request (HTTP 401); no token, or a token without
 * the scope, leaves the field null with `UNAUTHENTICATED` / `FORBIDDEN`.
 */
import { GraphQLError } from 'graphql';
import { jwtVerify } from 'jose';

/** Who called: the scopes of a verified token, or nobody (no token at all). */
export type Caller = { readonly scopes: ReadonlySet<string> } | null;

const MAX_TOKEN_LENGTH = 8192;
const BEARER = /^Bearer (\S+)$/;

function invalidToken(): GraphQLError {
  return new GraphQLError('The bearer token is invalid or expired.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** Verifies an `Authorization` header; throws (HTTP 401) for a header that is not a valid token. */
export function createAuthenticator(secret: string): (header: string | undefined) => Promise<Caller> {
  const key = new TextEncoder().encode(secret);
  return async (header) => {
    if (header === undefined || header === '') return null;
    const token = BEARER.exec(header)?.[1];
    if (token === undefined || token.length > MAX_TOKEN_LENGTH) throw invalidToken();
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp'], clockTolerance: 5 });
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      return { scopes: new Set(scope.split(' ').filter((name) => name !== '')) };
    } catch {
      throw invalidToken();
    }
  };
}

/** Throws the field's `UNAUTHENTICATED` or `FORBIDDEN` error unless the caller holds `scope`. */
export function requireScope(caller: Caller, scope: string): void {
  if (caller === null) throw new GraphQLError('Authentication required.', { extensions: { code: 'UNAUTHENTICATED' } });
  if (!caller.scopes.has(scope)) {
    throw new GraphQLError(`Missing scope ${scope}.`, { extensions: { code: 'FORBIDDEN', requiredScopes: [scope] } });
  }
}
