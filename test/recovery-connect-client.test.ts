/**
 * The RecoveryConnect client over real sockets against the simulator: login, token reuse and
 * refresh, and how each kind of provider answer surfaces.
 */
import { createHttpClient, DEFAULT_HTTP_LIMITS, type HttpClient } from '../src/providers/http';
import { createRecoveryConnectClient, type RecoveryConnectClient } from '../src/providers/recovery-connect/client';
import { recoveryConnectFixture } from '../tools/simulators/fixtures';
import { startRecoveryConnectSimulator, type RunningSimulator } from '../tools/simulators/recovery-connect';
import { failureOf } from './support/failure';
import { routesOf, simControl, type SimControl } from './support/sim-control';

let simulator: RunningSimulator;
let sim: SimControl;
let http: HttpClient;

beforeAll(async () => {
  simulator = await startRecoveryConnectSimulator({ tokenTtlSeconds: 600 });
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
  http = createHttpClient({ ...DEFAULT_HTTP_LIMITS, provider: 'RECOVERY_CONNECT', baseUrl: simulator.url, coalesceReads: false });
});
afterEach(async () => {
  await http.close();
});

function client(options: { now?: () => number; password?: string } = {}): RecoveryConnectClient {
  const credentials = { ...recoveryConnectFixture.credentials, ...(options.password && { password: options.password }) };
  return createRecoveryConnectClient(http, credentials, { now: options.now });
}

describe('RecoveryConnect client', () => {
  it('logs in once for 100 concurrent calls on a cold cache', async () => {
    const rc = client();

    const answers = await Promise.all(Array.from({ length: 100 }, () => rc.collaterals('57074903')));

    expect(answers.every(([first]) => first !== undefined && 'id' in first && first.id === '58854526')).toBe(true);
    const routes = routesOf(await sim.requests());
    expect(routes.filter((route) => route === 'POST /api/v140/auth')).toHaveLength(1);
    expect(routes.filter((route) => route.startsWith('GET '))).toHaveLength(100);
  });

  it('logs in once more when 50 calls find the token revoked at once', async () => {
    const rc = client();
    await rc.assignmentsByIds(['57074903']);
    await sim.revokeTokens();
    await sim.clearRequests();

    await Promise.all(Array.from({ length: 50 }, () => rc.collaterals('57074905')));

    const routes = routesOf(await sim.requests());
    expect(routes.filter((route) => route === 'POST /api/v140/auth')).toHaveLength(1);
  });

  it('renews a token shortly before it expires instead of waiting for a 401', async () => {
    let clock = Date.now();
    const rc = client({ now: () => clock });
    await rc.assignmentsByIds(['57074903']);
    clock += 595_000; // 5 s before the 600 s token expires: inside the refresh margin
    await rc.assignmentsByIds(['57074905']);

    const statuses = routesOf(await sim.requests());
    expect(statuses).toEqual([
      'POST /api/v140/auth',
      'GET /api/v150/assignments',
      'POST /api/v140/auth',
      'GET /api/v150/assignments',
    ]);
  });

  it('fails with a plain credentials message, without retrying, when the password is wrong', async () => {
    const failure = await failureOf(client({ password: 'wrong' }).assignmentsByIds(['57074903']));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 401 });
    expect(failure.message).toBe('RecoveryConnect refused our credentials (HTTP 401); check the configured credentials.');
    expect(failure.retryable).toBe(false);
    expect(routesOf(await sim.requests())).toEqual(['POST /api/v140/auth']);
  });

  it('does not loop when a fresh token is refused too', async () => {
    await sim.fault({ method: 'GET', status: 401, times: 0, body: { message: 'Unauthenticated.' } });

    const failure = await failureOf(client().assignmentsByIds(['57074903']));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 401 });
    expect(routesOf(await sim.requests())).toEqual([
      'POST /api/v140/auth',
      'GET /api/v150/assignments',
      'POST /api/v140/auth',
      'GET /api/v150/assignments',
    ]);
  });

  it('treats a 200 without the data envelope as an invalid body', async () => {
    await sim.fault({ method: 'GET', status: 200, body: { unexpected: true } });

    const failure = await failureOf(client().assignmentsByIds(['57074903']));

    expect(failure.detail).toEqual({ kind: 'invalid_body', reason: 'answer without a data envelope' });
    expect(failure.retryable).toBe(true);
  });

  it('skips list items without a usable id instead of failing the list', async () => {
    await sim.fault({
      method: 'GET',
      path: '/api/v150/assignments',
      status: 200,
      body: { data: [{ id: null }, 'junk', { id: 57074903, primary_collateral: 'broken' }] },
    });

    const assignments = await client().assignmentsByIds(['57074903']);

    expect(assignments.map((assignment) => [assignment.id, assignment.primaryCollateral])).toEqual([['57074903', null]]);
  });

  it('refuses more than 250 ids in one call', async () => {
    const ids = Array.from({ length: 251 }, (_, index) => String(index + 1));

    await expect(client().assignmentsByIds(ids)).rejects.toThrow(RangeError);
    expect(await sim.requests()).toEqual([]);
  });
});
