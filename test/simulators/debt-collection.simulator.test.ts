import { randomUUID } from 'node:crypto';
import type {
  RawBlockedDebtors,
  RawBlockedDebts,
  RawCasesPage,
  RawDebtorCases,
  RawError,
  RawUpdateAnswer,
  RawUpdateRequest,
} from '../../src/providers/debt-collection/raw';
import type { LoggedRequest } from '../../tools/simulators/common/request-log';
import {
  API_PREFIX,
  startDebtCollectionSimulator,
  type DebtCollectionSimulatorOptions,
  type RunningSimulator,
} from '../../tools/simulators/debt-collection';
import { debtCollectionFixture } from '../../tools/simulators/fixtures';
import { startSimulators } from '../../tools/simulators/start';
import { fakeClock } from '../support/clock';

const KEY = debtCollectionFixture.apiKey;
// The fixture's debtors (fixtures/debt-collection.json).
const D1 = '2334545'; // open EUR case, two unblocked debts
const D2 = '2334546'; // blocked debtor, open case with two collectionCaseIds, one blocked debt
const D3 = '2334547'; // closed case
const D4 = '2334548'; // open JPY case
const ALL_DEBTORS = [D1, D2, D3, D4].join(',');
const CASE1 = 'agency-id-123';
const CASE2 = 'agency-id-124';
const CASE3 = 'agency-id-125';
const CASE4 = 'agency-id-126';
const CC1 = '123e4567-e89b-42d3-a456-556642440000';
const CC2A = '123e4567-e89b-42d3-a456-556642440001';
const CC2B = '123e4567-e89b-42d3-a456-556642440002';
const CC3 = '123e4567-e89b-42d3-a456-556642440003';
const CC4 = '123e4567-e89b-42d3-a456-556642440004';
const DEBT1 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001'; // 100 EUR
const DEBT2 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002'; // 5.5 EUR
const DEBT3 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0003'; // 249.9 EUR, paid 50, blocked
const DEBT4 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0004'; // 60 EUR, closed case
const DEBT5 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0005'; // 1200 JPY

const HEX = /^[0-9a-f]+$/;

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

let sim: RunningSimulator;
const running: RunningSimulator[] = [];

async function start(options: DebtCollectionSimulatorOptions = {}): Promise<RunningSimulator> {
  const started = await startDebtCollectionSimulator(options);
  running.push(started);
  return started;
}

beforeEach(async () => {
  sim = await start();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

/** A provider call below `/v1`, with the fixture's API key unless `key` says otherwise (null: none). */
function api(path: string, init: RequestInit = {}, target = sim, key: string | null = KEY): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['x-api-key'] = key;
  return fetch(`${target.url}${API_PREFIX}${path}`, { ...init, headers });
}

function update(body: unknown, target = sim): Promise<Response> {
  return api('/debt-collection/update', { method: 'POST', body: JSON.stringify(body) }, target);
}

async function cases(query: string, target = sim): Promise<RawDebtorCases[]> {
  const res = await api(`/debt-collection/cases?${query}`, {}, target);
  expect(res.status).toBe(200);
  return (await json<RawCasesPage>(res)).result;
}

async function blockedDebtors(target = sim): Promise<RawBlockedDebtors['result']> {
  return (await json<RawBlockedDebtors>(await api('/debt-collection/blocked/debtors', {}, target))).result;
}

async function blockedDebts(target = sim): Promise<RawBlockedDebts['result']> {
  return (await json<RawBlockedDebts>(await api('/debt-collection/blocked/debts', {}, target))).result;
}

/** Everything the API shows, to prove a refused request changed nothing. */
async function state(target = sim): Promise<unknown> {
  return { cases: await cases(`debtorId=${ALL_DEBTORS}`, target), debtors: await blockedDebtors(target), debts: await blockedDebts(target) };
}

async function debtorState(debtorId: string, target = sim): Promise<RawDebtorCases> {
  const [debtor] = await cases(`debtorId=${debtorId}`, target);
  if (debtor === undefined) throw new Error(`debtor ${debtorId} not answered`);
  return debtor;
}

async function writes(target = sim): Promise<{ requestId: string; time: string }[]> {
  return (await json<{ writes: { requestId: string; time: string }[] }>(await fetch(`${target.url}/__sim/writes`))).writes;
}

async function requestLog(target = sim): Promise<LoggedRequest[]> {
  return (await json<{ requests: LoggedRequest[] }>(await fetch(`${target.url}/__sim/requests`))).requests;
}

function addFault(body: unknown, target = sim): Promise<Response> {
  return fetch(`${target.url}/__sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function fixtureDebtor(debtorId: string): RawDebtorCases {
  const debtor = debtCollectionFixture.debtors.find((candidate) => candidate.debtorId === debtorId);
  if (debtor === undefined) throw new Error('fixture changed');
  return structuredClone(debtor);
}

/** A valid update of D1: pays 20.50 on the 100 EUR debt, names the 5.50 EUR fee unchanged. */
function d1Update(requestId: string = randomUUID()): RawUpdateRequest {
  return {
    requestId,
    debtors: [
      {
        debtorId: D1,
        agencyCollectionCases: [
          {
            agencyCollectionCaseId: CASE1,
            collectionCaseIds: [CC1],
            debts: [
              { debtId: DEBT1, originalAmount: 100, canceledAmount: 0, paidAmount: 20.5, currency: 'EUR' },
              { debtId: DEBT2, originalAmount: 5.5, canceledAmount: 0, paidAmount: 0, currency: 'EUR' },
            ],
          },
        ],
      },
    ],
  };
}

/** A valid update of D2 (both blocks sent, so nothing is unblocked). */
function d2Update(requestId: string = randomUUID()): RawUpdateRequest {
  return {
    requestId,
    debtors: [
      {
        debtorId: D2,
        block: { limitType: 'LIMITED', endDate: '2027-06-30' },
        agencyCollectionCases: [
          {
            agencyCollectionCaseId: CASE2,
            collectionCaseIds: [CC2A, CC2B],
            debts: [
              {
                debtId: DEBT3,
                originalAmount: 249.9,
                canceledAmount: 0,
                paidAmount: 60,
                currency: 'EUR',
                block: { limitType: 'UNLIMITED', endDate: '2099-12-31' },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** A valid update of the JPY case. */
function d4Update(paidAmount: number): RawUpdateRequest {
  return {
    requestId: randomUUID(),
    debtors: [
      {
        debtorId: D4,
        agencyCollectionCases: [
          {
            agencyCollectionCaseId: CASE4,
            collectionCaseIds: [CC4],
            debts: [{ debtId: DEBT5, originalAmount: 1200, canceledAmount: 0, paidAmount, currency: 'JPY' }],
          },
        ],
      },
    ],
  };
}

const REMOVE = Symbol('remove');

/** A copy of `body` with the field at `path` (the `reference` notation) set, or removed. */
function withField(body: RawUpdateRequest, path: string, value: unknown): unknown {
  const copy: unknown = structuredClone(body);
  const keys = path.match(/[^.[\]]+/g) ?? [];
  const last = keys.pop();
  if (last === undefined) throw new Error(`bad path ${path}`);
  let node: unknown = copy;
  for (const key of keys) node = (node as Record<string, unknown>)[key];
  const target = node as Record<string, unknown>;
  if (value === REMOVE) Reflect.deleteProperty(target, last);
  else target[last] = value;
  return copy;
}

const D1_CASE = 'debtors[0].agencyCollectionCases[0]';
const D1_DEBT0 = `${D1_CASE}.debts[0]`;
const D1_DEBT1 = `${D1_CASE}.debts[1]`;

function expectRawError(body: RawError, errorCode: string, reference?: string): void {
  expect(body.errorMessage).toEqual(expect.any(String));
  expect(body.errorMessage.length).toBeGreaterThan(0);
  expect(body.errorCode).toBe(errorCode);
  expect(body.traceId).toMatch(HEX);
  if (reference === undefined) expect(body).not.toHaveProperty('reference');
  else expect(body.reference).toBe(reference);
}

describe('API key (x-api-key)', () => {
  it('refuses every API route without the key or with a wrong one: 401 UNAUTHORIZED', async () => {
    const routes: [string, string][] = [
      ['GET', `/debt-collection/cases?debtorId=${D1}`],
      ['GET', '/debt-collection/blocked/debtors'],
      ['GET', '/debt-collection/blocked/debts'],
      ['POST', '/debt-collection/update'],
    ];
    for (const [method, path] of routes) {
      for (const key of [null, 'wrong-key', `${KEY}x`, KEY.slice(1), KEY.toUpperCase()]) {
        const body = method === 'POST' ? JSON.stringify(d1Update()) : undefined;
        const res = await api(path, { method, body }, sim, key);
        expect({ path, key, status: res.status }).toEqual({ path, key, status: 401 });
        expectRawError(await json<RawError>(res), 'UNAUTHORIZED');
      }
    }
    expect(await writes()).toEqual([]);
  });

  it('gives every error answer its own hex traceId', async () => {
    const first = await json<RawError>(await api('/debt-collection/blocked/debts', {}, sim, null));
    const second = await json<RawError>(await api('/debt-collection/blocked/debts', {}, sim, null));
    expect(first.traceId).toMatch(HEX);
    expect(first.traceId).not.toBe(second.traceId);
  });

  it('accepts a configured apiKey instead of the fixture key', async () => {
    const custom = await start({ apiKey: 'other-key' });
    expect((await api('/debt-collection/blocked/debtors', {}, custom, 'other-key')).status).toBe(200);
    expect((await api('/debt-collection/blocked/debtors', {}, custom, KEY)).status).toBe(401);
  });
});

describe('GET /v1/debt-collection/cases', () => {
  it('answers a debtor with its cases, debts, blocks and closure as stored', async () => {
    expect(await cases(`debtorId=${D2}`)).toEqual([fixtureDebtor(D2)]);
    expect(await cases(`debtorId=${D3}`)).toEqual([fixtureDebtor(D3)]);
  });

  it('filters by each parameter, ids within one parameter being alternatives', async () => {
    const ids = (result: RawDebtorCases[]): string[] => result.map((debtor) => debtor.debtorId);
    expect(ids(await cases(`debtorId=${D4},${D1}`))).toEqual([D1, D4]);
    expect(ids(await cases(`collectionCaseId=${CC2B}`))).toEqual([D2]);
    expect(ids(await cases(`collectionCaseId=${CC3},${CC1}`))).toEqual([D1, D3]);
    expect(ids(await cases(`agencyCollectionCaseId=${CASE4},${CASE2}`))).toEqual([D2, D4]);
    expect(await cases('debtorId=unknown')).toEqual([]);
  });

  it('combines parameters with AND', async () => {
    const ids = (result: RawDebtorCases[]): string[] => result.map((debtor) => debtor.debtorId);
    expect(ids(await cases(`debtorId=${D1}&agencyCollectionCaseId=${CASE2}`))).toEqual([]);
    expect(ids(await cases(`debtorId=${D1},${D2}&agencyCollectionCaseId=${CASE2},${CASE3}`))).toEqual([D2]);
    expect(ids(await cases(`debtorId=${ALL_DEBTORS}&collectionCaseId=${CC1},${CC4}&agencyCollectionCaseId=${CASE4}`))).toEqual([D4]);
  });

  it('answers only the matching cases of a debtor with several', async () => {
    const debtor = fixtureDebtor(D1);
    const [own] = debtor.agencyCollectionCases;
    if (own === undefined) throw new Error('fixture changed');
    const second = { ...structuredClone(own), agencyCollectionCaseId: 'agency-id-999', collectionCaseIds: ['cc-999'], debts: [] };
    debtor.agencyCollectionCases.push(second);
    const custom = await start({ debtors: [debtor] });
    expect(await cases('agencyCollectionCaseId=agency-id-999', custom)).toEqual([{ ...debtor, agencyCollectionCases: [second] }]);
    expect(await cases('collectionCaseId=cc-999,' + CC1, custom)).toEqual([debtor]);
  });

  it('takes 50 ids per parameter and refuses 51 with TOO_MANY_IDS naming the parameter', async () => {
    const fifty = [D1, ...Array.from({ length: 49 }, (_, i) => `unknown-${String(i)}`)];
    for (const name of ['debtorId', 'collectionCaseId', 'agencyCollectionCaseId']) {
      expect((await api(`/debt-collection/cases?${name}=${fifty.join(',')}`)).status).toBe(200);
      const res = await api(`/debt-collection/cases?${name}=${[...fifty, 'one-more'].join(',')}`);
      expect(res.status).toBe(400);
      expectRawError(await json<RawError>(res), 'TOO_MANY_IDS', name);
    }
    expect(await cases(`debtorId=${fifty.join(',')}`)).toEqual([fixtureDebtor(D1)]);
  });

  it('refuses a read without any filter: 400 MISSING_FILTER, no reference', async () => {
    for (const query of ['', '?', '?debtorIds=1', '?offset=0']) {
      const res = await api(`/debt-collection/cases${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expectRawError(await json<RawError>(res), 'MISSING_FILTER');
    }
  });

  it('refuses empty ids and repeated parameters, naming the parameter', async () => {
    const bad: [string, string][] = [
      ['debtorId=', 'debtorId'],
      [`debtorId=${D1},,${D2}`, 'debtorId'],
      [`collectionCaseId=${CC1},`, 'collectionCaseId'],
      [`debtorId=${D1}&agencyCollectionCaseId=`, 'agencyCollectionCaseId'],
      [`debtorId=${D1}&debtorId=${D2}`, 'debtorId'],
    ];
    for (const [query, reference] of bad) {
      const res = await api(`/debt-collection/cases?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expectRawError(await json<RawError>(res), 'INVALID_VALUE', reference);
    }
  });
});

describe('GET /v1/debt-collection/blocked/*', () => {
  it('lists every blocked debtor and every blocked debt', async () => {
    expect(await blockedDebtors()).toEqual([{ debtorId: D2, block: { limitType: 'LIMITED', endDate: '2027-06-30' } }]);
    expect(await blockedDebts()).toEqual([
      { debtorId: D2, debtId: DEBT3, block: { limitType: 'UNLIMITED', endDate: '2099-12-31' } },
    ]);
  });

  it('leaves out DISABLED blocks, which mean no block', async () => {
    const debtor = fixtureDebtor(D2);
    debtor.block = { limitType: 'DISABLED', endDate: '2027-01-01' };
    const [kase] = debtor.agencyCollectionCases;
    const [debt] = kase?.debts ?? [];
    if (debt === undefined) throw new Error('fixture changed');
    debt.block = { limitType: 'DISABLED', endDate: '2027-01-01' };
    const custom = await start({ debtors: [debtor, fixtureDebtor(D1)] });
    expect(await blockedDebtors(custom)).toEqual([]);
    expect(await blockedDebts(custom)).toEqual([]);
  });
});

describe('POST /v1/debt-collection/update: applying', () => {
  it('sets canceled and paid amounts, answers {requestId} and records one write', async () => {
    const clock = fakeClock('2026-11-02T09:30:00.000Z');
    const timed = await start({ now: clock.now });
    const body = d1Update();
    const debt0 = body.debtors[0]?.agencyCollectionCases[0]?.debts[0];
    if (debt0 === undefined) throw new Error('builder changed');
    debt0.canceledAmount = 10;
    const res = await update(body, timed);
    expect(res.status).toBe(200);
    expect(await json<RawUpdateAnswer>(res)).toEqual({ requestId: body.requestId });

    const expected = fixtureDebtor(D1);
    const [kase] = expected.agencyCollectionCases;
    if (kase?.debts[0] === undefined) throw new Error('fixture changed');
    kase.debts[0] = { ...kase.debts[0], canceledAmount: 10, paidAmount: 20.5 };
    expect(await debtorState(D1, timed)).toEqual(expected);
    expect(await writes(timed)).toEqual([{ requestId: body.requestId, time: '2026-11-02T09:30:00.000Z' }]);
  });

  it('accepts collectionCaseIds in any order (set equality) and stores publicCollectionCaseId when sent', async () => {
    const body = withField(d2Update(), 'debtors[0].agencyCollectionCases[0].collectionCaseIds', [CC2B, CC2A]);
    const named = withField(body as RawUpdateRequest, 'debtors[0].agencyCollectionCases[0].publicCollectionCaseId', 'pc-7');
    expect((await update(named)).status).toBe(200);
    const [kase] = (await debtorState(D2)).agencyCollectionCases;
    expect(kase?.collectionCaseIds).toEqual([CC2A, CC2B]);
    expect(kase?.publicCollectionCaseId).toBe('pc-7');
  });

  it('closes a case with its closure; later updates of it answer 409 CASE_CLOSED', async () => {
    const closing = d1Update();
    const kase = closing.debtors[0]?.agencyCollectionCases[0];
    if (kase === undefined) throw new Error('builder changed');
    kase.closure = {
      type: 'POSITIVE',
      date: '2026-11-01',
      options: [{ key: 'WRITE_OFF_REMAINING_DEBTS', value: 'true' }],
      closureReason: 'Paid in part, rest written off',
    };
    expect((await update(closing)).status).toBe(200);
    const [stored] = (await debtorState(D1)).agencyCollectionCases;
    expect(stored?.closure).toEqual({
      type: 'POSITIVE',
      date: '2026-11-01',
      options: [{ key: 'WRITE_OFF_REMAINING_DEBTS', value: 'true' }],
      rejectionReason: null,
      closureReason: 'Paid in part, rest written off',
    });

    const before = await state();
    const later = await update(d1Update());
    expect(later.status).toBe(409);
    expectRawError(await json<RawError>(later), 'CASE_CLOSED', `${D1_CASE}.agencyCollectionCaseId`);
    expect(await state()).toEqual(before);

    // A replay of the closing request is still a success, and still a single write.
    const replay = await update(closing);
    expect(replay.status).toBe(200);
    expect(await json<RawUpdateAnswer>(replay)).toEqual({ requestId: closing.requestId });
    expect((await writes()).map((write) => write.requestId)).toEqual([closing.requestId]);
  });

  it('refuses updates of a case the fixture holds closed', async () => {
    const body: RawUpdateRequest = {
      requestId: randomUUID(),
      debtors: [
        {
          debtorId: D3,
          agencyCollectionCases: [
            {
              agencyCollectionCaseId: CASE3,
              collectionCaseIds: [CC3],
              debts: [{ debtId: DEBT4, originalAmount: 60, canceledAmount: 0, paidAmount: 60, currency: 'EUR' }],
            },
          ],
        },
      ],
    };
    const res = await update(body);
    expect(res.status).toBe(409);
    expectRawError(await json<RawError>(res), 'CASE_CLOSED', `${D1_CASE}.agencyCollectionCaseId`);
    expect(await writes()).toEqual([]);
  });

  it('stores a REJECTION with its reason, and defaults for a closure without options', async () => {
    const rejected = withField(d1Update(), `${D1_CASE}.closure`, {
      type: 'REJECTION',
      date: '2026-11-03',
      rejectionReason: 'FRAUD',
    });
    expect((await update(rejected)).status).toBe(200);
    const [kase] = (await debtorState(D1)).agencyCollectionCases;
    expect(kase?.closure).toEqual({ type: 'REJECTION', date: '2026-11-03', options: [], rejectionReason: 'FRAUD', closureReason: null });
  });

  it('accepts a rejectionReason on a closure that is not a REJECTION (the seed does not forbid it)', async () => {
    const body = withField(d1Update(), `${D1_CASE}.closure`, { type: 'NEGATIVE', date: '2026-11-03', rejectionReason: 'FRAUD' });
    expect((await update(body)).status).toBe(200);
  });

  it('applies all debtors of one request', async () => {
    const body = d1Update();
    const d2 = d2Update().debtors[0];
    if (d2 === undefined) throw new Error('builder changed');
    body.debtors.push(d2);
    expect((await update(body)).status).toBe(200);
    expect((await debtorState(D1)).agencyCollectionCases[0]?.debts[0]?.paidAmount).toBe(20.5);
    expect((await debtorState(D2)).agencyCollectionCases[0]?.debts[0]?.paidAmount).toBe(60);
    expect(await writes()).toHaveLength(1);
  });
});

describe('POST /v1/debt-collection/update: requestId idempotency', () => {
  it('answers a replay 200 without a second write, even after the state moved on', async () => {
    const first = d1Update();
    expect((await update(first)).status).toBe(200);
    const second = d1Update();
    const debt = second.debtors[0]?.agencyCollectionCases[0]?.debts[0];
    if (debt === undefined) throw new Error('builder changed');
    debt.paidAmount = 30;
    expect((await update(second)).status).toBe(200);

    // Same body with its keys in another order and 100 written as 100.0: still the same request.
    const raw = JSON.stringify({ debtors: first.debtors, requestId: first.requestId }).replace('"originalAmount":100,', '"originalAmount":100.0,');
    const replay = await api('/debt-collection/update', { method: 'POST', body: raw });
    expect(replay.status).toBe(200);
    expect(await json<RawUpdateAnswer>(replay)).toEqual({ requestId: first.requestId });
    expect((await debtorState(D1)).agencyCollectionCases[0]?.debts[0]?.paidAmount).toBe(30);
    expect((await writes()).map((write) => write.requestId)).toEqual([first.requestId, second.requestId]);
  });

  it('refuses the same requestId with another body: 409 REQUEST_ID_REUSED, nothing changed', async () => {
    const first = d1Update();
    expect((await update(first)).status).toBe(200);
    const before = await state();
    const other = d2Update(first.requestId);
    const res = await update(other);
    expect(res.status).toBe(409);
    expectRawError(await json<RawError>(res), 'REQUEST_ID_REUSED', 'requestId');
    expect(await state()).toEqual(before);
    expect(await writes()).toHaveLength(1);
  });

  it('does not keep the requestId of a refused request, so a corrected one can use it', async () => {
    const body = d1Update();
    const wrong = withField(body, `${D1_DEBT0}.paidAmount`, 'twenty');
    expect((await update(wrong)).status).toBe(400);
    expect((await update(body)).status).toBe(200);
  });
});

describe('POST /v1/debt-collection/update: validation (nothing changes)', () => {
  type Case = [path: string, value: unknown, errorCode: string, reference?: string];
  const cases400: Case[] = [
    ['requestId', REMOVE, 'REQUIRED'],
    ['requestId', 'not-a-uuid', 'INVALID_VALUE'],
    ['requestId', 42, 'INVALID_VALUE'],
    ['debtors', REMOVE, 'REQUIRED'],
    ['debtors', [], 'INVALID_VALUE'],
    ['debtors', { debtorId: D1 }, 'INVALID_VALUE'],
    ['debtors[0]', 'D1', 'INVALID_VALUE'],
    ['debtors[0].debtorId', REMOVE, 'REQUIRED'],
    ['debtors[0].debtorId', 2334545, 'INVALID_VALUE'],
    ['debtors[0].agencyCollectionCases', REMOVE, 'REQUIRED'],
    ['debtors[0].agencyCollectionCases', 'x', 'INVALID_VALUE'],
    [`${D1_CASE}.agencyCollectionCaseId`, REMOVE, 'REQUIRED'],
    [`${D1_CASE}.agencyCollectionCaseId`, '', 'REQUIRED'],
    [`${D1_CASE}.publicCollectionCaseId`, null, 'INVALID_VALUE'],
    [`${D1_CASE}.collectionCaseIds`, REMOVE, 'REQUIRED'],
    [`${D1_CASE}.collectionCaseIds`, CC1, 'INVALID_VALUE'],
    [`${D1_CASE}.collectionCaseIds[0]`, '', 'INVALID_VALUE'],
    [`${D1_CASE}.debts`, REMOVE, 'REQUIRED'],
    [`${D1_CASE}.debts[0]`, null, 'INVALID_VALUE'],
    [`${D1_DEBT1}.debtId`, REMOVE, 'REQUIRED'],
    [`${D1_DEBT1}.debtId`, DEBT1, 'INVALID_VALUE'], // the same debt twice
    [`${D1_DEBT1}.originalAmount`, REMOVE, 'REQUIRED'],
    [`${D1_DEBT1}.originalAmount`, '5.5', 'INVALID_VALUE'],
    [`${D1_DEBT1}.canceledAmount`, REMOVE, 'REQUIRED'],
    [`${D1_DEBT1}.canceledAmount`, -1, 'INVALID_VALUE'],
    [`${D1_DEBT1}.paidAmount`, REMOVE, 'REQUIRED'],
    [`${D1_DEBT1}.paidAmount`, null, 'REQUIRED'],
    [`${D1_DEBT1}.paidAmount`, true, 'INVALID_VALUE'],
    [`${D1_DEBT1}.currency`, REMOVE, 'REQUIRED'],
    [`${D1_DEBT1}.currency`, 'eur', 'INVALID_VALUE'],
    [`${D1_DEBT1}.currency`, 'EURO', 'INVALID_VALUE'],
    [`${D1_DEBT1}.currency`, 'XYZ', 'INVALID_VALUE'],
    [`${D1_DEBT1}.paidAmount`, 1.005, 'INVALID_VALUE'], // EUR has 2 decimals
    [`${D1_DEBT0}.block`, null, 'INVALID_VALUE'],
    [`${D1_DEBT0}.block`, { endDate: '2027-01-01' }, 'REQUIRED', `${D1_DEBT0}.block.limitType`],
    [`${D1_DEBT0}.block`, { limitType: 'FOREVER', endDate: '2027-01-01' }, 'INVALID_VALUE', `${D1_DEBT0}.block.limitType`],
    [`${D1_DEBT0}.block`, { limitType: 'LIMITED' }, 'REQUIRED', `${D1_DEBT0}.block.endDate`],
    [`${D1_DEBT0}.block`, { limitType: 'LIMITED', endDate: '2027-02-30' }, 'INVALID_VALUE', `${D1_DEBT0}.block.endDate`],
    ['debtors[0].block', null, 'INVALID_VALUE'],
    ['debtors[0].block', { endDate: '2027-01-01' }, 'REQUIRED', 'debtors[0].block.limitType'],
    ['debtors[0].block', { limitType: 'LIMITED', endDate: '30.06.2027' }, 'INVALID_VALUE', 'debtors[0].block.endDate'],
    [`${D1_CASE}.closure`, null, 'INVALID_VALUE'],
    [`${D1_CASE}.closure`, { date: '2026-11-01' }, 'REQUIRED', `${D1_CASE}.closure.type`],
    [`${D1_CASE}.closure`, { type: 'DONE', date: '2026-11-01' }, 'INVALID_VALUE', `${D1_CASE}.closure.type`],
    [`${D1_CASE}.closure`, { type: 'POSITIVE' }, 'REQUIRED', `${D1_CASE}.closure.date`],
    [`${D1_CASE}.closure`, { type: 'POSITIVE', date: '2026-11-01T00:00:00Z' }, 'INVALID_VALUE', `${D1_CASE}.closure.date`],
    [`${D1_CASE}.closure`, { type: 'REJECTION', date: '2026-11-01' }, 'REQUIRED', `${D1_CASE}.closure.rejectionReason`],
    [`${D1_CASE}.closure`, { type: 'REJECTION', date: '2026-11-01', rejectionReason: null }, 'REQUIRED', `${D1_CASE}.closure.rejectionReason`],
    [`${D1_CASE}.closure`, { type: 'NEGATIVE', date: '2026-11-01', rejectionReason: 'BAD_LUCK' }, 'INVALID_VALUE', `${D1_CASE}.closure.rejectionReason`],
    [`${D1_CASE}.closure`, { type: 'POSITIVE', date: '2026-11-01', options: null }, 'INVALID_VALUE', `${D1_CASE}.closure.options`],
    [`${D1_CASE}.closure`, { type: 'POSITIVE', date: '2026-11-01', options: [{ value: 'true' }] }, 'REQUIRED', `${D1_CASE}.closure.options[0].key`],
    [`${D1_CASE}.closure`, { type: 'POSITIVE', date: '2026-11-01', options: [{ key: 'OTHER', value: 'true' }] }, 'INVALID_VALUE', `${D1_CASE}.closure.options[0].key`],
    [`${D1_CASE}.closure`, { type: 'POSITIVE', date: '2026-11-01', options: [{ key: 'WRITE_OFF_REMAINING_DEBTS', value: 'yes' }] }, 'INVALID_VALUE', `${D1_CASE}.closure.options[0].value`],
    [`${D1_CASE}.closure`, { type: 'POSITIVE', date: '2026-11-01', options: [{ key: 'WRITE_OFF_REMAINING_DEBTS' }] }, 'REQUIRED', `${D1_CASE}.closure.options[0].value`],
    [`${D1_CASE}.closure`, { type: 'POSITIVE', date: '2026-11-01', closureReason: 7 }, 'INVALID_VALUE', `${D1_CASE}.closure.closureReason`],
  ];

  // Objects, not tuples: jest would take a 4th parameter missing from a row for a `done` callback.
  const rows = cases400.map(([path, value, errorCode, reference]) => ({ path, value, errorCode, reference: reference ?? path }));
  it.each(rows)('refuses $path = $value with 400 $errorCode at $reference, changing nothing', async ({ path, value, errorCode, reference }) => {
    const before = await state();
    const res = await update(withField(d1Update(), path, value));
    expect(res.status).toBe(400);
    expectRawError(await json<RawError>(res), errorCode, reference);
    expect(await state()).toEqual(before);
    expect(await writes()).toEqual([]);
  });

  it('refuses a body that is not a JSON object: 400 VALIDATION_ERROR', async () => {
    for (const body of [[d1Update()], 'update']) {
      const res = await update(body);
      expect(res.status).toBe(400);
      expectRawError(await json<RawError>(res), body === 'update' ? 'MALFORMED_REQUEST' : 'VALIDATION_ERROR');
    }
  });

  it('refuses a debtor named twice in one request', async () => {
    const body = d1Update();
    const [debtor] = structuredClone(body.debtors);
    if (debtor === undefined) throw new Error('builder changed');
    debtor.agencyCollectionCases = [];
    body.debtors.push(debtor);
    const res = await update(body);
    expect(res.status).toBe(400);
    expectRawError(await json<RawError>(res), 'INVALID_VALUE', 'debtors[1].debtorId');
  });

  it('refuses unknown debtors, cases and debts with 404 at their reference', async () => {
    const missing: [string, unknown, string][] = [
      ['debtors[0].debtorId', '999', 'debtors[0].debtorId'],
      [`${D1_CASE}.agencyCollectionCaseId`, 'agency-id-999', `${D1_CASE}.agencyCollectionCaseId`],
      [`${D1_CASE}.agencyCollectionCaseId`, CASE2, `${D1_CASE}.agencyCollectionCaseId`], // another debtor's case
      [`${D1_DEBT1}.debtId`, '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0999', `${D1_DEBT1}.debtId`],
      [`${D1_DEBT1}.debtId`, DEBT3, `${D1_DEBT1}.debtId`], // another case's debt
    ];
    const before = await state();
    for (const [path, value, reference] of missing) {
      const res = await update(withField(d1Update(), path, value));
      expect({ path, value, status: res.status }).toEqual({ path, value, status: 404 });
      expectRawError(await json<RawError>(res), 'NOT_FOUND', reference);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses collectionCaseIds other than the stored set, and amounts or currencies other than the stored debt', async () => {
    const wrong: [RawUpdateRequest, string, unknown][] = [
      [d2Update(), 'debtors[0].agencyCollectionCases[0].collectionCaseIds', [CC2A]],
      [d2Update(), 'debtors[0].agencyCollectionCases[0].collectionCaseIds', [CC2A, CC2B, CC1]],
      [d1Update(), `${D1_CASE}.collectionCaseIds`, [CC2A]],
      [d1Update(), `${D1_DEBT0}.originalAmount`, 100.01],
      [d1Update(), `${D1_DEBT1}.originalAmount`, 5],
      [d1Update(), `${D1_DEBT1}.currency`, 'USD'],
    ];
    const before = await state();
    for (const [body, path, value] of wrong) {
      const res = await update(withField(body, path, value));
      expect({ path, value, status: res.status }).toEqual({ path, value, status: 400 });
      expectRawError(await json<RawError>(res), 'INVALID_VALUE', path);
    }
    expect(await state()).toEqual(before);
    expect(await writes()).toEqual([]);
  });

  it('changes nothing when a later debtor of the same request is invalid', async () => {
    const body = d1Update();
    const d2 = d2Update().debtors[0];
    if (d2 === undefined) throw new Error('builder changed');
    body.debtors.push({ ...d2, debtorId: '999' });
    const before = await state();
    const res = await update(body);
    expect(res.status).toBe(404);
    expectRawError(await json<RawError>(res), 'NOT_FOUND', 'debtors[1].debtorId');
    expect(await state()).toEqual(before);
  });
});

describe('POST /v1/debt-collection/update: amounts', () => {
  it('refuses a JPY amount with one decimal and accepts whole yen', async () => {
    const res = await update(d4Update(1.5));
    expect(res.status).toBe(400);
    expectRawError(await json<RawError>(res), 'INVALID_VALUE', `${D1_CASE}.debts[0].paidAmount`);
    expect((await update(d4Update(700))).status).toBe(200);
    expect((await debtorState(D4)).agencyCollectionCases[0]?.debts[0]?.paidAmount).toBe(700);
  });

  it('refuses EUR amounts with three decimals and accepts two', async () => {
    for (const field of ['paidAmount', 'canceledAmount']) {
      const res = await update(withField(d1Update(), `${D1_DEBT0}.${field}`, 10.005));
      expect(res.status).toBe(400);
      expectRawError(await json<RawError>(res), 'INVALID_VALUE', `${D1_DEBT0}.${field}`);
    }
    expect((await update(withField(d1Update(), `${D1_DEBT0}.paidAmount`, 10.05))).status).toBe(200);
  });

  it('accepts an overpayment when nothing is canceled (the rest is booked to the debtor)', async () => {
    expect((await update(withField(d1Update(), `${D1_DEBT0}.paidAmount`, 150.25))).status).toBe(200);
    expect((await debtorState(D1)).agencyCollectionCases[0]?.debts[0]).toMatchObject({ canceledAmount: 0, paidAmount: 150.25 });
  });

  it('refuses canceled + paid above the original once something is canceled', async () => {
    const body = withField(withField(d1Update(), `${D1_DEBT0}.canceledAmount`, 50) as RawUpdateRequest, `${D1_DEBT0}.paidAmount`, 50.01);
    const res = await update(body);
    expect(res.status).toBe(400);
    expectRawError(await json<RawError>(res), 'INVALID_VALUE', `${D1_DEBT0}.canceledAmount`);
    const exact = withField(withField(d1Update(), `${D1_DEBT0}.canceledAmount`, 50) as RawUpdateRequest, `${D1_DEBT0}.paidAmount`, 50);
    expect((await update(exact)).status).toBe(200);
  });

  it('sums exactly, not in doubles: 0.1 + 0.2 does not exceed 0.3', async () => {
    const debtor = fixtureDebtor(D1);
    const debt = debtor.agencyCollectionCases[0]?.debts[0];
    if (debt === undefined) throw new Error('fixture changed');
    debt.originalAmount = 0.3;
    const custom = await start({ debtors: [debtor] });
    const body = withField(withField(d1Update(), `${D1_DEBT0}.originalAmount`, 0.3) as RawUpdateRequest, `${D1_DEBT0}.canceledAmount`, 0.1);
    expect((await update(withField(body as RawUpdateRequest, `${D1_DEBT0}.paidAmount`, 0.2), custom)).status).toBe(200);
    const over = withField(body as RawUpdateRequest, `${D1_DEBT0}.paidAmount`, 0.21);
    expect((await update({ ...(over as RawUpdateRequest), requestId: randomUUID() }, custom)).status).toBe(400);
  });
});

describe('POST /v1/debt-collection/update: blocks (a missing block REMOVES the block)', () => {
  it('removes the debtor block and a named debt block when the update leaves them out', async () => {
    const body = d2Update();
    const debtor = body.debtors[0];
    const debt = debtor?.agencyCollectionCases[0]?.debts[0];
    if (debtor === undefined || debt === undefined) throw new Error('builder changed');
    delete debtor.block;
    delete debt.block;
    expect((await update(body)).status).toBe(200);
    expect(await blockedDebtors()).toEqual([]);
    expect(await blockedDebts()).toEqual([]);
    const stored = await debtorState(D2);
    expect(stored.block).toBeNull();
    expect(stored.agencyCollectionCases[0]?.debts[0]?.block).toBeNull();
  });

  it('keeps (and sets) the blocks that are sent', async () => {
    const body = withField(d2Update(), 'debtors[0].block', { limitType: 'UNLIMITED', endDate: '2030-01-31' });
    expect((await update(body)).status).toBe(200);
    expect(await blockedDebtors()).toEqual([{ debtorId: D2, block: { limitType: 'UNLIMITED', endDate: '2030-01-31' } }]);
    expect(await blockedDebts()).toEqual([{ debtorId: D2, debtId: DEBT3, block: { limitType: 'UNLIMITED', endDate: '2099-12-31' } }]);
  });

  it('leaves the block of a debt the update does not name untouched', async () => {
    const blocking = withField(d1Update(), `${D1_DEBT1}.block`, { limitType: 'LIMITED', endDate: '2028-03-31' });
    expect((await update(blocking)).status).toBe(200);
    // Names only the first debt: the second one's block must survive.
    const onlyFirst = d1Update();
    onlyFirst.debtors[0]?.agencyCollectionCases[0]?.debts.splice(1, 1);
    expect((await update(onlyFirst)).status).toBe(200);
    const debts = (await debtorState(D1)).agencyCollectionCases[0]?.debts ?? [];
    expect(debts.map((debt) => debt.block)).toEqual([null, { limitType: 'LIMITED', endDate: '2028-03-31' }]);
    expect(await blockedDebts()).toContainEqual({ debtorId: D1, debtId: DEBT2, block: { limitType: 'LIMITED', endDate: '2028-03-31' } });
  });

  it('stores a DISABLED block as sent, which blocked reads do not list', async () => {
    const body = withField(d2Update(), 'debtors[0].block', { limitType: 'DISABLED', endDate: '2027-06-30' });
    expect((await update(body)).status).toBe(200);
    expect((await debtorState(D2)).block).toEqual({ limitType: 'DISABLED', endDate: '2027-06-30' });
    expect(await blockedDebtors()).toEqual([]);
  });
});

describe('rate limit', () => {
  it('refuses the (N+1)th request of a minute per endpoint with 429 and Retry-After, until the window ends', async () => {
    const clock = fakeClock('2026-11-02T12:00:10.000Z');
    const limited = await start({ rateLimitPerMinute: 3, now: clock.now });
    const read = (path = '/debt-collection/blocked/debtors'): Promise<Response> => api(path, {}, limited);
    for (let i = 0; i < 3; i += 1) expect((await read()).status).toBe(200);

    const refused = await read();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('50');
    expectRawError(await json<RawError>(refused), 'RATE_LIMITED');
    // Another endpoint has its own budget.
    expect((await read('/debt-collection/blocked/debts')).status).toBe(200);

    clock.set('2026-11-02T12:00:59.500Z');
    const last = await read();
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('1');

    clock.set('2026-11-02T12:01:00.000Z');
    for (let i = 0; i < 3; i += 1) expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(429);
  });

  it('counts updates per endpoint too, and does not count requests refused for the API key', async () => {
    const clock = fakeClock('2026-11-02T12:00:00.000Z');
    const limited = await start({ rateLimitPerMinute: 1, now: clock.now });
    expect((await api('/debt-collection/blocked/debts', {}, limited, 'wrong')).status).toBe(401);
    expect((await api('/debt-collection/blocked/debts', {}, limited)).status).toBe(200);
    expect((await update(d1Update(), limited)).status).toBe(200);
    const refused = await update(d1Update(), limited);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await writes(limited)).toHaveLength(1);
  });

  it('refuses an invalid rateLimitPerMinute', async () => {
    for (const rateLimitPerMinute of [0, -1, 1.5]) {
      await expect(startDebtCollectionSimulator({ rateLimitPerMinute })).rejects.toThrow(RangeError);
    }
  });
});

describe('faults (/__sim/faults)', () => {
  it('answers API requests with the fault, before the API key check, and writes nothing', async () => {
    const body: RawError = { errorMessage: 'Server Error', errorCode: 'INTERNAL_ERROR', traceId: 'abc' };
    expect((await addFault({ method: 'POST', path: '/v1/debt-collection/update', status: 500, body })).status).toBe(201);
    const before = await state();
    const faulted = await update(d1Update());
    expect(faulted.status).toBe(500);
    expect(await json<RawError>(faulted)).toEqual(body);
    expect(await state()).toEqual(before);
    expect(await writes()).toEqual([]);
    expect((await update(d1Update())).status).toBe(200);

    await addFault({ path: '/v1/debt-collection/*', status: 403, times: 2 });
    expect((await api('/debt-collection/blocked/debts', {}, sim, null)).status).toBe(403);
    expect((await api(`/debt-collection/cases?debtorId=${D1}`)).status).toBe(403);
    expect((await api(`/debt-collection/cases?debtorId=${D1}`)).status).toBe(200);
  });

  it('sends Retry-After on a faulted 429 until DELETE /__sim/faults', async () => {
    await addFault({ path: '/v1/debt-collection/cases', status: 429, times: 0, retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i += 1) {
      const res = await api(`/debt-collection/cases?debtorId=${D1}`);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
    }
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/debt-collection/cases?debtorId=${D1}`)).status).toBe(200);
  });
});

describe('routing', () => {
  it('answers 404 RawError for unknown paths', async () => {
    // `/debt-collection/run-1/debtors` is a route now: an unknown run (see the transfer runs).
    for (const path of ['/debt-collection/case', '/debt-collection/cases/', '/Debt-collection/cases', '/debt-collection/run-1/debtor']) {
      const res = await api(`${path}?debtorId=${D1}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expectRawError(await json<RawError>(res), 'NOT_FOUND');
    }
    const outside = await fetch(`${sim.url}/debt-collection/cases?debtorId=${D1}`, { headers: { 'x-api-key': KEY } });
    expect(outside.status).toBe(404);
  });

  it('answers 405 RawError with Allow for a wrong method on a known path', async () => {
    const wrong: [string, string, string][] = [
      ['POST', '/debt-collection/cases', 'GET, HEAD'],
      ['DELETE', '/debt-collection/blocked/debtors', 'GET, HEAD'],
      ['PUT', '/debt-collection/blocked/debts', 'GET, HEAD'],
      ['GET', '/debt-collection/update', 'POST'],
    ];
    for (const [method, path, allow] of wrong) {
      const res = await api(path, { method });
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 405 });
      expect(res.headers.get('allow')).toBe(allow);
      expectRawError(await json<RawError>(res), 'METHOD_NOT_ALLOWED');
    }
  });

  it('answers 400 RawError for malformed JSON, changing nothing', async () => {
    const res = await api('/debt-collection/update', { method: 'POST', body: '{"requestId": ' });
    expect(res.status).toBe(400);
    expectRawError(await json<RawError>(res), 'MALFORMED_REQUEST');
    expect(await writes()).toEqual([]);
  });

  it('has no /__sim/tokens route: this provider has no tokens', async () => {
    expect((await fetch(`${sim.url}/__sim/tokens`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('control routes', () => {
  it('lists applied updates in /__sim/writes, and DELETE clears them', async () => {
    const first = d1Update();
    const second = d2Update();
    await update(first);
    await update(withField(d1Update(), 'requestId', 'nope'));
    await update(second);
    expect((await writes()).map((write) => write.requestId)).toEqual([first.requestId, second.requestId]);
    expect((await fetch(`${sim.url}/__sim/writes`, { method: 'DELETE' })).status).toBe(204);
    expect(await writes()).toEqual([]);
  });

  it('logs API requests with path, query and body, never the API key nor control routes', async () => {
    const body = d1Update();
    await update(body);
    await api(`/debt-collection/cases?debtorId=${D1},${D2}`);
    await api('/debt-collection/blocked/debts', {}, sim, 'wrong-key-value');
    await writes();
    await addFault({ status: 503, path: '/x' });
    const log = await requestLog();
    expect(log.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /v1/debt-collection/update',
      'GET /v1/debt-collection/cases',
      'GET /v1/debt-collection/blocked/debts',
    ]);
    expect(log[0]?.body).toEqual(body);
    expect(log[1]?.query).toEqual({ debtorId: `${D1},${D2}` });
    const raw = JSON.stringify(log);
    expect(raw).not.toContain(KEY);
    expect(raw).not.toContain('wrong-key-value');
    expect(raw.toLowerCase()).not.toContain('x-api-key');
    expect((await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(await requestLog()).toEqual([]);
  });
});

describe('fixture and lifecycle', () => {
  it('never mutates the imported fixture nor the caller-supplied debtors', async () => {
    const fixtureBefore = structuredClone(debtCollectionFixture.debtors);
    const own = debtCollectionFixture.debtors.map((debtor) => structuredClone(debtor));
    const ownBefore = structuredClone(own);
    const custom = await start({ debtors: own });
    const closing = withField(d2Update(), 'debtors[0].agencyCollectionCases[0].closure', { type: 'POSITIVE', date: '2026-11-01' });
    for (const target of [sim, custom]) {
      expect((await update(closing, target)).status).toBe(200);
      expect((await update(withField(d1Update(), `${D1_DEBT0}.block`, { limitType: 'LIMITED', endDate: '2028-01-01' }), target)).status).toBe(200);
    }
    expect(debtCollectionFixture.debtors).toEqual(fixtureBefore);
    expect(own).toEqual(ownBefore);
    const fresh = await start();
    expect(await cases(`debtorId=${ALL_DEBTORS}`, fresh)).toEqual(fixtureBefore);
  });

  it('refuses duplicate ids in the supplied debtors and invalid ports', async () => {
    await expect(startDebtCollectionSimulator({ debtors: [fixtureDebtor(D1), fixtureDebtor(D1)] })).rejects.toThrow(/duplicate/);
    await expect(startDebtCollectionSimulator({ port: 70000 })).rejects.toThrow(RangeError);
  });

  it('close() really closes, even with keep-alive connections open', async () => {
    const own = await startDebtCollectionSimulator();
    expect((await api('/debt-collection/blocked/debts', {}, own)).status).toBe(200);
    await own.close();
    await own.close();
    await expect(api('/debt-collection/blocked/debts', {}, own)).rejects.toThrow();
  });

  it('startSimulators serves the API below API_PREFIX = /v1', async () => {
    expect(API_PREFIX).toBe('/v1');
    const simulators = await startSimulators();
    try {
      expect((await api('/debt-collection/blocked/debtors', {}, simulators.debtCollection)).status).toBe(200);
    } finally {
      await simulators.close();
    }
  });
});
