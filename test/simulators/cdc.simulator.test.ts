import {
  CDC_RETURN_CODES as CODES,
  MAX_OBSERVATION_LENGTH,
  type RawAssignmentDetail,
  type RawAuthData,
  type RawCdcAssignment,
  type RawEnvelope,
  type RawLaunchData,
  type RawStatusChange,
} from '../../src/providers/cdc/raw';
import { startCdcSimulator, type CdcSimulatorOptions, type RunningSimulator, type StatusWrite } from '../../tools/simulators/cdc';
import type { LoggedRequest } from '../../tools/simulators/common/request-log';
import { cdcFixture, type CdcFixtureAssignment } from '../../tools/simulators/fixtures';
import { startSimulators } from '../../tools/simulators/start';
import { fakeClock } from '../support/clock';

const { client_key: CLIENT_KEY, client_secret: CLIENT_SECRET } = cdcFixture.credentials;
const TYPING = '5b0e8c1a-2f4d-4a51-9c1e-000000000001'; // status 1
const ANALYSIS = '5b0e8c1a-2f4d-4a51-9c1e-000000000002'; // status 2
const SIGNATURE = '5b0e8c1a-2f4d-4a51-9c1e-000000000005'; // status 5
const UNKNOWN = '5b0e8c1a-2f4d-4a51-9c1e-0000000000ff';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sim: RunningSimulator;
const running: RunningSimulator[] = [];
const tokens = new Map<RunningSimulator, string>();

async function start(options: CdcSimulatorOptions = {}): Promise<RunningSimulator> {
  const started = await startCdcSimulator(options);
  running.push(started);
  return started;
}

beforeEach(async () => {
  sim = await start();
});

afterEach(async () => {
  tokens.clear();
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

interface CallOptions {
  body?: unknown;
  /** Sent as is, instead of `body` as JSON. */
  rawBody?: string;
  token?: string;
  target?: RunningSimulator;
}

function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${(options.target ?? sim).url}${path}`, { method, headers, body });
}

/**
 * Reads an answer as CDC's envelope and checks what every answer must hold: the HTTP status is
 * the number before the dash, `return` says success, `request_code` is a UUID.
 */
async function envelopeOf<Data = unknown>(res: Response, returnCode: string): Promise<RawEnvelope<Data>> {
  const body = (await res.json()) as RawEnvelope<Data>;
  expect({ status: res.status, return_code: body.return_code }).toEqual({
    status: Number(returnCode.split('-')[0]),
    return_code: returnCode,
  });
  expect(body.return).toBe(returnCode === CODES.success);
  expect(body.request_code).toMatch(UUID);
  expect(typeof body.message).toBe('string');
  if (!body.return) expect(body).not.toHaveProperty('data');
  return body;
}

function auth(body: unknown, target = sim): Promise<Response> {
  return call('POST', '/auth/token', { body, target });
}

async function login(target = sim): Promise<string> {
  const cached = tokens.get(target);
  if (cached !== undefined) return cached;
  const body = await envelopeOf<RawAuthData>(await auth({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET }, target), CODES.success);
  const token = body.data?.access_token;
  if (token === undefined) throw new Error('no token');
  tokens.set(target, token);
  return token;
}

async function api(method: string, path: string, options: Omit<CallOptions, 'token'> = {}): Promise<Response> {
  return call(method, path, { ...options, token: await login(options.target) });
}

function changeStatus(code: string, body: unknown, target = sim): Promise<Response> {
  return api('POST', `/assignment/status/?code=${code}`, { body, target });
}

async function history(code: string, target = sim): Promise<RawStatusChange[]> {
  const body = await envelopeOf<RawStatusChange[]>(await api('GET', `/assignment/status/?code=${code}`, { target }), CODES.success);
  return body.data ?? [];
}

async function detail(code: string, target = sim): Promise<RawAssignmentDetail | undefined> {
  const body = await envelopeOf<RawAssignmentDetail>(await api('GET', `/assignment/?code=${code}`, { target }), CODES.success);
  return body.data;
}

async function list(target = sim): Promise<RawCdcAssignment[]> {
  return (await envelopeOf<RawCdcAssignment[]>(await api('GET', '/assignment/list', { target }), CODES.success)).data ?? [];
}

async function writes(target = sim): Promise<StatusWrite[]> {
  const res = await fetch(`${target.url}/__sim/writes`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { writes: StatusWrite[] }).writes;
}

async function requestLog(target = sim): Promise<LoggedRequest[]> {
  const res = await fetch(`${target.url}/__sim/requests`);
  return ((await res.json()) as { requests: LoggedRequest[] }).requests;
}

function setStatusAsProvider(body: unknown, target = sim): Promise<Response> {
  return call('POST', '/__sim/assignment-status', { body, target });
}

/** The fixture's wire shape: what list and get answer for it. */
function wireShape(item: CdcFixtureAssignment): RawCdcAssignment {
  const { operations: _operations, status_history: _history, ...assignment } = item;
  return assignment;
}

function fixtureAssignment(code: string): CdcFixtureAssignment {
  const found = cdcFixture.assignments.find((item) => item.code === code);
  if (found === undefined) throw new Error(`fixture changed: no ${code}`);
  return found;
}

/** One assignment per status 1–9, codes `…00000000000<status>`, for the rule tables. */
const statusCode = (status: number): string => `00000000-0000-4000-8000-00000000000${String(status)}`;
function assignmentsInEveryStatus(): CdcFixtureAssignment[] {
  const base = fixtureAssignment(TYPING);
  return [1, 2, 3, 4, 5, 6, 7, 8, 9].map((status) => ({
    ...structuredClone(base),
    code: statusCode(status),
    number_assignment: 2000 + status,
    number_status: status,
    status_history: [{ number_status: status, observation: '', created_at: '2026-10-01 09:00:00' }],
  }));
}

describe('auth (POST /auth/token)', () => {
  it('issues a Bearer token in the envelope for the fixture credentials', async () => {
    const body = await envelopeOf<RawAuthData>(await auth({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET }), CODES.success);
    expect(body).toEqual({
      request_code: expect.stringMatching(UUID),
      return: true,
      return_code: '200-01',
      message: 'Success.',
      data: { access_token: expect.stringMatching(/^[0-9a-f]{64}$/), token_type: 'Bearer', expires_in: 3600 },
    });
    const again = await envelopeOf<RawAuthData>(await auth({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET }), CODES.success);
    expect(again.data?.access_token).not.toBe(body.data?.access_token);
    expect(again.request_code).not.toBe(body.request_code);
  });

  it('answers expires_in from tokenTtlSeconds and accepts custom credentials', async () => {
    const custom = await start({ tokenTtlSeconds: 60, credentials: { client_key: 'k', client_secret: 's' } });
    const body = await envelopeOf<RawAuthData>(await auth({ client_key: 'k', client_secret: 's' }, custom), CODES.success);
    expect(body.data?.expires_in).toBe(60);
    await envelopeOf(await auth({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET }, custom), CODES.unknownClientKey);
  });

  it('answers 401-03 for an unknown client_key, whatever the secret', async () => {
    for (const secret of [CLIENT_SECRET, 'wrong']) {
      await envelopeOf(await auth({ client_key: 'nobody', client_secret: secret }), '401-03');
    }
  });

  it('answers 401-04 for a known client_key with the wrong secret', async () => {
    for (const secret of ['wrong', `${CLIENT_SECRET} `, CLIENT_SECRET.toUpperCase()]) {
      await envelopeOf(await auth({ client_key: CLIENT_KEY, client_secret: secret }), '401-04');
    }
  });

  it('answers 406-03 when a field is absent, null or blank, or the body is not an object', async () => {
    const bodies: unknown[] = [
      { client_secret: CLIENT_SECRET },
      { client_key: CLIENT_KEY },
      { client_key: null, client_secret: CLIENT_SECRET },
      { client_key: CLIENT_KEY, client_secret: '' },
      { client_key: '  ', client_secret: CLIENT_SECRET },
      {},
      [],
    ];
    for (const body of bodies) await envelopeOf(await auth(body), '406-03');
    await envelopeOf(await call('POST', '/auth/token'), '406-03');
    // A bare JSON scalar is not a body the JSON parser takes: malformed, 400-37.
    await envelopeOf(await auth('text'), '400-37');
  });

  it('answers 400-37 for non-string fields; a missing field wins over a wrong type', async () => {
    const bodies: unknown[] = [
      { client_key: 42, client_secret: CLIENT_SECRET },
      { client_key: CLIENT_KEY, client_secret: ['x'] },
      { client_key: { k: 1 }, client_secret: true },
    ];
    for (const body of bodies) await envelopeOf(await auth(body), '400-37');
    await envelopeOf(await auth({ client_key: 42 }), '406-03');
  });

  it('answers 400-37 for a malformed JSON body', async () => {
    await envelopeOf(await call('POST', '/auth/token', { rawBody: '{"client_key": ' }), '400-37');
  });
});

describe('bearer authentication', () => {
  const protectedRoutes: [string, string][] = [
    ['GET', '/assignment/list'],
    ['GET', `/assignment/?code=${TYPING}`],
    ['DELETE', `/assignment/?code=${TYPING}`],
    ['GET', `/assignment/status/?code=${TYPING}`],
    ['POST', `/assignment/status/?code=${TYPING}`],
    ['POST', '/assignment/launch'],
  ];

  it('answers 401-05 on every API route without a token, with another scheme or an unknown token', async () => {
    for (const [method, path] of protectedRoutes) {
      for (const authorization of [undefined, 'Basic abc', 'Bearer nope', 'Bearer']) {
        const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
        const res = await fetch(`${sim.url}${path}`, { method, headers });
        await envelopeOf(res, '401-05');
      }
    }
    expect(await history(TYPING)).toHaveLength(1); // the unauthenticated POST changed nothing
    expect(await list()).toHaveLength(cdcFixture.assignments.length); // nor the DELETE
  });

  it('expires tokens after the TTL on the simulator clock', async () => {
    const clock = fakeClock('2026-10-10T12:00:00Z');
    const timed = await start({ now: clock.now, tokenTtlSeconds: 60 });
    const token = await login(timed);
    clock.set('2026-10-10T12:00:59Z');
    await envelopeOf(await call('GET', '/assignment/list', { token, target: timed }), '200-01');
    clock.set('2026-10-10T12:01:00Z');
    await envelopeOf(await call('GET', '/assignment/list', { token, target: timed }), '401-05');
  });

  it('DELETE /__sim/tokens revokes every token, and a new login works again', async () => {
    const token = await login();
    await envelopeOf(await call('GET', '/assignment/list', { token }), '200-01');
    expect((await fetch(`${sim.url}/__sim/tokens`, { method: 'DELETE' })).status).toBe(204);
    await envelopeOf(await call('GET', '/assignment/list', { token }), '401-05');
    tokens.clear();
    await envelopeOf(await api('GET', '/assignment/list'), '200-01');
  });
});

describe('GET /assignment/list', () => {
  it('lists every assignment in the wire shape, without operations or history', async () => {
    const body = await envelopeOf<RawCdcAssignment[]>(await api('GET', '/assignment/list'), CODES.success);
    expect(body.message).toBe('Success.');
    expect(body.data).toEqual(cdcFixture.assignments.map(wireShape));
    for (const item of body.data ?? []) {
      expect(item).not.toHaveProperty('operations');
      expect(item).not.toHaveProperty('status_history');
    }
  });

  it('answers an empty list when there are no assignments', async () => {
    const empty = await start({ assignments: [] });
    expect(await list(empty)).toEqual([]);
  });
});

describe('GET /assignment/?code=', () => {
  it('answers the assignment and its operations', async () => {
    const item = fixtureAssignment(TYPING);
    expect(await detail(TYPING)).toEqual({ assignment: wireShape(item), operations: item.operations });
  });

  it('answers 400-09 with the seed message for an unknown code', async () => {
    const body = await envelopeOf(await api('GET', `/assignment/?code=${UNKNOWN}`), '400-09');
    expect(body.message).toBe('There are no results for the query.');
  });

  it('answers 406-03 without a code (absent or empty) and 400-37 for a repeated code', async () => {
    await envelopeOf(await api('GET', '/assignment/'), '406-03');
    await envelopeOf(await api('GET', '/assignment/?code='), '406-03');
    await envelopeOf(await api('GET', `/assignment/?code=${TYPING}&code=${ANALYSIS}`), '400-37');
  });
});

describe('GET /assignment/status/?code=', () => {
  it('answers the status history, oldest first', async () => {
    expect(await history(SIGNATURE)).toEqual(fixtureAssignment(SIGNATURE).status_history);
    expect((await history(SIGNATURE)).map((change) => change.number_status)).toEqual([1, 2, 3, 5]);
  });

  it('answers 400-09 for an unknown code and 406-03 without one', async () => {
    await envelopeOf(await api('GET', `/assignment/status/?code=${UNKNOWN}`), '400-09');
    await envelopeOf(await api('GET', '/assignment/status/'), '406-03');
  });
});

describe('POST /assignment/status/?code= (the partner changes a status)', () => {
  it('applies a permitted change: 200-01 without data, history and write log updated', async () => {
    const clock = fakeClock('2026-10-11T15:04:05.678Z');
    const timed = await start({ now: clock.now });
    const body = await envelopeOf(await changeStatus(TYPING, { number_status: 2, observation: 'pronto para análise' }, timed), '200-01');
    expect(body.message).toBe('Success.');
    expect(body).not.toHaveProperty('data');

    expect((await history(TYPING, timed)).at(-1)).toEqual({
      number_status: 2,
      observation: 'pronto para análise',
      created_at: '2026-10-11 12:04:05', // Brasília, UTC−03:00
    });
    expect((await detail(TYPING, timed))?.assignment.number_status).toBe(2);
    expect((await list(timed)).find((item) => item.code === TYPING)?.number_status).toBe(2);
    expect(await writes(timed)).toEqual([{ code: TYPING, number_status: 2, time: '2026-10-11T15:04:05.678Z' }]);
  });

  it('records an empty observation when none is sent, and dates in Brasília across midnight UTC', async () => {
    const clock = fakeClock('2026-10-12T01:30:00Z');
    const timed = await start({ now: clock.now });
    await envelopeOf(await changeStatus(TYPING, { number_status: 8 }, timed), '200-01');
    expect((await history(TYPING, timed)).at(-1)).toEqual({ number_status: 8, observation: '', created_at: '2026-10-11 22:30:00' });
  });

  it('lets the partner set the status the assignment already has, appending history', async () => {
    await envelopeOf(await changeStatus(TYPING, { number_status: 1 }), '200-01');
    expect((await history(TYPING)).map((change) => change.number_status)).toEqual([1, 1]);
    expect((await writes()).map((write) => write.number_status)).toEqual([1]);
  });

  it('refuses with 400-30 any change of an assignment in status 2, 3, 6, 7 or 8', async () => {
    const every = await start({ assignments: assignmentsInEveryStatus() });
    for (const current of [2, 3, 6, 7, 8]) {
      for (const target of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
        const res = await changeStatus(statusCode(current), { number_status: target }, every);
        const body = await envelopeOf(res, '400-30');
        expect(body.message).toBe('Status unidentified or without permission to use.');
      }
      expect(await history(statusCode(current), every)).toHaveLength(1);
    }
    expect(await writes(every)).toEqual([]);
  });

  it('refuses with 400-30 the targets CDC or the system owns (3, 4, 6, 7, 9) from every changeable status', async () => {
    const every = await start({ assignments: assignmentsInEveryStatus() });
    for (const current of [1, 4, 5, 9]) {
      for (const target of [3, 4, 6, 7, 9]) {
        await envelopeOf(await changeStatus(statusCode(current), { number_status: target }, every), '400-30');
      }
      expect((await detail(statusCode(current), every))?.assignment.number_status).toBe(current);
    }
    expect(await writes(every)).toEqual([]);
  });

  it('lets the partner move into 1, 2, 5 and 8 from the statuses the seed does not lock (1, 4, 5, 9)', async () => {
    for (const current of [1, 4, 5, 9]) {
      for (const target of [1, 2, 5, 8]) {
        const every = await start({ assignments: assignmentsInEveryStatus() });
        await envelopeOf(await changeStatus(statusCode(current), { number_status: target }, every), '200-01');
        expect(await writes(every)).toEqual([{ code: statusCode(current), number_status: target, time: expect.any(String) }]);
      }
    }
  });

  it('refuses 9 (Signed contract) from the partner even from 5: only the system sets it', async () => {
    await envelopeOf(await changeStatus(SIGNATURE, { number_status: 9 }), '400-30');
    expect((await detail(SIGNATURE))?.assignment.number_status).toBe(5);
  });

  it('answers 400-30 for integers outside 1..9', async () => {
    for (const target of [0, 10, -1, 99, Number.MAX_SAFE_INTEGER]) {
      await envelopeOf(await changeStatus(TYPING, { number_status: target }), '400-30');
    }
    expect(await history(TYPING)).toHaveLength(1);
  });

  it('answers 400-37 for a number_status that is not a JSON integer', async () => {
    for (const target of ['2', 2.5, true, [2], { value: 2 }, 1e300]) {
      await envelopeOf(await changeStatus(TYPING, { number_status: target }), '400-37');
    }
    expect(await history(TYPING)).toHaveLength(1);
  });

  it('answers 400-37 for an observation that is not a string (null included)', async () => {
    for (const observation of [5, null, ['x'], { text: 'x' }, false]) {
      await envelopeOf(await changeStatus(TYPING, { number_status: 2, observation }), '400-37');
    }
    expect(await writes()).toEqual([]);
  });

  it(`accepts an observation of ${String(MAX_OBSERVATION_LENGTH)} characters counted by code point, refuses one more`, async () => {
    await envelopeOf(await changeStatus(TYPING, { number_status: 2, observation: 'x'.repeat(MAX_OBSERVATION_LENGTH + 1) }), '400-37');
    const astral = '😀'.repeat(MAX_OBSERVATION_LENGTH); // 1000 UTF-16 units, 500 characters
    await envelopeOf(await changeStatus(TYPING, { number_status: 1, observation: astral }), '200-01');
    expect((await history(TYPING)).at(-1)?.observation).toBe(astral);
    await envelopeOf(await changeStatus(TYPING, { number_status: 1, observation: `${astral}😀` }), '400-37');
  });

  it('answers 406-03 when the code or number_status is missing, null or blank, or the body is not an object', async () => {
    await envelopeOf(await api('POST', '/assignment/status/', { body: { number_status: 2 } }), '406-03');
    await envelopeOf(await api('POST', '/assignment/status/?code=', { body: { number_status: 2 } }), '406-03');
    for (const body of [{}, { number_status: null }, { number_status: '' }, { observation: 'x' }, [2]]) {
      await envelopeOf(await changeStatus(TYPING, body), '406-03');
    }
    await envelopeOf(await api('POST', `/assignment/status/?code=${TYPING}`), '406-03'); // no body at all
  });

  it('checks in order: missing (406-03), types (400-37), code (400-09), rules (400-30)', async () => {
    await envelopeOf(await api('POST', '/assignment/status/', { body: { number_status: 'x' } }), '406-03');
    await envelopeOf(await changeStatus(UNKNOWN, { observation: 7 }), '406-03');
    await envelopeOf(await changeStatus(UNKNOWN, { number_status: 'x' }), '400-37');
    await envelopeOf(await api('POST', `/assignment/status/?code=${TYPING}&code=${ANALYSIS}`, { body: { number_status: 2 } }), '400-37');
    await envelopeOf(await changeStatus(UNKNOWN, { number_status: 10 }), '400-09');
    await envelopeOf(await changeStatus(UNKNOWN, { number_status: 2 }), '400-09');
    await envelopeOf(await changeStatus(ANALYSIS, { number_status: 10 }), '400-30');
  });

  it('answers 400-37 for a malformed JSON body and changes nothing', async () => {
    await envelopeOf(await api('POST', `/assignment/status/?code=${TYPING}`, { rawBody: '{"number_status": ' }), '400-37');
    expect(await history(TYPING)).toHaveLength(1);
  });
});

describe('POST /assignment/launch', () => {
  it('creates an assignment in status 1 (Typing) with the next number and a history of [1]', async () => {
    const clock = fakeClock('2026-10-13T10:00:00Z');
    const timed = await start({ now: clock.now });
    const known = fixtureAssignment(TYPING).operations[0];
    if (known === undefined) throw new Error('fixture changed');
    const request = { document_purchaser: '98765432000111', name_purchaser: 'Outro Fundo FIDC', operations: [known.code, 'OP-NEW'] };
    const body = await envelopeOf<RawLaunchData>(await api('POST', '/assignment/launch', { body: request, target: timed }), '200-01');
    expect(body.data).toEqual({ code: expect.stringMatching(UUID), number_assignment: 1009 });
    const code = body.data?.code ?? '';

    const created: RawCdcAssignment = {
      code,
      number_assignment: 1009,
      document_purchaser: '98765432000111',
      name_purchaser: 'Outro Fundo FIDC',
      number_status: 1,
      assignment_sale_amount: null,
      assignment_discount_amount: null,
      created_at: '2026-10-13 07:00:00',
    };
    expect((await list(timed)).at(-1)).toEqual(created);
    expect(await detail(code, timed)).toEqual({
      assignment: created,
      operations: [
        known,
        { code: 'OP-NEW', number_operation: 'OP-NEW', financed_amount: null, assignment_amount: null, entry_date: '2026-10-13' },
      ],
    });
    expect(await history(code, timed)).toEqual([{ number_status: 1, observation: '', created_at: '2026-10-13 07:00:00' }]);

    const next = await envelopeOf<RawLaunchData>(await api('POST', '/assignment/launch', { body: request, target: timed }), '200-01');
    expect(next.data?.number_assignment).toBe(1010);
    expect(next.data?.code).not.toBe(code);
    // The partner can move its new assignment on.
    await envelopeOf(await changeStatus(code, { number_status: 2 }, timed), '200-01');
  });

  it('answers 406-03 for missing, null, blank fields or an empty operations list', async () => {
    const valid = { document_purchaser: '98765432000111', name_purchaser: 'Fundo', operations: ['OP-1'] };
    const bodies: unknown[] = [
      { ...valid, document_purchaser: undefined },
      { ...valid, name_purchaser: null },
      { ...valid, name_purchaser: ' ' },
      { ...valid, operations: undefined },
      { ...valid, operations: [] },
      {},
      [valid],
    ];
    for (const body of bodies) await envelopeOf(await api('POST', '/assignment/launch', { body }), '406-03');
    await envelopeOf(await api('POST', '/assignment/launch'), '406-03');
    expect(await list()).toHaveLength(cdcFixture.assignments.length);
  });

  it('answers 400-37 for wrong types, a blank operation code or the same operation twice', async () => {
    const valid = { document_purchaser: '98765432000111', name_purchaser: 'Fundo', operations: ['OP-1'] };
    const bodies: unknown[] = [
      { ...valid, document_purchaser: 98765432000111 },
      { ...valid, name_purchaser: ['Fundo'] },
      { ...valid, operations: 'OP-1' },
      { ...valid, operations: [1] },
      { ...valid, operations: ['OP-1', null] },
      { ...valid, operations: [''] },
      { ...valid, operations: ['OP-1', 'OP-1'] },
    ];
    for (const body of bodies) await envelopeOf(await api('POST', '/assignment/launch', { body }), '400-37');
    expect(await list()).toHaveLength(cdcFixture.assignments.length);
  });
});

describe('DELETE /assignment/?code=', () => {
  it('removes the assignment: 200-01 without data, then 400-09 everywhere', async () => {
    const body = await envelopeOf(await api('DELETE', `/assignment/?code=${ANALYSIS}`), '200-01');
    expect(body).not.toHaveProperty('data');
    expect((await list()).map((item) => item.code)).not.toContain(ANALYSIS);
    await envelopeOf(await api('GET', `/assignment/?code=${ANALYSIS}`), '400-09');
    await envelopeOf(await api('GET', `/assignment/status/?code=${ANALYSIS}`), '400-09');
    await envelopeOf(await changeStatus(ANALYSIS, { number_status: 8 }), '400-09');
    await envelopeOf(await api('DELETE', `/assignment/?code=${ANALYSIS}`), '400-09');
  });

  it('answers 406-03 without a code, and never reuses a deleted number_assignment', async () => {
    await envelopeOf(await api('DELETE', '/assignment/'), '406-03');
    const launch = { document_purchaser: '1', name_purchaser: 'F', operations: ['OP-1'] };
    const first = await envelopeOf<RawLaunchData>(await api('POST', '/assignment/launch', { body: launch }), '200-01');
    await envelopeOf(await api('DELETE', `/assignment/?code=${first.data?.code ?? ''}`), '200-01');
    const second = await envelopeOf<RawLaunchData>(await api('POST', '/assignment/launch', { body: launch }), '200-01');
    expect(second.data?.number_assignment).toBe(1010);
  });
});

describe('control route POST /__sim/assignment-status (CDC or the system moves it)', () => {
  it('sets any status behind the graph back, appends history, and leaves the write log alone', async () => {
    const clock = fakeClock('2026-10-14T18:00:00Z');
    const timed = await start({ now: clock.now });
    expect((await setStatusAsProvider({ code: TYPING, number_status: 3, observation: 'aprovado' }, timed)).status).toBe(204);
    expect((await history(TYPING, timed)).at(-1)).toEqual({ number_status: 3, observation: 'aprovado', created_at: '2026-10-14 15:00:00' });
    expect((await detail(TYPING, timed))?.assignment.number_status).toBe(3);
    expect(await writes(timed)).toEqual([]);
    // Now locked for the partner.
    await envelopeOf(await changeStatus(TYPING, { number_status: 5 }, timed), '400-30');
  });

  it('sets 9 only from 5 (409 otherwise), as the seed says the system does', async () => {
    expect((await setStatusAsProvider({ code: SIGNATURE, number_status: 9 })).status).toBe(204);
    expect((await detail(SIGNATURE))?.assignment.number_status).toBe(9);
    const refused = await setStatusAsProvider({ code: TYPING, number_status: 9 });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ message: expect.any(String) });
    expect((await detail(TYPING))?.assignment.number_status).toBe(1);
  });

  it('answers 404 for an unknown code and 400 for nonsense', async () => {
    const unknown = await setStatusAsProvider({ code: UNKNOWN, number_status: 3 });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: expect.any(String) });
    const nonsense: unknown[] = [
      [],
      {},
      { code: TYPING },
      { code: TYPING, number_status: 0 },
      { code: TYPING, number_status: '3' },
      { code: 1, number_status: 3 },
      { code: TYPING, number_status: 3, observation: 1 },
    ];
    for (const body of nonsense) {
      const res = await setStatusAsProvider(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect((await call('POST', '/__sim/assignment-status', { rawBody: '{' })).status).toBe(400);
    expect(await history(TYPING)).toHaveLength(1);
  });

  it('DELETE /__sim/writes clears the write log', async () => {
    await envelopeOf(await changeStatus(TYPING, { number_status: 2 }), '200-01');
    expect(await writes()).toHaveLength(1);
    expect((await fetch(`${sim.url}/__sim/writes`, { method: 'DELETE' })).status).toBe(204);
    expect(await writes()).toEqual([]);
  });
});

describe('routing', () => {
  it('answers a 404-01 envelope for unknown and near-miss paths, before auth', async () => {
    const paths = ['/nope', '/assignment', '/assignment/status', '/assignment/list/', '/Assignment/list', '/auth/token/', '/assignment/sign'];
    for (const path of paths) {
      const body = await envelopeOf(await call('GET', path), '404-01');
      expect(body.return).toBe(false);
    }
    await envelopeOf(await call('POST', '/assignment/status', { body: { number_status: 2 } }), '404-01');
  });

  it('answers a 405-01 envelope with Allow for a wrong method on a known path, before auth', async () => {
    const cases: [string, string, string][] = [
      ['GET', '/auth/token', 'POST'],
      ['POST', '/assignment/list', 'GET, HEAD'],
      ['GET', '/assignment/launch', 'POST'],
      ['PUT', `/assignment/?code=${TYPING}`, 'GET, DELETE, HEAD'],
      ['POST', `/assignment/?code=${TYPING}`, 'GET, DELETE, HEAD'],
      ['DELETE', `/assignment/status/?code=${TYPING}`, 'GET, POST, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await call(method, path);
      expect(res.headers.get('allow')).toBe(allow);
      await envelopeOf(res, '405-01');
    }
  });
});

describe('faults (/__sim/faults)', () => {
  it('answers a matching request with an envelope of the fault status, before auth, then behaves normally', async () => {
    const created = await call('POST', '/__sim/faults', { body: { method: 'GET', path: '/assignment/list', status: 503 } });
    expect(created.status).toBe(201);
    await envelopeOf(await call('GET', '/assignment/list'), '503-01');
    await envelopeOf(await call('GET', '/assignment/list'), '401-05');
    expect((await requestLog()).map((entry) => entry.path)).toEqual(['/assignment/list', '/assignment/list']);
  });

  it('sends 429-01 with Retry-After for `times` requests, and a custom body untouched', async () => {
    await call('POST', '/__sim/faults', { body: { path: '/assignment/*', status: 429, times: 2, retryAfterSeconds: 7 } });
    for (let i = 0; i < 2; i += 1) {
      const res = await api('POST', `/assignment/status/?code=${TYPING}`, { body: { number_status: 2 } });
      expect(res.headers.get('retry-after')).toBe('7');
      expect((await envelopeOf(res, '429-01')).message).toBe('Too many requests.');
    }
    const custom = { request_code: 'x', return: false, return_code: '401-06', message: 'The requested module is not enabled.' };
    await call('POST', '/__sim/faults', { body: { path: '/auth/token', status: 401, body: custom } });
    const faulted = await auth({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET });
    expect(faulted.status).toBe(401);
    expect(await faulted.json()).toEqual(custom);
    expect(await history(TYPING)).toHaveLength(1); // the faulted writes never reached the store
  });

  it('with times 0 keeps faulting until DELETE /__sim/faults', async () => {
    await call('POST', '/__sim/faults', { body: { status: 502, times: 0 } });
    for (let i = 0; i < 3; i += 1) expect((await auth({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET })).status).toBe(502);
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(204);
    await envelopeOf(await auth({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET }), '200-01');
  });
});

describe('request log (/__sim/requests)', () => {
  it('records API requests in order with query and bodies, but never the auth body, secret or token', async () => {
    await changeStatus(TYPING, { number_status: 2, observation: 'ok' });
    const log = await requestLog();
    expect(log.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /auth/token', 'POST /assignment/status/']);
    expect(log[0]).not.toHaveProperty('body');
    expect(log[1]).toEqual({
      method: 'POST',
      path: '/assignment/status/',
      query: { code: TYPING },
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      body: { number_status: 2, observation: 'ok' },
    });
    const raw = JSON.stringify(log);
    expect(raw).not.toContain(CLIENT_SECRET);
    expect(raw).not.toContain(await login());
    expect(raw.toLowerCase()).not.toContain('authorization');
  });

  it('never logs a secret posted to a near-miss auth path or refused by auth', async () => {
    await auth({ client_key: CLIENT_KEY, client_secret: 'wrong-secret-marker' });
    for (const path of ['/auth/token/', '/AUTH/token']) {
      await envelopeOf(await call('POST', path, { body: { client_key: CLIENT_KEY, client_secret: CLIENT_SECRET } }), '404-01');
    }
    const raw = JSON.stringify(await requestLog());
    expect(raw).not.toContain(CLIENT_SECRET);
    expect(raw).not.toContain('wrong-secret-marker');
  });

  it('does not record control routes, and DELETE clears it', async () => {
    await call('GET', '/assignment/list');
    await fetch(`${sim.url}/__sim/writes`);
    await setStatusAsProvider({ code: TYPING, number_status: 3 });
    expect((await requestLog()).map((entry) => entry.path)).toEqual(['/assignment/list']);
    expect((await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(await requestLog()).toEqual([]);
  });
});

describe('isolation and lifecycle', () => {
  it('never mutates the imported fixture nor the caller-supplied assignments', async () => {
    const fixtureBefore = structuredClone(cdcFixture);
    const own = structuredClone(cdcFixture.assignments.slice());
    const ownBefore = structuredClone(own);
    const custom = await start({ assignments: own });
    for (const target of [sim, custom]) {
      await envelopeOf(await changeStatus(TYPING, { number_status: 2, observation: 'x' }, target), '200-01');
      await setStatusAsProvider({ code: SIGNATURE, number_status: 9 }, target);
      await envelopeOf(await api('DELETE', `/assignment/?code=${ANALYSIS}`, { target }), '200-01');
      const launch = { document_purchaser: '1', name_purchaser: 'F', operations: [own[0]?.operations[0]?.code ?? 'OP'] };
      const launched = await envelopeOf<RawLaunchData>(await api('POST', '/assignment/launch', { body: launch, target }), '200-01');
      // Changing what the simulator handed out does not change the simulator either.
      const handedOut = await detail(launched.data?.code ?? '', target);
      if (handedOut?.operations[0] !== undefined) handedOut.operations[0].financed_amount = -1;
    }
    expect(cdcFixture).toEqual(fixtureBefore);
    expect(own).toEqual(ownBefore);
    const fresh = await start();
    expect(await list(fresh)).toEqual(fixtureBefore.assignments.map(wireShape));
    expect(await history(TYPING, fresh)).toEqual(fixtureBefore.assignments[0]?.status_history);
  });

  it('runs independent simulators side by side', async () => {
    const other = await start();
    expect(other.port).not.toBe(sim.port);
    await envelopeOf(await changeStatus(TYPING, { number_status: 2 }, other), '200-01');
    expect((await detail(TYPING))?.assignment.number_status).toBe(1);
    expect(await writes()).toEqual([]);
  });

  it('close() really closes, even with keep-alive connections open', async () => {
    const own = await startCdcSimulator();
    await envelopeOf(await call('GET', '/assignment/list', { target: own }), '401-05');
    await own.close();
    await own.close(); // idempotent
    await expect(fetch(`${own.url}/assignment/list`)).rejects.toThrow();
  });

  it('startSimulators starts the CDC simulator on loopback', async () => {
    const simulators = await startSimulators();
    try {
      expect(simulators.cdc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await envelopeOf(await auth({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET }, simulators.cdc), '200-01');
    } finally {
      await simulators.close();
    }
  });

  it('refuses invalid options and a seed the provider could not produce', async () => {
    await expect(startCdcSimulator({ port: -1 })).rejects.toThrow(RangeError);
    await expect(startCdcSimulator({ tokenTtlSeconds: 0 })).rejects.toThrow(RangeError);
    const [first] = cdcFixture.assignments;
    if (first === undefined) throw new Error('fixture changed');
    await expect(startCdcSimulator({ assignments: [structuredClone(first), structuredClone(first)] })).rejects.toThrow(/Duplicate/);
    await expect(startCdcSimulator({ assignments: [{ ...structuredClone(first), number_status: 10 }] })).rejects.toThrow(/unknown status/);
  });
});
