/**
 * The debt-collection simulator's transfer runs (`GET /{runId}/debtors`, `POST /{runId}/confirmTransfer`)
 * and its reading of stored amounts, over real sockets. The readings are in raw.ts.
 */
import { randomUUID } from 'node:crypto';
import type { RawDebtorCases, RawError, RawRunDebtorsPage, RawUpdateRequest } from '../../src/providers/debt-collection/raw';
import { API_PREFIX, startDebtCollectionSimulator, type RunningSimulator } from '../../tools/simulators/debt-collection';
import { debtCollectionFixture } from '../../tools/simulators/fixtures';

const KEY = debtCollectionFixture.apiKey;
const OPEN_RUN = 'run-2026-11-28'; // 4 debtors, not confirmed
const CONFIRMED_RUN = 'run-2026-10-31'; // 1 debtor, confirmed
const RUN_DEBTORS = ['2334560', '2334561', '2334562', '2334563'];

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startDebtCollectionSimulator();
});

afterEach(async () => {
  await sim.close();
});

function api(path: string, init: RequestInit = {}, key: string | null = KEY): Promise<Response> {
  const headers: Record<string, string> = {};
  if (key !== null) headers['x-api-key'] = key;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${sim.url}${API_PREFIX}${path}`, { ...init, headers });
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function slice(runId: string, query: string): Promise<RawRunDebtorsPage> {
  const res = await api(`/debt-collection/${runId}/debtors${query}`);
  expect(res.status).toBe(200);
  return json<RawRunDebtorsPage>(res);
}

async function writes(): Promise<Record<string, unknown>[]> {
  return (await json<{ writes: Record<string, unknown>[] }>(await fetch(`${sim.url}/__sim/writes`))).writes;
}

const confirm = (runId: string, key: string | null = KEY) => api(`/debt-collection/${runId}/confirmTransfer`, { method: 'POST' }, key);

describe('GET /v1/debt-collection/{runId}/debtors', () => {
  it('answers the debtors in slices: {result, hasNext, offset} with offset where the next slice starts, as text', async () => {
    const first = await slice(OPEN_RUN, '?offset=0&sliceSize=3');
    expect(first.result.map((debtor) => debtor.debtorId)).toEqual(RUN_DEBTORS.slice(0, 3));
    expect(first).toMatchObject({ hasNext: true, offset: '3' });

    const second = await slice(OPEN_RUN, `?offset=${first.offset}&sliceSize=3`);
    expect(second.result.map((debtor) => debtor.debtorId)).toEqual(RUN_DEBTORS.slice(3));
    expect(second).toMatchObject({ hasNext: false, offset: '4' });
  });

  it('answers a debtor with its block and the collection cases the run transferred, with their debts', async () => {
    const [debtor] = (await slice(OPEN_RUN, '?sliceSize=1')).result;
    expect(debtor).toEqual({
      debtorId: '2334560',
      block: null,
      collectionCases: [
        {
          collectionCaseId: '7c9e6679-7425-40de-944b-e07fc1f90000',
          debts: [
            expect.objectContaining({ debtId: '5d1c2a3b-4e5f-4a6b-8c7d-9e0f1a2b0000', originalAmount: 120, currency: 'EUR', block: null }),
            expect.objectContaining({ debtId: '5d1c2a3b-4e5f-4a6b-8c7d-9e0f1a2b0001', originalAmount: 5.5, type: 'DUNNING_FEE' }),
          ],
        },
      ],
    });
  });

  it('defaults to offset 0 and 10 debtors, and answers an empty last slice past the end', async () => {
    expect(await slice(OPEN_RUN, '')).toMatchObject({ hasNext: false, offset: '4' });
    expect((await slice(OPEN_RUN, '')).result).toHaveLength(4);
    expect(await slice(OPEN_RUN, '?offset=9')).toEqual({ result: [], hasNext: false, offset: '9' });
  });

  it('refuses offsets and sizes that are not whole numbers in range: 400 at the parameter', async () => {
    const bad: [string, string][] = [
      ['?offset=-1', 'offset'],
      ['?offset=1.5', 'offset'],
      ['?offset=x', 'offset'],
      ['?offset=0&offset=1', 'offset'],
      ['?sliceSize=0', 'sliceSize'],
      ['?sliceSize=101', 'sliceSize'],
      ['?sliceSize=', 'sliceSize'],
    ];
    for (const [query, reference] of bad) {
      const res = await api(`/debt-collection/${OPEN_RUN}/debtors${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(await json<RawError>(res)).toMatchObject({ errorCode: 'INVALID_VALUE', reference });
    }
    expect((await slice(OPEN_RUN, '?sliceSize=100')).result).toHaveLength(4);
  });

  it('answers 404 NOT_FOUND for an unknown run, and 401 without the API key', async () => {
    const unknown = await api('/debt-collection/run-1999-01-01/debtors');
    expect(unknown.status).toBe(404);
    expect(await json<RawError>(unknown)).toMatchObject({ errorCode: 'NOT_FOUND', reference: 'runId', traceId: expect.any(String) as string });
    expect((await api(`/debt-collection/${OPEN_RUN}/debtors`, {}, null)).status).toBe(401);
  });

  it('keeps /blocked/debtors the blocked list, not a run named "blocked"', async () => {
    const res = await api('/debt-collection/blocked/debtors');
    expect(res.status).toBe(200);
    expect(await json<{ result: unknown[] }>(res)).toEqual({ result: [{ debtorId: '2334546', block: { limitType: 'LIMITED', endDate: '2027-06-30' } }] });
  });
});

describe('POST /v1/debt-collection/{runId}/confirmTransfer', () => {
  it('confirms with 200, and again with 200 without a second write (idempotent)', async () => {
    const first = await confirm(OPEN_RUN);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('');
    expect((await confirm(OPEN_RUN)).status).toBe(200);
    expect(await writes()).toEqual([{ confirmedRunId: OPEN_RUN, time: expect.any(String) as string }]);
  });

  it('answers a run confirmed before with 200 and records nothing', async () => {
    expect((await confirm(CONFIRMED_RUN)).status).toBe(200);
    expect(await writes()).toEqual([]);
  });

  it('changes nothing a read shows: a confirmed run answers the same slices', async () => {
    const before = await slice(OPEN_RUN, '?sliceSize=2');
    await confirm(OPEN_RUN);
    expect(await slice(OPEN_RUN, '?sliceSize=2')).toEqual(before);
  });

  it('answers 404 for an unknown run, 401 without the key, 405 for a GET', async () => {
    const unknown = await confirm('run-1999-01-01');
    expect(unknown.status).toBe(404);
    expect(await json<RawError>(unknown)).toMatchObject({ errorCode: 'NOT_FOUND', reference: 'runId' });
    expect((await confirm(OPEN_RUN, null)).status).toBe(401);
    const get = await api(`/debt-collection/${OPEN_RUN}/confirmTransfer`);
    expect(get.status).toBe(405);
    expect(await writes()).toEqual([]);
  });
});

describe('POST /v1/debt-collection/update: amounts the provider already stores', () => {
  // A debtor whose first debt stores a negative paid amount (a reversal) and a canceled amount
  // with more decimals than EUR has.
  function oddDebtor(): RawDebtorCases {
    const debtor = structuredClone(debtCollectionFixture.debtors[0]);
    const debt = debtor?.agencyCollectionCases[0]?.debts[0];
    if (!debtor || !debt) throw new Error('fixture changed');
    debt.paidAmount = -5;
    debt.canceledAmount = 0.005;
    return debtor;
  }

  function updateOf(debtor: RawDebtorCases, change: (debts: RawUpdateRequest['debtors'][number]['agencyCollectionCases'][number]['debts']) => void): RawUpdateRequest {
    const kase = debtor.agencyCollectionCases[0];
    if (!kase) throw new Error('fixture changed');
    const debts = kase.debts.map(({ debtId, originalAmount, canceledAmount, paidAmount, currency }) => ({
      debtId,
      originalAmount,
      canceledAmount,
      paidAmount,
      currency,
    }));
    change(debts);
    return {
      requestId: randomUUID(),
      debtors: [
        {
          debtorId: debtor.debtorId,
          agencyCollectionCases: [{ agencyCollectionCaseId: kase.agencyCollectionCaseId, collectionCaseIds: kase.collectionCaseIds, debts }],
        },
      ],
    };
  }

  const post = (body: unknown) => api('/debt-collection/update', { method: 'POST', body: JSON.stringify(body) });

  it('accepts them sent back unchanged, so an update of another debt of the case goes through', async () => {
    await sim.close();
    const debtor = oddDebtor();
    sim = await startDebtCollectionSimulator({ debtors: [debtor] });

    const res = await post(
      updateOf(debtor, (debts) => {
        const other = debts[1];
        if (other) other.paidAmount = 5.5;
      }),
    );

    expect(res.status).toBe(200);
  });

  it('still refuses a NEW negative amount, and new decimals past the currency', async () => {
    await sim.close();
    const debtor = oddDebtor();
    sim = await startDebtCollectionSimulator({ debtors: [debtor] });
    const reference = 'debtors[0].agencyCollectionCases[0].debts[0]';

    const negative = await post(
      updateOf(debtor, (debts) => {
        if (debts[0]) debts[0].paidAmount = -4;
      }),
    );
    expect(negative.status).toBe(400);
    expect(await json<RawError>(negative)).toMatchObject({ errorCode: 'INVALID_VALUE', reference: `${reference}.paidAmount` });

    const decimals = await post(
      updateOf(debtor, (debts) => {
        if (debts[0]) debts[0].canceledAmount = 0.004;
      }),
    );
    expect(decimals.status).toBe(400);
    expect(await json<RawError>(decimals)).toMatchObject({ errorCode: 'INVALID_VALUE', reference: `${reference}.canceledAmount` });
  });

  it('accepts a HUF payment of 100.50: ISO 4217 gives HUF two decimals', async () => {
    await sim.close();
    const debtor = structuredClone(debtCollectionFixture.debtors[0]);
    if (!debtor) throw new Error('fixture changed');
    for (const debt of debtor.agencyCollectionCases[0]?.debts ?? []) debt.currency = 'HUF';
    sim = await startDebtCollectionSimulator({ debtors: [debtor] });

    const res = await post(
      updateOf(debtor, (debts) => {
        if (debts[0]) debts[0].paidAmount = 100.5;
      }),
    );

    expect(res.status).toBe(200);
  });
});
