import { GraphQLError } from 'graphql';
import { createAuthenticator } from '../../src/server/auth/authenticate';
import { signToken } from '../../src/server/auth/dev-token';
import { createTokenVerifier } from '../../src/server/auth/verify';
import { createLogger } from '../../src/infra/logger';

const SECRET = 'a-test-secret-that-is-32-chars!!';
const logger = createLogger({ level: 'silent' });
const authenticate = createAuthenticator(createTokenVerifier({ key: { kind: 'secret', secret: SECRET }, issuer: null, audience: null }), logger);
const valid = () => signToken({ secret: SECRET, scopes: ['cdc:read'], subject: 'partner', lifetimeSeconds: 60 });

/** The GraphQLError `authenticate` rejects with. */
async function refusal(header: string): Promise<GraphQLError> {
  const error: unknown = await authenticate(header).then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof GraphQLError)) throw new Error('expected a GraphQLError');
  return error;
}

describe('createAuthenticator', () => {
  it('makes an anonymous caller of a request without a header, or with an empty one', async () => {
    expect(await authenticate(undefined)).toEqual({ kind: 'anonymous' });
    expect(await authenticate('  ')).toEqual({ kind: 'anonymous' });
  });

  it('reads the scheme in any case and around spaces', async () => {
    const token = await valid();
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `  BEARER   ${token} `]) {
      expect(await authenticate(header)).toEqual({ kind: 'token', subject: 'partner', scopes: new Set(['cdc:read']) });
    }
  });

  it('refuses another scheme or a bad token with 401 and UNAUTHENTICATED', async () => {
    for (const header of ['Basic dXNlcjpwdw==', `Bearer ${await valid()}x`]) {
      const error = await refusal(header);
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect((error.extensions.http as { status: number }).status).toBe(401);
    }
  });

  it('lets everyone through, unrestricted, when authentication is disabled', async () => {
    const disabled = createAuthenticator(null, logger);
    expect(await disabled(undefined)).toEqual({ kind: 'unrestricted' });
    expect(await disabled('Bearer whatever')).toEqual({ kind: 'unrestricted' });
  });
});
