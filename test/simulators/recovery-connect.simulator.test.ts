import type {
  RawAssignment,
  RawAssignmentPage,
  RawAuthResponse,
  RawCollateralListItem,
  RawDataEnvelope,
  RawErrorBody,
} from '../../src/providers/recovery-connect/raw';
import { recoveryConnectFixture } from '../../tools/simulators/fixtures';
import {
  startRecoveryConnectSimulator,
  type RecoveryConnectSimulatorOptions,
  type RunningSimulator,
} from '../../tools/simulators/recovery-connect';
import type { LoggedRequest } from '../../tools/simulators/common/request-log';
import { startSimulators } from '../../tools/simulators/start';
import { fakeClock } from '../support/clock';

const SEED_ID = 57074903; // the seed's example assignment
const FORD_ID = 57074905; // a variant with an account number and real balances
const NO_COLLATERAL_ID = 57074907; // primary_collateral: null
const { username, password } = recoveryConnectFixture.credentials;

/** Test-side parse: the simulator's answers are checked against the wire types by the assertions. */
async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

let sim: RunningSimulator;
const running: RunningSimulator[] = [];

async function start(options: RecoveryConnectSimulatorOptions = {}): Promise<RunningSimulator> {
  const started = await startRecoveryConnectSimulator(options);
  running.push(started);
  return started;
}

beforeEach(async () => {
  sim = await start();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

function post(path: string, body: unknown, target = sim): Promise<Response> {
  return fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function login(target = sim): Promise<string> {
  const res = await post('/api/v140/auth', { username, password }, target);
  expect(res.status).toBe(200);
  return (await json<RawAuthResponse>(res)).access_token;
}

async function authed(path: string, init: RequestInit = {}, target = sim): Promise<Response> {
  const token = await login(target);
  return fetch(`${target.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
}

function put(id: number | string, body: unknown, target = sim): Promise<Response> {
  return authed(`/api/v130/assignments/${String(id)}`, { method: 'PUT', body: JSON.stringify(body) }, target);
}

async function getAssignment(id: number, target = sim): Promise<RawAssignment | undefined> {
  const res = await authed(`/api/v150/assignments?ids=${String(id)}`, {}, target);
  return (await json<RawAssignmentPage>(res)).data[0];
}

async function listIds(query: string): Promise<number[]> {
  const res = await authed(`/api/v150/assignments${query}`);
  expect(res.status).toBe(200);
  return (await json<RawAssignmentPage>(res)).data.map((assignment) => assignment.id);
}

async function requestLog(target = sim): Promise<LoggedRequest[]> {
  const res = await fetch(`${target.url}/__sim/requests`);
  return (await json<{ requests: LoggedRequest[] }>(res)).requests;
}

function addFault(body: unknown, target = sim): Promise<Response> {
  return post('/__sim/faults', body, target);
}

describe('auth (POST /api/v140/auth)', () => {
  it('issues opaque Bearer tokens with expires_in for the fixture credentials', async () => {
    const res = await post('/api/v140/auth', { username, password });
    expect(res.status).toBe(200);
    const body = await json<RawAuthResponse>(res);
    expect(body).toEqual({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: expect.stringMatching(/^[0-9a-f]{64}$/),
      refresh_token: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(body.access_token).not.toBe(body.refresh_token);
    expect(await login()).not.toBe(body.access_token);
  });

  it('answers expires_in from tokenTtlSeconds and accepts custom credentials', async () => {
    const custom = await start({ tokenTtlSeconds: 60, credentials: { username: 'u', password: 'p' } });
    const res = await post('/api/v140/auth', { username: 'u', password: 'p' }, custom);
    expect((await json<RawAuthResponse>(res)).expires_in).toBe(60);
    expect((await post('/api/v140/auth', { username, password }, custom)).status).toBe(401);
  });

  it('rejects wrong credentials with 401 Invalid credentials', async () => {
    const res = await post('/api/v140/auth', { username, password: 'wrong' });
    expect(res.status).toBe(401);
    expect(await json<RawErrorBody>(res)).toEqual({ message: 'Invalid credentials.' });
  });

  it('answers 422 Laravel-style for missing or non-string fields', async () => {
    const missing = await post('/api/v140/auth', { password });
    expect(missing.status).toBe(422);
    expect(await json<RawErrorBody>(missing)).toEqual({
      message: 'The given data was invalid.',
      errors: { username: ['The username field is required.'] },
    });
    const wrongTypes = await json<RawErrorBody>(await post('/api/v140/auth', { username: 42, password: null }));
    expect(wrongTypes.errors).toEqual({
      username: ['The username must be a string.'],
      password: ['The password field is required.'],
    });
  });
});

describe('bearer authentication', () => {
  it('refuses provider routes without, with malformed or with unknown tokens', async () => {
    const headers: Record<string, string>[] = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer nope' }];
    for (const header of headers) {
      const res = await fetch(`${sim.url}/api/v150/assignments`, { headers: header });
      expect(res.status).toBe(401);
      expect(await json<RawErrorBody>(res)).toEqual({ message: 'Unauthenticated.' });
    }
  });

  it('expires tokens after the TTL on the simulator clock', async () => {
    const clock = fakeClock('2026-06-01T12:00:00Z');
    const timed = await start({ now: clock.now, tokenTtlSeconds: 60 });
    const token = await login(timed);
    const list = (): Promise<Response> =>
      fetch(`${timed.url}/api/v150/assignments`, { headers: { authorization: `Bearer ${token}` } });
    clock.set('2026-06-01T12:00:59Z');
    expect((await list()).status).toBe(200);
    clock.set('2026-06-01T12:01:00Z');
    expect((await list()).status).toBe(401);
  });

  it('DELETE /__sim/tokens revokes every token, and a new login works again', async () => {
    const token = await login();
    const list = (value: string): Promise<Response> =>
      fetch(`${sim.url}/api/v150/assignments`, { headers: { authorization: `Bearer ${value}` } });
    expect((await list(token)).status).toBe(200);
    expect((await fetch(`${sim.url}/__sim/tokens`, { method: 'DELETE' })).status).toBe(204);
    expect((await list(token)).status).toBe(401);
    expect((await list(await login())).status).toBe(200);
  });
});

describe('GET /api/v150/assignments', () => {
  it('lists every fixture assignment by id ascending with Laravel pagination', async () => {
    const res = await authed('/api/v150/assignments');
    expect(res.status).toBe(200);
    const page = await json<RawAssignmentPage>(res);
    expect(page.data).toEqual(recoveryConnectFixture.assignments);
    expect(page.data.map((a) => a.id)).toEqual([SEED_ID, FORD_ID, NO_COLLATERAL_ID]);
    const path = `${sim.url}/api/v150/assignments`;
    expect(page.links).toEqual({ first: `${path}?page=1`, last: `${path}?page=1`, prev: null, next: null });
    expect(page.meta).toEqual({ current_page: 1, from: 1, last_page: 1, path, per_page: 250, to: 3, total: 3 });
  });

  it('sorts by id even when given assignments out of order', async () => {
    const [a, b, c] = recoveryConnectFixture.assignments;
    if (a === undefined || b === undefined || c === undefined) throw new Error('fixture changed');
    const shuffled = await start({ assignments: [structuredClone(c), structuredClone(a), structuredClone(b)] });
    const res = await authed('/api/v150/assignments', {}, shuffled);
    expect((await json<RawAssignmentPage>(res)).data.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
  });

  it('filters by ids, acct_no, client_id and owner_id', async () => {
    expect(await listIds(`?ids=${String(NO_COLLATERAL_ID)},${String(SEED_ID)},1`)).toEqual([SEED_ID, NO_COLLATERAL_ID]);
    expect(await listIds('?acct_no=ACC-99120')).toEqual([FORD_ID]);
    expect(await listIds('?acct_no=nope')).toEqual([]);
    expect(await listIds('?client_id=10004&owner_id=10001')).toEqual([SEED_ID, FORD_ID, NO_COLLATERAL_ID]);
    expect(await listIds('?client_id=1')).toEqual([]);
  });

  it('compares numeric filters as numbers even when the data holds numeric strings', async () => {
    const [seed] = recoveryConnectFixture.assignments;
    if (seed === undefined) throw new Error('fixture changed');
    const stringy = await start({ assignments: [{ ...structuredClone(seed), client_id: '10004', owner_id: '0010001' }] });
    const res = await authed('/api/v150/assignments?client_id=10004&owner_id=10001', {}, stringy);
    expect((await json<RawAssignmentPage>(res)).data).toHaveLength(1);
  });

  it('filters by status only once a PUT has set the top-level status', async () => {
    expect(await listIds('?status=3')).toEqual([]);
    expect((await put(FORD_ID, { status: 3 })).status).toBe(200);
    expect(await listIds('?status=3')).toEqual([FORD_ID]);
    expect(await listIds('?status=03')).toEqual([FORD_ID]);
  });

  it('answers 422 with errors.<param> for invalid ids, filters and paging', async () => {
    const cases: [string, string][] = [
      ['?ids=1,abc', 'ids'],
      ['?ids=1,,2', 'ids'],
      ['?ids=', 'ids'],
      ['?ids=1&ids=2', 'ids'],
      ['?status=open', 'status'],
      ['?client_id=-1', 'client_id'],
      ['?per_page=0', 'per_page'],
      ['?per_page=251', 'per_page'],
      ['?per_page=abc', 'per_page'],
      ['?page=0', 'page'],
      ['?page=1.5', 'page'],
    ];
    for (const [query, field] of cases) {
      const res = await authed(`/api/v150/assignments${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 422 });
      const body = await json<RawErrorBody>(res);
      expect(body.message).toBe('The given data was invalid.');
      expect(Object.keys(body.errors ?? {})).toEqual([field]);
    }
  });

  it('pages with absolute links that keep the filters, null prev/next at the ends', async () => {
    const path = `${sim.url}/api/v150/assignments`;
    const res = await authed('/api/v150/assignments?client_id=10004&per_page=1&page=2');
    const page = await json<RawAssignmentPage>(res);
    expect(page.data.map((a) => a.id)).toEqual([FORD_ID]);
    expect(page.links).toEqual({
      first: `${path}?client_id=10004&per_page=1&page=1`,
      last: `${path}?client_id=10004&per_page=1&page=3`,
      prev: `${path}?client_id=10004&per_page=1&page=1`,
      next: `${path}?client_id=10004&per_page=1&page=3`,
    });
    expect(page.meta).toEqual({ current_page: 2, from: 2, last_page: 3, path, per_page: 1, to: 2, total: 3 });

    const last = await json<RawAssignmentPage>(await authed('/api/v150/assignments?per_page=2&page=2'));
    expect(last.links.next).toBeNull();
    expect(last.meta).toMatchObject({ from: 3, to: 3, last_page: 2 });
  });

  it('answers 200 with empty data past the last page and for no matches', async () => {
    const beyond = await authed('/api/v150/assignments?page=9');
    expect(beyond.status).toBe(200);
    const page = await json<RawAssignmentPage>(beyond);
    expect(page.data).toEqual([]);
    expect(page.meta).toMatchObject({ current_page: 9, from: null, to: null, last_page: 1, total: 3 });
    expect(page.links.next).toBeNull();

    const none = await json<RawAssignmentPage>(await authed('/api/v150/assignments?ids=1'));
    expect(none.meta).toMatchObject({ from: null, to: null, last_page: 1, total: 0 });
  });
});

describe('PUT /api/v130/assignments/:id', () => {
  it("answers the seed's example: whole assignment, status success, note stays null", async () => {
    const clock = fakeClock('2026-06-01T12:34:56.789Z');
    const timed = await start({ now: clock.now });
    const before = await getAssignment(SEED_ID, timed);
    const res = await put(SEED_ID, { order_type: 5, status_note: 'test note', collector_id: 83268 }, timed);
    expect(res.status).toBe(200);
    const body = await json<RawDataEnvelope<RawAssignment>>(res);
    expect(body.status).toBe('success');
    expect(body.data).toEqual({ ...before, updated_at: '2026-06-01 12:34:56' });
    expect(body.data.note).toBeNull();
    expect(body.data).not.toHaveProperty('status');
  });

  it('changes only the fields present and persists them', async () => {
    const before = await getAssignment(FORD_ID);
    const res = await put(FORD_ID, { collector_id: 4242 });
    const data = (await json<RawDataEnvelope<RawAssignment>>(res)).data;
    expect(data).toEqual({ ...before, collector_id: 4242, updated_at: data.updated_at });
    expect(await getAssignment(FORD_ID)).toEqual(data);
  });

  it('sets top-level status and status_date (microsecond UTC format) when status is sent', async () => {
    const clock = fakeClock('2026-06-01T08:09:10.123Z');
    const timed = await start({ now: clock.now });
    const data = (await json<RawDataEnvelope<RawAssignment>>(await put(SEED_ID, { status: 2, order_type: 0 }, timed))).data;
    expect(data).toMatchObject({
      status: 2,
      order_type: 0,
      status_date: '2026-06-01T08:09:10.123000Z',
      updated_at: '2026-06-01 08:09:10',
    });
  });

  it('ignores fields other than the four documented ones', async () => {
    const before = await getAssignment(SEED_ID);
    const data = (await json<RawDataEnvelope<RawAssignment>>(await put(SEED_ID, { note: 'x', client_id: 1, id: 2 }))).data;
    expect(data).toEqual({ ...before, updated_at: data.updated_at });
  });

  it('answers 422 for wrong types or ranges and changes nothing', async () => {
    const before = await getAssignment(SEED_ID);
    const bad: [Record<string, unknown>, string[]][] = [
      [{ order_type: '5' }, ['order_type']],
      [{ order_type: -1 }, ['order_type']],
      [{ status: 1.5 }, ['status']],
      [{ collector_id: 0 }, ['collector_id']],
      [{ status_note: 7 }, ['status_note']],
      [{ status_note: 'x'.repeat(1001) }, ['status_note']],
      [{ order_type: 1, status: 2, collector_id: 'abc' }, ['collector_id']],
      [{ order_type: true, status_note: [] }, ['order_type', 'status_note']],
    ];
    for (const [body, fields] of bad) {
      const res = await put(SEED_ID, body);
      expect({ body, status: res.status }).toEqual({ body, status: 422 });
      const error = await json<RawErrorBody>(res);
      expect(error.message).toBe('The given data was invalid.');
      expect(Object.keys(error.errors ?? {}).sort()).toEqual(fields);
    }
    expect(await getAssignment(SEED_ID)).toEqual(before);
  });

  it('answers 422 for a present null: the provider cannot clear these fields', async () => {
    for (const field of ['order_type', 'status', 'status_note', 'collector_id']) {
      const res = await put(SEED_ID, { [field]: null });
      expect(res.status).toBe(422);
      expect(Object.keys((await json<RawErrorBody>(res)).errors ?? {})).toEqual([field]);
    }
  });

  it('accepts a status_note of exactly 1000 characters', async () => {
    expect((await put(SEED_ID, { status_note: 'é'.repeat(1000) })).status).toBe(200);
  });

  it('answers 422 for a body that is not a JSON object, 400 for malformed JSON', async () => {
    expect((await put(SEED_ID, [1, 2])).status).toBe(422);
    const token = await login();
    const res = await fetch(`${sim.url}/api/v130/assignments/${String(SEED_ID)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"status": ',
    });
    expect(res.status).toBe(400);
    expect(await json<RawErrorBody>(res)).toEqual({ message: expect.any(String) });
  });

  it('answers 413 {message} for a body over 1 MB', async () => {
    const res = await put(SEED_ID, { status_note: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await json<RawErrorBody>(res)).toEqual({ message: expect.any(String) });
  });

  it('answers 404 for unknown or non-numeric ids', async () => {
    for (const id of ['1', 'abc', '5707490x']) {
      const res = await put(id, { status: 1 });
      expect(res.status).toBe(404);
      expect(await json<RawErrorBody>(res)).toEqual({ message: 'Assignment not found.' });
    }
  });

  it('keeps status_note out of every answer', async () => {
    const secret = 'status-note-marker-123';
    const res = await put(SEED_ID, { status: 4, status_note: secret });
    expect(await res.text()).not.toContain(secret);
    const list = await authed('/api/v150/assignments');
    expect(await list.text()).not.toContain(secret);
    const collaterals = await authed(`/api/v130/assignments/${String(SEED_ID)}/collaterals`);
    expect(await collaterals.text()).not.toContain(secret);
  });

  it('never mutates the imported fixture nor the caller-supplied assignments', async () => {
    const fixtureBefore = structuredClone(recoveryConnectFixture.assignments);
    const own = structuredClone(recoveryConnectFixture.assignments.slice());
    const ownBefore = structuredClone(own);
    const custom = await start({ assignments: own });
    expect((await put(SEED_ID, { status: 9, collector_id: 1 })).status).toBe(200);
    expect((await put(SEED_ID, { status: 8 }, custom)).status).toBe(200);
    expect(recoveryConnectFixture.assignments).toEqual(fixtureBefore);
    expect(own).toEqual(ownBefore);
    // A fresh simulator starts from the pristine fixture again.
    const fresh = await start();
    expect(await getAssignment(SEED_ID, fresh)).toEqual(fixtureBefore[0]);
  });
});

describe('GET /api/v130/assignments/:id/collaterals', () => {
  it('derives the flat collateral list from primary_collateral', async () => {
    const res = await authed(`/api/v130/assignments/${String(SEED_ID)}/collaterals`);
    expect(res.status).toBe(200);
    const expected: RawCollateralListItem = {
      id: 58854526,
      object_id: 5441126,
      is_primary: 1,
      vin: 'WP0AA29898U760244',
      year: '2010',
      make: 'Nissan',
      model: 'Xterra',
      license_no: 'DQK4516',
      license_state: 'OH',
      original_loan_amount: '0',
      payment_amount: '0',
      past_due_amount: '0',
      unpaid_balance: '0',
      status: 0,
      status_date: '2026-03-10T11:48:00.000000Z',
      contract_date: 'No Data',
      deliquent_since: 'No Data',
      chargeoff_date: 'No Data',
      is_damaged: 0,
      display_string: '2010 Nissan Xterra WP0AA29898U760244',
    };
    expect(await json<{ data: RawCollateralListItem[] }>(res)).toEqual({ data: [expected] });
  });

  it('answers an empty list when primary_collateral is null', async () => {
    const res = await authed(`/api/v130/assignments/${String(NO_COLLATERAL_ID)}/collaterals`);
    expect(await json<{ data: RawCollateralListItem[] }>(res)).toEqual({ data: [] });
  });

  it('answers 404 for an unknown assignment', async () => {
    const res = await authed('/api/v130/assignments/1/collaterals');
    expect(res.status).toBe(404);
    expect(await json<RawErrorBody>(res)).toEqual({ message: 'Assignment not found.' });
  });
});

describe('routing', () => {
  it('answers 404 Not found for unknown paths, before auth', async () => {
    for (const path of ['/api/v150/orders', '/nope', '/api/v130/assignments', '/api/v150/assignments/', '/API/v150/assignments']) {
      const res = await fetch(`${sim.url}${path}`);
      expect(res.status).toBe(404);
      expect(await json<RawErrorBody>(res)).toEqual({ message: 'Not found.' });
    }
  });

  it('answers 405 with Allow for a wrong method on a known path', async () => {
    const cases: [string, string, string][] = [
      ['GET', '/api/v140/auth', 'POST'],
      ['POST', '/api/v150/assignments', 'GET, HEAD'],
      ['GET', `/api/v130/assignments/${String(SEED_ID)}`, 'PUT'],
      ['DELETE', `/api/v130/assignments/${String(SEED_ID)}/collaterals`, 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await fetch(`${sim.url}${path}`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(typeof (await json<RawErrorBody>(res)).message).toBe('string');
    }
  });
});

describe('request log (/__sim/requests)', () => {
  it('records provider requests in order with path, query, time and PUT bodies', async () => {
    await put(SEED_ID, { status: 1 });
    await authed('/api/v150/assignments?ids=1,2&page=1');
    const log = await requestLog();
    expect(log.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /api/v140/auth',
      `PUT /api/v130/assignments/${String(SEED_ID)}`,
      'POST /api/v140/auth',
      'GET /api/v150/assignments',
    ]);
    expect(log[1]?.body).toEqual({ status: 1 });
    expect(log[3]).toEqual({
      method: 'GET',
      path: '/api/v150/assignments',
      query: { ids: '1,2', page: '1' },
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(log[3]).not.toHaveProperty('body');
  });

  it('never stores the auth body (password) nor the Authorization header', async () => {
    const token = await login();
    await fetch(`${sim.url}/api/v150/assignments`, { headers: { authorization: `Bearer ${token}` } });
    const log = await requestLog();
    expect(log[0]).not.toHaveProperty('body');
    const raw = JSON.stringify(log);
    expect(raw).not.toContain(password);
    expect(raw).not.toContain(token);
    expect(raw.toLowerCase()).not.toContain('authorization');
  });

  it('serves login only on the exact auth path, so no variant path logs a password', async () => {
    for (const path of ['/api/v140/auth/', '/API/v140/auth']) {
      expect((await post(path, { username, password })).status).toBe(404);
    }
    expect(JSON.stringify(await requestLog())).not.toContain(password);
  });

  it('does not record control routes, and DELETE clears it', async () => {
    await fetch(`${sim.url}/api/v150/assignments`);
    await addFault({ status: 503, path: '/x' });
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
    expect((await requestLog()).map((entry) => entry.path)).toEqual(['/api/v150/assignments']);
    expect((await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(await requestLog()).toEqual([]);
  });

  it('logs a path exactly as sent, even one starting with //', async () => {
    await fetch(`${sim.url}//api/v150/assignments?x=1`);
    expect((await requestLog()).map(({ path, query }) => ({ path, query }))).toEqual([
      { path: '//api/v150/assignments', query: { x: '1' } },
    ]);
  });

  it('records requests that fail JSON parsing', async () => {
    await fetch(`${sim.url}/api/v140/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect((await requestLog()).map((entry) => entry.path)).toEqual(['/api/v140/auth']);
  });
});

describe('faults (/__sim/faults)', () => {
  it('answers the next matching request with the fault, before auth, then behaves normally', async () => {
    const created = await addFault({ method: 'get', path: '/api/v150/assignments', status: 503 });
    expect(created.status).toBe(201);
    expect(await json<{ id: string }>(created)).toEqual({ id: expect.any(String) });

    const faulted = await fetch(`${sim.url}/api/v150/assignments`);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBeNull();
    expect(await json<RawErrorBody>(faulted)).toEqual({ message: 'Simulated fault.' });
    expect((await fetch(`${sim.url}/api/v150/assignments`)).status).toBe(401);
    expect((await requestLog()).map((entry) => entry.path)).toEqual(['/api/v150/assignments', '/api/v150/assignments']);
  });

  it('sends Retry-After and a custom body, for `times` requests', async () => {
    await addFault({ path: '/api/v150/assignments', status: 429, times: 2, retryAfterSeconds: 7, body: { error: 'slow down' } });
    for (let i = 0; i < 2; i += 1) {
      const res = await fetch(`${sim.url}/api/v150/assignments`);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await json<unknown>(res)).toEqual({ error: 'slow down' });
    }
    expect((await fetch(`${sim.url}/api/v150/assignments`)).status).toBe(401);
  });

  it('matches path prefixes ending in * and leaves other methods and paths alone', async () => {
    await addFault({ method: 'PUT', path: '/api/v130/assignments/*', status: 500, times: 0 });
    expect((await put(SEED_ID, { status: 1 })).status).toBe(500);
    expect((await put(FORD_ID, { status: 1 })).status).toBe(500);
    expect((await authed(`/api/v130/assignments/${String(SEED_ID)}/collaterals`)).status).toBe(200);
    expect((await fetch(`${sim.url}/api/v130/assignment`, { method: 'PUT' })).status).toBe(404);
  });

  it('with times 0 keeps faulting until DELETE /__sim/faults', async () => {
    await addFault({ status: 502, times: 0 });
    for (let i = 0; i < 3; i += 1) expect((await post('/api/v140/auth', { username, password })).status).toBe(502);
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await post('/api/v140/auth', { username, password })).status).toBe(200);
  });

  it('refuses nonsense fault definitions with 400', async () => {
    const nonsense: unknown[] = [
      {},
      [],
      { status: 'boom' },
      { status: 99 },
      { status: 600 },
      { status: 503, times: -1 },
      { status: 503, times: 1.5 },
      { status: 503, path: 'api/no-slash' },
      { status: 503, method: 'G E T' },
      { status: 503, retryAfterSeconds: -5 },
      { status: 503, time: 2 },
    ];
    for (const body of nonsense) {
      const res = await addFault(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(typeof (await json<RawErrorBody>(res)).message).toBe('string');
    }
    const malformed = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(malformed.status).toBe(400);
  });
});

describe('lifecycle', () => {
  it('close() really closes, even with keep-alive connections open', async () => {
    const own = await startRecoveryConnectSimulator();
    expect((await fetch(`${own.url}/api/v150/assignments`)).status).toBe(401);
    await own.close();
    await own.close(); // idempotent
    await expect(fetch(`${own.url}/api/v150/assignments`)).rejects.toThrow();
  });

  it('runs independent simulators side by side', async () => {
    const other = await start();
    expect(other.port).not.toBe(sim.port);
    expect((await put(SEED_ID, { status: 6 }, other)).status).toBe(200);
    expect((await getAssignment(SEED_ID))?.status).toBeUndefined();
    expect((await requestLog()).map((entry) => entry.method)).toEqual(['POST', 'GET']);
  });

  it('startSimulators starts RecoveryConnect on loopback and closes everything', async () => {
    const simulators = await startSimulators();
    try {
      expect(simulators.recoveryConnect.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await post('/api/v140/auth', { username, password }, simulators.recoveryConnect)).status).toBe(200);
    } finally {
      await simulators.close();
    }
    await expect(fetch(`${simulators.recoveryConnect.url}/api/v150/assignments`)).rejects.toThrow();
  });

  it('refuses invalid port and TTL options', async () => {
    await expect(startRecoveryConnectSimulator({ port: -1 })).rejects.toThrow(RangeError);
    await expect(startRecoveryConnectSimulator({ tokenTtlSeconds: 0 })).rejects.toThrow(RangeError);
  });
});
