/**
 * The debt-collection client over real sockets against the simulator: the API key, the cases
 * read and its limits, the update, and how each provider answer surfaces.
 */
import type { CaseUpdatePayload } from '../src/domain/debt-collection/model';
import { createDebtCollectionClient, errorBodyOf, type DebtCollectionClient } from '../src/providers/debt-collection/client';
import { createHttpClient, DEFAULT_HTTP_LIMITS, type HttpClient } from '../src/providers/http';
import { ProviderFailure } from '../src/providers/failure';
import { API_PREFIX, startDebtCollectionSimulator, type RunningSimulator } from '../tools/simulators/debt-collection';
import { debtCollectionFixture } from '../tools/simulators/fixtures';
import { failureOf } from './support/failure';
import { routesOf, simControl, type SimControl } from './support/sim-control';

let simulator: RunningSimulator;
let sim: SimControl;
let http: HttpClient;

beforeEach(async () => {
  // Fresh per test: updates change the simulator's data.
  simulator = await startDebtCollectionSimulator();
  sim = simControl(simulator.url);
  http = createHttpClient({ ...DEFAULT_HTTP_LIMITS, provider: 'DEBT_COLLECTION', baseUrl: simulator.url + API_PREFIX });
});
afterEach(async () => {
  await http.close();
  await simulator.close();
});

function client(apiKey = debtCollectionFixture.apiKey): DebtCollectionClient {
  return createDebtCollectionClient(http, { apiKey });
}

const REQUEST_ID = 'fc336b0b-409c-4c66-a26d-ab25b87dcb8f';

/** A payment on agency-id-123 as the graph would send it. */
function payment(paidAmount = '40', overrides: Partial<CaseUpdatePayload> = {}): CaseUpdatePayload {
  return {
    requestId: REQUEST_ID,
    debtorId: '2334545',
    debtorBlock: null,
    agencyCollectionCaseId: 'agency-id-123',
    publicCollectionCaseId: 'case-john-wayne-1',
    collectionCaseIds: ['123e4567-e89b-42d3-a456-556642440000'],
    closure: null,
    debts: [
      { debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001', originalAmount: '100.00', canceledAmount: '0', paidAmount, currency: 'EUR', block: null },
      { debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002', originalAmount: '5.50', canceledAmount: '0', paidAmount: '0', currency: 'EUR', block: null },
    ],
    ...overrides,
  };
}

async function writes(): Promise<unknown[]> {
  const res = await fetch(`${simulator.url}/__sim/writes`);
  return ((await res.json()) as { writes: unknown[] }).writes;
}

describe('debt-collection client: reads', () => {
  it('reads cases with the API key, combining parameters with AND', async () => {
    const found = await client().readCases({ debtorIds: ['2334546', '2334547'], agencyCollectionCaseIds: ['agency-id-125', 'agency-id-123'] });

    expect(found.map((read) => read.agencyCollectionCaseId)).toEqual(['agency-id-125']);
    const [request] = await sim.requests();
    expect(request?.query).toEqual({ debtorId: '2334546,2334547', agencyCollectionCaseId: 'agency-id-125,agency-id-123' });
  });

  it('answers null for an unknown case', async () => {
    expect(await client().readCase('agency-id-999')).toBeNull();
  });

  it('refuses more than 50 ids, no ids, and ids with commas, without a request', async () => {
    const many = Array.from({ length: 51 }, (_, index) => `id-${index}`);

    await expect(client().readCases({ collectionCaseIds: many })).rejects.toThrow(RangeError);
    await expect(client().readCases({ debtorIds: [] })).rejects.toThrow(RangeError);
    await expect(client().readCases({ debtorIds: ['1,2'] })).rejects.toThrow(RangeError);
    expect(await sim.requests()).toEqual([]);
  });

  it('fails with a plain credentials message, not retryable, for a wrong API key', async () => {
    const failure = await failureOf(client('wrong-key').readCase('agency-id-123'));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 401, providerCode: 'UNAUTHORIZED' });
    expect(failure.message).toBe('Debt collection refused our credentials (HTTP 401); check the configured credentials.');
    expect(failure.retryable).toBe(false);
  });

  it('reads a 403 as the missing API scope of the call, and keeps the traceId', async () => {
    await sim.fault({ method: 'GET', status: 403, body: { errorMessage: 'Missing scope.', traceId: 'trace-403' } });

    const failure = await failureOf(client().readCase('agency-id-123'));

    expect(failure.message).toBe(
      'Debt collection denied this call (HTTP 403): our API key there lacks the DEBT_COLLECTION_READ scope this call needs.',
    );
    expect(failure.retryable).toBe(false);
    expect(failure.providerReference).toBe('trace-403');
  });

  it('treats a 200 without a result list as an invalid body', async () => {
    await sim.fault({ method: 'GET', status: 200, body: { cases: [] } });

    const failure = await failureOf(client().readCase('agency-id-123'));

    expect(failure.detail).toEqual({ kind: 'invalid_body', reason: 'cases answer without a result list' });
    expect(failure.retryable).toBe(true);
  });

  it('fails only the case that cannot be read exactly', async () => {
    const [first, second] = debtCollectionFixture.debtors;
    const broken = structuredClone(first);
    const debt = broken?.agencyCollectionCases[0]?.debts[0] as unknown as Record<string, unknown> | undefined;
    if (!debt) throw new Error('fixture changed');
    debt.paidAmount = 'twelve';
    await sim.fault({ method: 'GET', status: 200, body: { result: [broken, second] } });

    const found = await client().readCases({ debtorIds: ['2334545', '2334546'] });

    expect(found.map((read) => [read.agencyCollectionCaseId, read.value])).toEqual([
      ['agency-id-123', { kind: 'unreadable', provider: 'DEBT_COLLECTION', record: 'case agency-id-123', reason: 'debt 0: unreadable amount' }],
      ['agency-id-124', expect.objectContaining({ agencyCollectionCaseId: 'agency-id-124' })],
    ]);
  });

  it('rejects a single case that cannot be read, not retryable: reading again gets the same data', async () => {
    const [first] = debtCollectionFixture.debtors;
    const broken = structuredClone(first);
    const debt = broken?.agencyCollectionCases[0]?.debts[0] as unknown as Record<string, unknown> | undefined;
    if (!debt) throw new Error('fixture changed');
    debt.currency = 'EURO';
    await sim.fault({ method: 'GET', status: 200, body: { result: [broken] } });

    const failure = await failureOf(client().readCase('agency-id-123'));

    expect(failure).toBeInstanceOf(ProviderFailure);
    expect(failure.message).toBe('Debt collection sent data the graph cannot read (case agency-id-123: debt 0: unknown currency).');
    expect(failure.retryable).toBe(false);
  });

  it('carries Retry-After of a rate-limited read', async () => {
    await sim.fault({ method: 'GET', status: 429, retryAfterSeconds: 17, body: { errorMessage: 'Slow down.', errorCode: 'RATE_LIMITED' } });

    const failure = await failureOf(client().readCase('agency-id-123'));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 429, retryAfterSeconds: 17, providerCode: 'RATE_LIMITED' });
    expect(failure.retryable).toBe(true);
  });
});

describe('debt-collection client: update', () => {
  it('sends the update and resolves once the provider accepted it; a replay writes nothing more', async () => {
    const dc = client();

    await dc.update(payment());
    await dc.update(payment());

    expect(await writes()).toHaveLength(1);
    const kase = await dc.readCase('agency-id-123');
    expect(kase?.debts[0]?.paidAmount).toEqual({ amount: '40.00', currency: 'EUR' });
    expect(routesOf(await sim.requests())).toEqual([
      'POST /v1/debt-collection/update',
      'POST /v1/debt-collection/update',
      'GET /v1/debt-collection/cases',
    ]);
  });

  it('surfaces a reused requestId as 409 REQUEST_ID_REUSED', async () => {
    const dc = client();
    await dc.update(payment('40'));

    const failure = await failureOf(dc.update(payment('41')));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 409, providerCode: 'REQUEST_ID_REUSED' });
    expect(failure.retryable).toBe(false);
  });

  it('surfaces a closed case as 409 CASE_CLOSED', async () => {
    const failure = await failureOf(
      client().update({
        ...payment(),
        debtorId: '2334547',
        agencyCollectionCaseId: 'agency-id-125',
        publicCollectionCaseId: 'case-closed-1',
        collectionCaseIds: ['123e4567-e89b-42d3-a456-556642440003'],
        debts: [{ debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0004', originalAmount: '60', canceledAmount: '0', paidAmount: '60', currency: 'EUR', block: null }],
      }),
    );

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 409, providerCode: 'CASE_CLOSED' });
  });

  it('surfaces a 400 with the reference and the traceId of the error body', async () => {
    const wrong = payment();
    const failure = await failureOf(
      client().update({ ...wrong, debts: [wrong.debts[0]!, { ...wrong.debts[1]!, originalAmount: '6' }] }),
    );

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 400 });
    const body = errorBodyOf(failure);
    expect(body?.reference).toBe('debtors[0].agencyCollectionCases[0].debts[1].originalAmount');
    expect(body?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(failure.retryable).toBe(false);
  });

  it('surfaces an unknown debt as 404', async () => {
    const wrong = payment();
    const failure = await failureOf(client().update({ ...wrong, debts: [{ ...wrong.debts[0]!, debtId: 'no-such-debt' }] }));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 404 });
  });

  it('surfaces a 500 as retryable', async () => {
    await sim.fault({ method: 'POST', status: 500, body: { errorMessage: 'Oops.', errorCode: 'INTERNAL_ERROR', traceId: 't-1' } });

    const failure = await failureOf(client().update(payment()));

    expect(failure.detail).toMatchObject({ kind: 'http_status', status: 500, providerCode: 'INTERNAL_ERROR' });
    expect(failure.retryable).toBe(true);
    expect(errorBodyOf(failure)?.traceId).toBe('t-1');
  });

  it('does not take a 200 that does not confirm our requestId for an accepted write', async () => {
    await sim.fault({ method: 'POST', status: 200, body: { requestId: 'someone-else' } });
    const other = await failureOf(client().update(payment()));
    await sim.fault({ method: 'POST', status: 200, body: 'ok' });
    const junk = await failureOf(client().update(payment()));

    for (const failure of [other, junk]) {
      expect(failure.detail).toEqual({ kind: 'invalid_body', reason: 'update answer without our requestId' });
    }
  });

  it('sends nothing when an amount would not survive a JSON number', async () => {
    await expect(client().update(payment('12345678901234567.89'))).rejects.toThrow(RangeError);

    expect(await sim.requests()).toEqual([]);
  });
});
