/**
 * Inbound auth in each of its configurations, on real sockets: issuer and audience checks, keys
 * from a JWKS server, the router secret, AUTH_DISABLED, and the dev token of a run on the
 * simulators.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { DISABLED_WARNING } from '../../src/server/auth/startup';
import { ALL_SCOPES } from '../../src/graphql/auth/scopes';
import { ConfigError, loadConfig } from '../../src/config/index';
import { createLogger } from '../../src/infra/logger';
import { startRuntime } from '../../src/server/runtime';
import { startEmbeddedProviders } from '../../tools/dev/embedded';
import { startStack, testToken, type GraphQLAnswer } from '../support/stack';

const QUERY = '{ assignment(id: "57074903") { id } }';
const ISSUER = 'https://issuer.test/';
const AUDIENCE = 'recovery-graph';

/** POSTs QUERY with these headers; the answer and its HTTP status. */
async function post(url: string, headers: Record<string, string>): Promise<GraphQLAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY }) });
  return { status: res.status, ...((await res.json()) as Omit<GraphQLAnswer, 'status'>) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Lines a logger wrote, parsed. */
function logCapture(): { lines: Record<string, unknown>[]; destination: Writable } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('HS256 with issuer and audience', () => {
  it('accepts tokens with both and refuses a missing or wrong one', async () => {
    const stack = await startStack({ auth: { issuer: ISSUER, audience: AUDIENCE } });
    try {
      expect((await stack.gql(QUERY)).data).toEqual({ assignment: { id: '57074903' } });

      for (const token of [
        await testToken(),
        await testToken({ issuer: 'https://elsewhere.test/', audience: AUDIENCE }),
        await testToken({ issuer: ISSUER }),
        await testToken({ issuer: ISSUER, audience: 'another-api' }),
      ]) {
        const answer = await stack.gqlAs(token, QUERY);
        expect(answer.status).toBe(401);
        expect(answer.errors).toEqual([expect.objectContaining({ message: 'The bearer token is not valid.', extensions: { code: 'UNAUTHENTICATED' } })]);
      }
    } finally {
      await stack.close();
    }
  });
});

describe('keys from a JWKS URL', () => {
  const KID = 'test-key-1';
  let keys: { privateKey: KeyLike; publicKey: KeyLike };
  let jwksServer: Server;
  let jwksUrl: string;
  let jwksFetches = 0;

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    jwksServer = createServer((req, res) => {
      if (req.url !== '/.well-known/jwks.json') {
        res.writeHead(404).end();
        return;
      }
      jwksFetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(async () => {
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  const rs256 = (key: KeyLike, claims: { issuer?: string; audience?: string } = {}) =>
    new SignJWT({ scope: ALL_SCOPES.join(' ') })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setSubject('router-client')
      .setIssuer(claims.issuer ?? ISSUER)
      .setAudience(claims.audience ?? AUDIENCE)
      .setExpirationTime('10m')
      .sign(key);

  it('accepts a token the key set verifies, fetching the keys once for many requests', async () => {
    const stack = await startStack({ auth: { jwtSecret: null, jwksUrl, issuer: ISSUER, audience: AUDIENCE } });
    try {
      jwksFetches = 0;
      const token = await rs256(keys.privateKey);
      for (let round = 0; round < 5; round += 1) {
        expect((await stack.gqlAs(token, QUERY)).data).toEqual({ assignment: { id: '57074903' } });
      }
      expect(jwksFetches).toBe(1);
    } finally {
      await stack.close();
    }
  });

  it('refuses a token of another key, an HS256 token, and a wrong issuer or audience', async () => {
    const stack = await startStack({ auth: { jwtSecret: null, jwksUrl, issuer: ISSUER, audience: AUDIENCE } });
    try {
      const other = await generateKeyPair('RS256');
      for (const token of [
        await rs256(other.privateKey),
        await testToken({ issuer: ISSUER, audience: AUDIENCE }),
        await rs256(keys.privateKey, { issuer: 'https://elsewhere.test/' }),
        await rs256(keys.privateKey, { audience: 'another-api' }),
      ]) {
        const answer = await stack.gqlAs(token, QUERY);
        expect(answer.status).toBe(401);
        expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(answer.data).toBeUndefined();
      }
      expect(await stack.sim.requests()).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('answers 503 without data when the key set cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const stack = await startStack({ auth: { jwtSecret: null, jwksUrl: `http://127.0.0.1:${port}/jwks.json` } });
    try {
      const answer = await stack.gqlAs(await rs256(keys.privateKey), QUERY);

      expect(answer.status).toBe(503);
      expect(answer.data).toBeUndefined();
      expect(answer.errors).toHaveLength(1);
      expect(await stack.sim.requests()).toEqual([]);
    } finally {
      await stack.close();
    }
  });
});

describe('ROUTER_SECRET', () => {
  const ROUTER_SECRET = 'router-secret-of-the-test-0123456789';

  it('serves only requests that carry it in x-router-secret, and leaves /health open', async () => {
    const stack = await startStack({ auth: { routerSecret: ROUTER_SECRET } });
    try {
      expect((await stack.gql(QUERY)).data).toEqual({ assignment: { id: '57074903' } });

      for (const headers of [bearer(stack.token), { ...bearer(stack.token), 'x-router-secret': 'router-secret-of-the-test-0123456780' }]) {
        const answer = await post(stack.graphqlUrl, headers);
        expect(answer.status).toBe(401);
        expect(answer.errors).toEqual([{ message: 'This subgraph is reachable only through its router.', extensions: { code: 'UNAUTHENTICATED' } }]);
      }
      expect((await fetch(stack.graphqlUrl.replace('/graphql', '/health'))).status).toBe(200);
      await stack.sim.clearRequests();
      await post(stack.graphqlUrl, bearer(stack.token));
      expect(await stack.sim.requests()).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('still needs a token with the secret', async () => {
    const stack = await startStack({ auth: { routerSecret: ROUTER_SECRET } });
    try {
      const answer = await stack.gqlAs(null, QUERY);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.data).toEqual({ assignment: null });
    } finally {
      await stack.close();
    }
  });
});

describe('AUTH_DISABLED=true', () => {
  it('serves every request without a token and warns loudly at start', async () => {
    const { lines, destination } = logCapture();
    const stack = await startStack({ auth: { jwtSecret: null, disabled: true }, logger: createLogger({ level: 'info', destination }) });
    try {
      expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([DISABLED_WARNING]);
      expect((await stack.gqlAs(null, QUERY)).data).toEqual({ assignment: { id: '57074903' } });
      const update = await stack.gqlAs(null, 'mutation { updateAssignment(id: "57074903", input: { orderType: 2 }) { __typename } }');
      expect(update.data).toEqual({ updateAssignment: { __typename: 'UpdateAssignmentSuccess' } });
    } finally {
      await stack.close();
    }
  });
});

describe('dev mode: no auth configured, every provider on its simulator', () => {
  const devConfig = () => loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });

  it('makes a token with every scope for 12 hours that this run accepts', async () => {
    const runtime = await startRuntime(devConfig(), createLogger({ level: 'silent' }), startEmbeddedProviders);
    try {
      expect(runtime.auth.mode).toBe('dev');
      const token = runtime.auth.devToken ?? '';
      const claims = decodeJwt(token);
      expect(String(claims.scope).split(' ').sort()).toEqual([...ALL_SCOPES].sort());
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(12 * 60 * 60);

      expect((await post(runtime.app.graphqlUrl, bearer(token))).data).toEqual({ assignment: { id: '57074903' } });
      const anonymous = await post(runtime.app.graphqlUrl, {});
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await runtime.close();
    }
  });

  it("signs with a secret of its own run: another run's dev token is refused", async () => {
    const first = await startRuntime(devConfig(), createLogger({ level: 'silent' }), startEmbeddedProviders);
    const second = await startRuntime(devConfig(), createLogger({ level: 'silent' }), startEmbeddedProviders);
    try {
      const answer = await post(second.app.graphqlUrl, bearer(first.auth.devToken ?? ''));
      expect(answer.status).toBe(401);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('is not made when a provider is remote or in production: the start is refused', async () => {
    const remote = loadConfig({ PORT: '0', HOST: '127.0.0.1', CDC_URL: 'http://127.0.0.1:9', CDC_CLIENT_KEY: 'k', CDC_CLIENT_SECRET: 's' });
    // loadConfig itself refuses production without auth (test/unit/config-production.test.ts): the start must too.
    const production = { ...remote, isProduction: true };
    for (const config of [remote, production]) {
      const refusal: unknown = await startRuntime(config, createLogger({ level: 'silent' }), startEmbeddedProviders).then(
        async (runtime) => {
          await runtime.close();
          return null;
        },
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(ConfigError);
      expect((refusal as ConfigError).problems[0]).toContain('Inbound authentication is not configured');
    }
  });
});
