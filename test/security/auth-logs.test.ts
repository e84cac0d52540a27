/**
 * What the log keeps of authentication: why a token or router secret was refused, never the
 * token, the signing secret or the router secret, at any level, whatever the request.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/infra/logger';
import { loadConfig } from '../../src/config/index';
import { startRuntime } from '../../src/server/runtime';
import { startEmbeddedProviders } from '../../tools/dev/embedded';
import { startStack, testToken, TEST_JWT_SECRET } from '../support/stack';

const ROUTER_SECRET = 'router-secret-of-the-log-test-0123456789';
const WRONG_ROUTER_SECRET = 'not-the-router-secret-of-the-log-test-99';
const QUERY = '{ assignment(id: "57074903") { id } }';

const written: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    written.push(chunk.toString('utf8'));
    done();
  },
});
const logLines = () =>
  written
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** The token and its signature part: either would be a leak on its own. */
const secretsOf = (token: string) => [token, token.split('.')[2] ?? token];

beforeEach(() => {
  written.length = 0;
});

describe('the log and inbound auth', () => {
  it('never holds a token, the secret or the router secret, while saying why requests were refused', async () => {
    const stack = await startStack({ auth: { routerSecret: ROUTER_SECRET }, logger: createLogger({ level: 'trace', destination: capture }) });
    const tokens = [
      stack.token,
      await testToken({ lifetimeSeconds: -60 }),
      await testToken({ secret: 'another-secret-that-is-long-enough-000' }),
      await testToken({ scopes: ['cdc:read'] }),
    ];
    try {
      for (const token of tokens) await stack.gqlAs(token, QUERY);
      await stack.gqlAs(null, QUERY);
      await stack.gqlAs(null, QUERY, undefined, { authorization: `Basic ${Buffer.from(`user:${TEST_JWT_SECRET}`).toString('base64')}` });
      await stack.gqlAs(stack.token, QUERY, undefined, { 'x-router-secret': WRONG_ROUTER_SECRET });
      // A failing provider call logs the most: the request's log lines must still hold no token.
      await stack.sim.fault({ method: 'GET', status: 500 });
      await stack.gqlAs(stack.token, QUERY);
    } finally {
      await stack.close();
    }

    const lines = logLines();
    expect(lines.filter((line) => line.msg === 'bearer token refused').map((line) => line.reason)).toEqual(['expired', 'invalid', 'malformed']);
    expect(lines.filter((line) => line.msg === 'router secret refused').map((line) => line.reason)).toEqual(['wrong']);
    const log = written.join('');
    for (const secret of [...tokens.flatMap(secretsOf), TEST_JWT_SECRET, ROUTER_SECRET, WRONG_ROUTER_SECRET]) {
      expect(log).not.toContain(secret);
    }
  });

  it('never holds the dev token', async () => {
    const runtime = await startRuntime(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), createLogger({ level: 'trace', destination: capture }), startEmbeddedProviders);
    const token = runtime.auth.devToken ?? '';
    try {
      await fetch(runtime.app.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY }),
      });
    } finally {
      await runtime.close();
    }

    expect(token.split('.')).toHaveLength(3);
    expect(logLines().some((line) => line.auth === 'dev')).toBe(true);
    for (const secret of secretsOf(token)) expect(written.join('')).not.toContain(secret);
  });
});
