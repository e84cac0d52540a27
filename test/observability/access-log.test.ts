/**
 * The access log: one line for every HTTP request, refused ones included, with method, route,
 * status, duration, request id and sizes, and nothing else: no token, no body, no query string.
 */
import { captureLog, type LogCapture } from '../support/log-capture';
import { startStack, type TestStack } from '../support/stack';

const ROUTER_SECRET = 'router-secret-of-the-access-log-test-0123';
const VIN = 'WP0AA29898U760244';

let log: LogCapture;
let stack: TestStack;
let origin: string;

beforeAll(async () => {
  log = captureLog();
  stack = await startStack({ logger: log.logger, auth: { routerSecret: ROUTER_SECRET } });
  origin = new URL(stack.graphqlUrl).origin;
});
afterAll(async () => {
  await stack.close();
});
beforeEach(() => {
  log.clear();
});

/** One request; the answer's status and x-request-id. */
async function send(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${origin}${path}`, init);
  await res.arrayBuffer();
  return { status: res.status, requestId: res.headers.get('x-request-id') };
}

const json = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', 'x-router-secret': ROUTER_SECRET, ...extra });

describe('the access log', () => {
  it('writes one line for every request, refused ones too, with the id the client got back', async () => {
    const body = JSON.stringify({ query: '{ assignment(id: "57074903") { id } }' });
    const answers = [
      await send('/graphql', { method: 'POST', headers: json({ authorization: `Bearer ${stack.token}` }), body }),
      await send('/graphql', { method: 'POST', headers: json({ authorization: 'Bearer not.a.token' }), body }),
      await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.token}` }, body }),
      await send('/graphql', { method: 'POST', headers: json({ 'content-type': 'text/plain' }), body }),
      await send('/graphql', { method: 'POST', headers: json(), body: JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) }) }),
      await send('/no/such/route'),
      await send('/health/live'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 401, 400, 413, 404, 200]);

    const lines = log.lines().filter((line) => typeof line.route === 'string');
    expect(lines.map((line) => [line.method, line.route, line.status, line.requestId])).toEqual([
      ['POST', '/graphql', 200, answers[0]?.requestId],
      ['POST', '/graphql', 401, answers[1]?.requestId],
      ['POST', '/graphql', 401, answers[2]?.requestId],
      ['POST', '/graphql', 400, answers[3]?.requestId],
      ['POST', '/graphql', 413, answers[4]?.requestId],
      ['GET', '/no/such/route', 404, answers[5]?.requestId],
      ['GET', '/health/live', 200, answers[6]?.requestId],
    ]);
    for (const line of lines) {
      expect(line.msg).toBe(`${String(line.method)} ${String(line.route)} ${String(line.status)}`);
      expect(line.durationMs).toEqual(expect.any(Number));
      expect(line.requestBytes).toEqual(expect.any(Number));
      expect(line.responseBytes).toEqual(expect.any(Number));
      expect(Object.keys(line).sort()).toEqual(
        ['durationMs', 'level', 'method', 'msg', 'requestBytes', 'requestId', 'responseBytes', 'route', 'service', 'status', 'time'].sort(),
      );
    }
    expect(lines[4]?.requestBytes).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('never writes a token, a router secret, a body or a query string', async () => {
    const query = encodeURIComponent('query ($id: ID!) { assignment(id: $id) { id } }');
    const variables = encodeURIComponent(JSON.stringify({ id: '57074903', vin: VIN }));
    const answer = await send(`/graphql?query=${query}&variables=${variables}`, {
      headers: { 'apollo-require-preflight': 'true', 'x-router-secret': ROUTER_SECRET, authorization: `Bearer ${stack.token}` },
    });
    await send(`/graphql`, {
      method: 'POST',
      headers: json({ authorization: `Bearer ${stack.token}` }),
      body: JSON.stringify({ query: '{ assignment(id: "57074903") { primaryCollateral { vehicle { vin } } } }' }),
    });
    await send(`/unknown/${VIN}?plate=DQK4516`);

    expect(answer.status).toBe(200);
    const written = JSON.stringify(log.lines());
    for (const secret of [stack.token, stack.token.split('.')[2] ?? '', ROUTER_SECRET, VIN, 'DQK4516', 'variables', 'query=']) {
      expect(written).not.toContain(secret);
    }
    expect(log.lines().map((line) => line.route).filter(Boolean)).toEqual(['/graphql', '/graphql', '/unknown/[redacted-vin]']);
  });
});
