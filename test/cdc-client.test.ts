/**
 * The Banco CDC client over real sockets against the CDC simulator: login and token reuse, the
 * envelope as the truth (not the HTTP status), every documented return code, unreadable answers.
 */
import { createCdcClient, type CdcClient } from '../src/providers/cdc/client';
import { createHttpClient, DEFAULT_HTTP_LIMITS, type HttpClient } from '../src/providers/http';
import { cdcFixture } from '../tools/simulators/fixtures';
import { startCdcSimulator, type RunningSimulator } from '../tools/simulators/cdc';
import { failureOf } from './support/failure';
import { routesOf, simControl, type SimControl } from './support/sim-control';

const TYPING = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';
const ANALYSIS = '5b0e8c1a-2f4d-4a51-9c1e-000000000002';
const UNKNOWN = '5b0e8c1a-2f4d-4a51-9c1e-0000000000ff';
const AUTH = 'POST /auth/token';

let simulator: RunningSimulator;
let sim: SimControl;
let http: HttpClient;

beforeAll(async () => {
  simulator = await startCdcSimulator({ tokenTtlSeconds: 600 });
  sim = simControl(simulator.url);
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(async () => {
  await sim.clearRequests();
  await sim.clearFaults();
  // Coalescing off: the login tests count the calls of many identical reads sent at once, which
  // coalesced would be one call (coalescing has its own tests: test/http-coalescing.test.ts).
  http = createHttpClient({ ...DEFAULT_HTTP_LIMITS, provider: 'CDC', baseUrl: simulator.url, coalesceReads: false });
});
afterEach(async () => {
  await http.close();
});

function client(options: { now?: () => number; clientKey?: string; clientSecret?: string } = {}): CdcClient {
  return createCdcClient(
    http,
    {
      clientKey: options.clientKey ?? cdcFixture.credentials.client_key,
      clientSecret: options.clientSecret ?? cdcFixture.credentials.client_secret,
    },
    { now: options.now },
  );
}

/** A CDC envelope as the provider writes it. */
function envelope(returnCode: string, extra: Record<string, unknown> = {}) {
  return {
    request_code: '63d9cd45-c578-49a7-932f-6f7ef436738b',
    return: returnCode.startsWith('2'),
    return_code: returnCode,
    message: `message of ${returnCode}`,
    ...extra,
  };
}

const changeToAnalysis = (cdc: CdcClient) => cdc.setStatus({ code: TYPING, status: 'ANALYSIS' });

describe('CDC client: reading', () => {
  it('lists every fixture assignment, without operations', async () => {
    const list = await client().listAssignments();

    expect(list.assignments.map((assignment) => ('number' in assignment ? [assignment.number, assignment.status, assignment.operations] : assignment))).toEqual([
      [1001, 'TYPING', null],
      [1002, 'ANALYSIS', null],
      [1005, 'SIGNATURE', null],
      [1007, 'FINISHED', null],
      [1008, 'CANCELLED', null],
    ]);
    expect(routesOf(await sim.requests())).toEqual([AUTH, 'GET /assignment/list']);
  });

  it('reads one assignment with its operations, by the code as a query parameter', async () => {
    const read = await client().assignment(TYPING);

    expect(read).toMatchObject({
      kind: 'found',
      assignment: {
        code: TYPING,
        createdAt: '2026-10-01T12:00:00.000Z',
        operations: [
          { number: 'OP-1001-1', financedAmount: '9000', assignmentAmount: '7380' },
          { number: 'OP-1001-2', financedAmount: '9805.5', assignmentAmount: '8040.51' },
        ],
      },
    });
    const requests = await sim.requests();
    expect(requests[1]).toMatchObject({ method: 'GET', path: '/assignment/', query: { code: TYPING } });
  });

  it('answers not_found for an unknown code (400-09), and for an impossible one without a call', async () => {
    const cdc = client();

    expect(await cdc.assignment(UNKNOWN)).toEqual({ kind: 'not_found' });
    expect(await cdc.assignment('../list')).toEqual({ kind: 'not_found' });
    expect(routesOf(await sim.requests())).toEqual([AUTH, 'GET /assignment/']);
  });

  it('reads the status history oldest first; an unknown code has none', async () => {
    const cdc = client();

    expect((await cdc.statusHistory(ANALYSIS)).changes).toEqual([
      { status: 'TYPING', observation: null, changedAt: '2026-10-02T13:30:00.000Z' },
      { status: 'ANALYSIS', observation: null, changedAt: '2026-10-02T13:30:00.000Z' },
    ]);
    expect(await cdc.statusHistory(UNKNOWN)).toEqual({ changes: [] });
  });

  it('keeps a listed assignment with an unknown status number in its place, naming it and why', async () => {
    const [first] = cdcFixture.assignments;
    const { operations: _operations, status_history: _history, ...listed } = first!;
    await sim.fault({
      method: 'GET',
      path: '/assignment/list',
      status: 200,
      body: envelope('200-01', { data: [listed, { ...listed, code: UNKNOWN, number_status: 12 }, 'junk'] }),
    });

    const list = await client().listAssignments();

    expect(list.assignments).toEqual([
      expect.objectContaining({ code: TYPING }),
      { kind: 'unreadable', provider: 'CDC', record: `assignment ${UNKNOWN}`, reason: 'unknown status number 12' },
      { kind: 'unreadable', provider: 'CDC', record: 'item 3 of the assignment list', reason: 'not an object' },
    ]);
  });

  it('reads an answer of no results (400-09) on the list as an empty list', async () => {
    await sim.fault({ method: 'GET', path: '/assignment/list', status: 400, body: envelope('400-09') });

    expect(await client().listAssignments()).toEqual({ assignments: [] });
  });
});

describe('CDC client: changing a status', () => {
  it('posts {number_status, observation} for the code in the query, once', async () => {
    await client().setStatus({ code: TYPING, status: 'ANALYSIS', observation: 'pacote completo' });

    const posts = (await sim.requests()).filter((request) => request.method === 'POST' && request.path === '/assignment/status/');
    expect(posts).toEqual([
      expect.objectContaining({ query: { code: TYPING }, body: { number_status: 2, observation: 'pacote completo' } }),
    ]);
    const writes = (await (await fetch(`${simulator.url}/__sim/writes`)).json()) as { writes: unknown[] };
    expect(writes.writes).toEqual([expect.objectContaining({ code: TYPING, number_status: 2 })]);
    // Put it back for the other tests.
    await fetch(`${simulator.url}/__sim/assignment-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: TYPING, number_status: 1 }),
    });
  });

  it("leaves the observation out when there is none (the provider refuses null)", async () => {
    await sim.fault({ method: 'POST', path: '/assignment/status/', status: 200, body: envelope('200-01') });

    await changeToAnalysis(client());

    const post = (await sim.requests()).find((request) => request.method === 'POST' && request.path === '/assignment/status/');
    expect(post?.body).toStrictEqual({ number_status: 2 });
  });

  it("surfaces the provider's own 400-30 with its return code", async () => {
    const failure = await failureOf(client().setStatus({ code: ANALYSIS, status: 'SIGNATURE' }));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 400, providerCode: '400-30' });
    expect(failure.retryable).toBe(false);
  });

  it('does not send a change again after a 503: its outcome is the caller to find out', async () => {
    await sim.fault({ method: 'POST', path: '/assignment/status/', status: 503 });

    const failure = await failureOf(changeToAnalysis(client()));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 503, providerCode: '503-01' });
    expect(routesOf(await sim.requests())).toEqual([AUTH, 'POST /assignment/status/']);
  });
});

describe('CDC client: the envelope is the truth', () => {
  it('treats a 200 with return:false as the failure its return_code says', async () => {
    await sim.fault({ method: 'POST', path: '/assignment/status/', status: 200, body: envelope('400-30') });

    const failure = await failureOf(changeToAnalysis(client()));

    expect(failure.detail).toEqual({
      kind: 'http_status',
      status: 400,
      providerCode: '400-30',
      retryAfterSeconds: null,
      body: envelope('400-30'),
      // The envelope's request_code: what Banco CDC's support looks a call up by.
      providerReference: envelope('400-30').request_code,
    });
  });

  it.each([
    ['400-01', 400, false],
    ['400-09', 400, false],
    ['400-30', 400, false],
    ['400-37', 400, false],
    ['401-06', 401, false],
    ['406-03', 406, false],
    ['429-01', 429, true],
    ['503-01', 503, true],
    ['503-04', 503, true],
  ])('maps return code %s to HTTP %i (retryable: %s)', async (returnCode, status, retryable) => {
    await sim.fault({ method: 'POST', path: '/assignment/status/', status, body: envelope(returnCode) });

    const failure = await failureOf(changeToAnalysis(client()));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status, providerCode: returnCode });
    expect(failure.retryable).toBe(retryable);
  });

  it('carries Retry-After of a 429-01', async () => {
    await sim.fault({ method: 'GET', status: 429, retryAfterSeconds: 17 });

    const failure = await failureOf(client().listAssignments());

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 429, providerCode: '429-01', retryAfterSeconds: 17 });
  });

  it('keeps the HTTP status of an error answer without an envelope', async () => {
    await sim.fault({ method: 'GET', status: 502, body: { message: 'Bad gateway' } });

    const failure = await failureOf(client().listAssignments());

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 502, providerCode: '502' });
    expect(failure.retryable).toBe(true);
  });

  it.each([
    ['a 200 without an envelope', { data: [] }, 'answer without the CDC envelope'],
    ['a 200 whose body is a JSON string', 'ok', 'answer without the CDC envelope'],
    ['an envelope whose return and return_code disagree', { ...envelope('400-30'), return: true }, 'answer whose return and return_code disagree'],
    ['an envelope with return:false and a success code', { ...envelope('200-01'), return: false }, 'answer whose return and return_code disagree'],
    ['an envelope with an unreadable return_code', { ...envelope('200-01'), return_code: 'OK' }, 'answer with an unreadable return_code'],
    ['a list that is not a list', envelope('200-01', { data: { items: [] } }), 'assignment list is not a list'],
  ])('treats %s as an invalid body', async (_name, body, reason) => {
    await sim.fault({ method: 'GET', path: '/assignment/list', status: 200, body });

    const failure = await failureOf(client().listAssignments());

    expect(failure.detail).toEqual({ kind: 'invalid_body', reason });
    expect(failure.retryable).toBe(true);
  });

  it('treats an assignment answer without its operations as an invalid body', async () => {
    await sim.fault({ method: 'GET', path: '/assignment/', status: 200, body: envelope('200-01', { data: { assignment: {} } }) });

    const failure = await failureOf(client().assignment(TYPING));

    expect(failure.detail).toEqual({ kind: 'invalid_body', reason: 'assignment answer without assignment and operations' });
  });
});

describe('CDC client: login', () => {
  it('logs in once for 50 concurrent calls on a cold cache', async () => {
    const cdc = client();

    const reads = await Promise.all(Array.from({ length: 50 }, () => cdc.assignment(TYPING)));

    expect(reads.every((read) => read.kind === 'found')).toBe(true);
    const routes = routesOf(await sim.requests());
    expect(routes.filter((route) => route === AUTH)).toHaveLength(1);
    expect(routes.filter((route) => route === 'GET /assignment/')).toHaveLength(50);
  });

  it('logs in once more when 30 calls find the token revoked (401-05) at once', async () => {
    const cdc = client();
    await cdc.listAssignments();
    await sim.revokeTokens();
    await sim.clearRequests();

    await Promise.all(Array.from({ length: 30 }, () => cdc.statusHistory(TYPING)));

    const routes = routesOf(await sim.requests());
    expect(routes.filter((route) => route === AUTH)).toHaveLength(1);
    expect(routes.filter((route) => route === 'GET /assignment/status/')).toHaveLength(60);
  });

  it('renews a token shortly before it expires instead of waiting for a 401-05', async () => {
    let clock = Date.now();
    const cdc = client({ now: () => clock });
    await cdc.listAssignments();
    clock += 595_000; // 5 s before the 600 s token expires: inside the refresh margin
    await cdc.listAssignments();

    expect(routesOf(await sim.requests())).toEqual([AUTH, 'GET /assignment/list', AUTH, 'GET /assignment/list']);
  });

  it.each([
    ['an unknown client key', { clientKey: 'wrong' }, '401-03'],
    ['a wrong client secret', { clientSecret: 'wrong' }, '401-04'],
  ])('fails plainly, without retrying, on %s', async (_name, credentials, returnCode) => {
    const failure = await failureOf(client(credentials).listAssignments());

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 401, providerCode: returnCode });
    expect(failure.message).toBe('Banco CDC refused our credentials (HTTP 401); check the configured credentials.');
    expect(failure.retryable).toBe(false);
    expect(routesOf(await sim.requests())).toEqual([AUTH]);
  });

  it('does not loop when a fresh token is refused too', async () => {
    await sim.fault({ method: 'GET', status: 401, times: 0, body: envelope('401-05') });

    const failure = await failureOf(client().listAssignments());

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 401, providerCode: '401-05' });
    expect(routesOf(await sim.requests())).toEqual([AUTH, 'GET /assignment/list', AUTH, 'GET /assignment/list']);
  });

  it('does not log in again for other 401 codes (401-06: module not enabled)', async () => {
    await sim.fault({ method: 'GET', status: 401, body: envelope('401-06') });

    const failure = await failureOf(client().listAssignments());

    expect(failure.detail).toMatchObject({ providerCode: '401-06' });
    expect(routesOf(await sim.requests())).toEqual([AUTH, 'GET /assignment/list']);
  });

  it('treats a login answer without a token as an invalid body', async () => {
    await sim.fault({ method: 'POST', path: '/auth/token', status: 200, body: envelope('200-01', { data: { token_type: 'Bearer' } }) });

    const failure = await failureOf(client().listAssignments());

    expect(failure.detail).toEqual({ kind: 'invalid_body', reason: 'login answer without access_token' });
  });
});
