/**
 * One request id end to end: taken from `x-request-id` when safe, else made; echoed in the
 * response header; on every log line written while serving the request (provider failures,
 * retries, the breaker, auth refusals); the masked error's correlationId; sent to providers.
 */
import { GraphQLError } from 'graphql';
import { maskErrors } from '../../src/graphql/plugins/mask-errors';
import { runInRequestContext } from '../../src/infra/request-context';
import { captureLog } from '../support/log-capture';
import { startStack, testToken, type TestStack } from '../support/stack';

const QUERY = '{ assignment(id: "57074903") { id } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** POSTs `query` with these headers; the answer's status, `x-request-id` header and body. */
async function post(stack: TestStack, headers: Record<string, string>, query = QUERY) {
  const res = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.token}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as Record<string, unknown> };
}

describe('the request id', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it("is the caller's x-request-id when safe, echoed in the answer's header", async () => {
    expect((await post(stack, { 'x-request-id': 'req-sub-1' })).requestId).toBe('req-sub-1');
  });

  it('is made when the header is missing, too long or has other characters, never taken as sent', async () => {
    const cases: Record<string, string>[] = [{}, { 'x-request-id': 'x'.repeat(65) }, { 'x-request-id': 'id with spaces' }, { 'x-request-id': '{"forged":1}' }];
    for (const headers of cases) {
      const { requestId } = await post(stack, headers);
      expect(requestId).toMatch(UUID);
    }
  });

  it('is sent to the providers with every call made for the request', async () => {
    await stack.sim.clearRequests();
    await post(stack, { 'x-request-id': 'req-sub-2' }, '{ assignment(id: "57074903") { id collaterals { id } } }');
    const calls = await stack.sim.requests();
    expect(calls.map((call) => call.path)).toEqual(expect.arrayContaining(['/api/v150/assignments', '/api/v130/assignments/57074903/collaterals']));
    expect(calls.map((call) => call.requestId)).toEqual(calls.map(() => 'req-sub-2'));
  });
});

describe('every log line written while serving a request', () => {
  it('carries its id: retries, the breaker opening, the provider failure, the operation and the access line', async () => {
    const log = captureLog();
    const stack = await startStack({
      logger: log.logger,
      resilience: { retries: 1, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } },
    });
    try {
      await stack.sim.fault({ method: 'GET', path: '/api/v150/assignments', status: 503, times: 0 });
      log.clear();
      const answer = await post(stack, { 'x-request-id': 'req-sub-1' });
      expect(answer.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'PROVIDER_ERROR' }) })]);
      const lines = log.lines();
      expect(lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^RecoveryConnect: an attempt failed \(HTTP 503\); trying again in \d+ ms\.$/),
          'RecoveryConnect keeps failing: its circuit breaker opened.',
          'RecoveryConnect answered with an error (HTTP 503).',
          'graphql operation',
          'POST /graphql 200',
        ]),
      );
      expect(lines.map((line) => line.requestId)).toEqual(lines.map(() => 'req-sub-1'));
    } finally {
      await stack.close();
    }
  });

  it('carries its id when a bearer token or the router secret is refused', async () => {
    const log = captureLog();
    const routerSecret = 'router-secret-of-the-correlation-test-0123';
    const stack = await startStack({ logger: log.logger, auth: { routerSecret } });
    try {
      log.clear();
      const expired = await testToken({ lifetimeSeconds: -60 });
      const refused = await post(stack, { 'x-request-id': 'req-expired', authorization: `Bearer ${expired}`, 'x-router-secret': routerSecret });
      expect(refused.status).toBe(401);
      expect((await post(stack, { 'x-request-id': 'req-no-secret', 'x-router-secret': 'wrong' })).status).toBe(401);
      const refusals = log.withMessage(/refused$/).map((line) => [line.msg, line.reason, line.requestId]);
      expect(refusals).toEqual([
        ['bearer token refused', 'expired', 'req-expired'],
        ['router secret refused', 'wrong', 'req-no-secret'],
      ]);
    } finally {
      await stack.close();
    }
  });
});

describe('a masked error', () => {
  it("has the request's id as its correlationId, and so has its log line", () => {
    const log = captureLog();
    const format = maskErrors({ logger: log.logger });
    const error = new GraphQLError('boom', { originalError: new TypeError('cannot read x of undefined') });
    const formatted = runInRequestContext({ requestId: 'req-sub-1' }, () => format({ message: 'boom', path: ['assignment'] }, error));
    expect(formatted).toEqual({ message: 'Internal server error', path: ['assignment'], extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'req-sub-1' } });
    expect(log.withMessage('unexpected error')).toEqual([expect.objectContaining({ requestId: 'req-sub-1', correlationId: 'req-sub-1' })]);
  });
});
