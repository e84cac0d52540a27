/**
 * `updateCollectionCase` and `closeCollectionCase` through GraphQL over HTTP against the
 * debt-collection simulator: exact money, blocks never dropped by accident, nothing sent for
 * invalid input, idempotent requestIds, and every failure as a typed result.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../src/infra/logger';
import { startStack, type StackOptions, type TestStack } from './support/stack';

let stack: TestStack;

async function restart(options: StackOptions = {}): Promise<void> {
  await stack.close();
  stack = await startStack(options);
}

beforeEach(async () => {
  // A fresh simulator per test: updates change its data.
  stack = await startStack();
});
afterEach(async () => {
  await stack.close();
});

const DEBT_1 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001'; // agency-id-123, 100.00 EUR
const DEBT_2 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002'; // agency-id-123, 5.50 EUR
const DEBT_3 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0003'; // agency-id-124, 249.90 EUR, 50.00 paid, UNLIMITED block
const DEBT_5 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0005'; // agency-id-126, 1200 JPY
const REQUEST_ID = 'fc336b0b-409c-4c66-a26d-ab25b87dcb8f';
/** Yesterday in UTC: a closure date that is valid whenever the test runs. */
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const RESULT_FIELDS = `
  __typename
  ... on ResultError { message }
  ... on ValidationError { fieldErrors { path code message } }
  ... on NotFoundError { resource id }
  ... on RateLimitedError { retryAfterSeconds }
  ... on ProviderError { provider retryable providerRetryAfterSeconds: retryAfterSeconds providerCode }`;
// Int! here and Int on ProviderError: one selection cannot ask both under the same name.

const CASE_FIELDS = `
  agencyCollectionCaseId isClosed
  debtor { debtorId block { limitType endDate } }
  debts { debtId block { limitType endDate } paidAmount { amount currency } canceledAmount { amount } openAmount { amount } }
  closure { type date reason rejectionReason writeOffRemainingDebts }
  totals { currency original { amount } paid { amount } canceled { amount } open { amount } }`;

const CLOSE = `
  mutation Close($input: CloseCollectionCaseInput!) {
    closeCollectionCase(input: $input) {
      ${RESULT_FIELDS}
      ... on CloseCollectionCaseSuccess { requestId debtCase { ${CASE_FIELDS} } }
    }
  }`;

const UPDATE = `
  mutation Update($input: UpdateCollectionCaseInput!) {
    updateCollectionCase(input: $input) {
      ${RESULT_FIELDS}
      ... on UpdateCollectionCaseSuccess { requestId debtCase { ${CASE_FIELDS} } }
    }
  }`;

async function close(input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await stack.gql(CLOSE, { input });
  expect(answer.errors).toBeUndefined();
  return answer.data?.closeCollectionCase as Record<string, unknown>;
}

async function update(input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await stack.gql(UPDATE, { input });
  expect(answer.errors).toBeUndefined();
  return answer.data?.updateCollectionCase as Record<string, unknown>;
}

/** The bodies of the updates the simulator received. */
async function posts(): Promise<unknown[]> {
  return (await stack.sims.debtCollection.requests())
    .filter((request) => request.method === 'POST' && request.path === '/v1/debt-collection/update')
    .map((request) => request.body);
}

/** The updates the simulator applied. */
async function writes(): Promise<{ requestId: string }[]> {
  const res = await fetch(`${stack.simulatorUrls.debtCollection}/__sim/writes`);
  return ((await res.json()) as { writes: { requestId: string }[] }).writes;
}

async function readCase(id: string): Promise<unknown> {
  const answer = await stack.gql(`query Case($id: ID!) { debtCase(agencyCollectionCaseId: $id) { ${CASE_FIELDS} } }`, { id });
  expect(answer.errors).toBeUndefined();
  return answer.data?.debtCase;
}

describe('Mutation.closeCollectionCase', () => {
  it('closes a case with payments: exact totals, numbers on the wire, the case closed', async () => {
    const result = await close({
      agencyCollectionCaseId: 'agency-id-123',
      debts: [
        { debtId: DEBT_1, paidAmount: '100.00', canceledAmount: '0' },
        { debtId: DEBT_2, paidAmount: '5.5', canceledAmount: '0' },
      ],
      closure: { type: 'POSITIVE', date: YESTERDAY, reason: 'paid in full' },
    });

    expect(result).toMatchObject({
      __typename: 'CloseCollectionCaseSuccess',
      debtCase: {
        agencyCollectionCaseId: 'agency-id-123',
        isClosed: true,
        closure: { type: 'POSITIVE', date: YESTERDAY, reason: 'paid in full', rejectionReason: null, writeOffRemainingDebts: false },
        totals: [{ currency: 'EUR', original: { amount: '105.50' }, paid: { amount: '105.50' }, canceled: { amount: '0.00' }, open: { amount: '0.00' } }],
      },
    });
    expect(result.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await posts()).toEqual([
      {
        requestId: result.requestId,
        debtors: [
          {
            debtorId: '2334545',
            agencyCollectionCases: [
              {
                agencyCollectionCaseId: 'agency-id-123',
                publicCollectionCaseId: 'case-john-wayne-1',
                collectionCaseIds: ['123e4567-e89b-42d3-a456-556642440000'],
                closure: { type: 'POSITIVE', date: YESTERDAY, closureReason: 'paid in full' },
                debts: [
                  { debtId: DEBT_1, originalAmount: 100, canceledAmount: 0, paidAmount: 100, currency: 'EUR' },
                  { debtId: DEBT_2, originalAmount: 5.5, canceledAmount: 0, paidAmount: 5.5, currency: 'EUR' },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });

  it("keeps the debtor's LIMITED block and the debt's UNLIMITED block the caller did not mention", async () => {
    const result = await close({
      agencyCollectionCaseId: 'agency-id-124',
      debts: [{ debtId: DEBT_3, paidAmount: '249.90', canceledAmount: '0' }],
      closure: { type: 'POSITIVE', date: YESTERDAY, writeOffRemainingDebts: true },
    });

    expect(result).toMatchObject({ __typename: 'CloseCollectionCaseSuccess', debtCase: { isClosed: true } });
    const [body] = (await posts()) as { debtors: { block?: unknown; agencyCollectionCases: { debts: { block?: unknown }[]; closure: unknown }[] }[] }[];
    expect(body?.debtors[0]?.block).toEqual({ limitType: 'LIMITED', endDate: '2027-06-30' });
    expect(body?.debtors[0]?.agencyCollectionCases[0]?.debts[0]?.block).toEqual({ limitType: 'UNLIMITED', endDate: '2099-12-31' });
    expect(body?.debtors[0]?.agencyCollectionCases[0]?.closure).toEqual({
      type: 'POSITIVE',
      date: YESTERDAY,
      options: [{ key: 'WRITE_OFF_REMAINING_DEBTS', value: 'true' }],
    });
    expect(await readCase('agency-id-124')).toMatchObject({
      debtor: { block: { limitType: 'LIMITED', endDate: '2027-06-30' } },
      debts: [{ block: { limitType: 'UNLIMITED', endDate: '2099-12-31' }, paidAmount: { amount: '249.90' }, openAmount: { amount: '0.00' } }],
      closure: { writeOffRemainingDebts: true },
    });
  });

  it('answers ConflictError for a closed case and sends nothing', async () => {
    const result = await close({ agencyCollectionCaseId: 'agency-id-125', closure: { type: 'NEGATIVE', date: YESTERDAY } });

    expect(result).toEqual({
      __typename: 'ConflictError',
      message: 'The case is closed; a closed case cannot be updated or closed again.',
    });
    expect(await posts()).toEqual([]);
  });

  it('answers NotFoundError for an unknown case', async () => {
    const result = await close({ agencyCollectionCaseId: 'agency-id-999', closure: { type: 'NEGATIVE', date: YESTERDAY } });

    expect(result).toEqual({
      __typename: 'NotFoundError',
      message: 'DebtCase agency-id-999 does not exist.',
      resource: 'DebtCase',
      id: 'agency-id-999',
    });
    expect(await posts()).toEqual([]);
  });

  it('closes a REJECTION with its reason', async () => {
    const result = await close({
      agencyCollectionCaseId: 'agency-id-126',
      closure: { type: 'REJECTION', date: YESTERDAY, rejectionReason: 'NO_COLLECTION_ABROAD_POSSIBLE' },
    });

    expect(result).toMatchObject({
      __typename: 'CloseCollectionCaseSuccess',
      debtCase: { closure: { type: 'REJECTION', rejectionReason: 'NO_COLLECTION_ABROAD_POSSIBLE' }, totals: [{ currency: 'JPY', open: { amount: '1200' } }] },
    });
  });
});

describe('invalid input: a ValidationError with input paths, and nothing sent', () => {
  const cases: [string, string, Record<string, unknown>, { path: string[]; code: string }[]][] = [
    [
      'a REJECTION without a rejectionReason',
      CLOSE,
      { agencyCollectionCaseId: 'agency-id-123', closure: { type: 'REJECTION', date: YESTERDAY } },
      [{ path: ['input', 'closure', 'rejectionReason'], code: 'REQUIRED' }],
    ],
    [
      'a rejectionReason without REJECTION',
      CLOSE,
      { agencyCollectionCaseId: 'agency-id-123', closure: { type: 'NEGATIVE', date: YESTERDAY, rejectionReason: 'FRAUD' } },
      [{ path: ['input', 'closure', 'rejectionReason'], code: 'NOT_ALLOWED' }],
    ],
    [
      'a closure date in the future',
      CLOSE,
      { agencyCollectionCaseId: 'agency-id-123', closure: { type: 'POSITIVE', date: '2099-01-01' } },
      [{ path: ['input', 'closure', 'date'], code: 'IN_FUTURE' }],
    ],
    [
      'canceled + paid above the original amount',
      UPDATE,
      { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_2, paidAmount: '3', canceledAmount: '2.51' }] },
      [{ path: ['input', 'debts', '0', 'canceledAmount'], code: 'EXCEEDS_ORIGINAL' }],
    ],
    [
      'three decimals on EUR',
      UPDATE,
      { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '10.005', canceledAmount: '0' }] },
      [{ path: ['input', 'debts', '0', 'paidAmount'], code: 'TOO_MANY_DECIMALS' }],
    ],
    [
      'one decimal on JPY',
      UPDATE,
      { agencyCollectionCaseId: 'agency-id-126', debts: [{ debtId: DEBT_5, paidAmount: '100.5', canceledAmount: '0' }] },
      [{ path: ['input', 'debts', '0', 'paidAmount'], code: 'TOO_MANY_DECIMALS' }],
    ],
    [
      'more significant digits than a JSON number carries',
      UPDATE,
      { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '1234567890123456', canceledAmount: '0' }] },
      [{ path: ['input', 'debts', '0', 'paidAmount'], code: 'TOO_PRECISE' }],
    ],
    [
      'a LIMITED block without an end date',
      UPDATE,
      { agencyCollectionCaseId: 'agency-id-123', debtorBlock: { limitType: 'LIMITED' } },
      [{ path: ['input', 'debtorBlock', 'endDate'], code: 'REQUIRED' }],
    ],
  ];

  it.each(cases)('refuses %s', async (_name, mutation, input, expected) => {
    const answer = await stack.gql(mutation, { input });

    expect(answer.errors).toBeUndefined();
    const result = Object.values(answer.data ?? {})[0] as { __typename: string; fieldErrors: { path: string[]; code: string }[] };
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors.map(({ path, code }) => ({ path, code }))).toEqual(expected);
    expect(await posts()).toEqual([]);
  });

  it('answers NotFoundError naming the debt for a debt of another case, not the case', async () => {
    const result = await update({
      agencyCollectionCaseId: 'agency-id-123',
      debts: [
        { debtId: DEBT_1, paidAmount: '1', canceledAmount: '0' },
        { debtId: DEBT_5, paidAmount: '1', canceledAmount: '0' },
      ],
    });

    expect(result).toEqual({
      __typename: 'NotFoundError',
      message: `Debt ${DEBT_5} is not a debt of case agency-id-123.`,
      resource: 'Debt',
      id: DEBT_5,
    });
    expect(await posts()).toEqual([]);
  });

  it('accepts an overpayment when nothing is canceled', async () => {
    const result = await update({ agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_2, paidAmount: '7.25', canceledAmount: '0' }] });

    expect(result).toMatchObject({
      __typename: 'UpdateCollectionCaseSuccess',
      debtCase: { isClosed: false, totals: [{ paid: { amount: '7.25' }, open: { amount: '100.00' } }] },
    });
  });
});

describe('Mutation.updateCollectionCase', () => {
  it('reports a payment and keeps the case open and the other debt unchanged', async () => {
    const result = await update({
      requestId: REQUEST_ID,
      agencyCollectionCaseId: 'agency-id-123',
      debts: [{ debtId: DEBT_1, paidAmount: '33.33', canceledAmount: '10.00' }],
    });

    expect(result).toMatchObject({
      __typename: 'UpdateCollectionCaseSuccess',
      requestId: REQUEST_ID,
      debtCase: {
        isClosed: false,
        closure: null,
        debts: [
          { debtId: DEBT_1, paidAmount: { amount: '33.33', currency: 'EUR' }, canceledAmount: { amount: '10.00' }, openAmount: { amount: '56.67' } },
          { debtId: DEBT_2, paidAmount: { amount: '0.00', currency: 'EUR' }, openAmount: { amount: '5.50' } },
        ],
      },
    });
  });

  it('removes a block only when asked with {limitType: DISABLED}', async () => {
    const result = await update({ agencyCollectionCaseId: 'agency-id-124', debtorBlock: { limitType: 'DISABLED' } });

    expect(result).toMatchObject({
      __typename: 'UpdateCollectionCaseSuccess',
      debtCase: { debtor: { block: null }, debts: [{ block: { limitType: 'UNLIMITED', endDate: '2099-12-31' } }] },
    });
    const [body] = (await posts()) as { debtors: Record<string, unknown>[] }[];
    expect(body?.debtors[0]).not.toHaveProperty('block');
    expect(await readCase('agency-id-124')).toMatchObject({ debtor: { block: null } });
  });

  it("sets a new block on a debt and keeps the debtor's", async () => {
    const result = await update({
      agencyCollectionCaseId: 'agency-id-124',
      debts: [{ debtId: DEBT_3, paidAmount: '50', canceledAmount: '0', block: { limitType: 'LIMITED', endDate: '2030-01-31' } }],
    });

    expect(result).toMatchObject({
      __typename: 'UpdateCollectionCaseSuccess',
      debtCase: {
        debtor: { block: { limitType: 'LIMITED', endDate: '2027-06-30' } },
        debts: [{ block: { limitType: 'LIMITED', endDate: '2030-01-31' } }],
      },
    });
  });
});

describe('idempotency', () => {
  const input = {
    requestId: REQUEST_ID,
    agencyCollectionCaseId: 'agency-id-123',
    debts: [{ debtId: DEBT_1, paidAmount: '40', canceledAmount: '0' }],
    closure: { type: 'POSITIVE', date: YESTERDAY },
  };

  it('answers a replayed requestId with the same success and writes once', async () => {
    const first = await close(input);
    // The same input, written differently: same amounts, upper-case requestId.
    const replay = await close({ ...input, requestId: REQUEST_ID.toUpperCase(), debts: [{ debtId: DEBT_1, paidAmount: '40.00', canceledAmount: '0.00' }] });

    expect(first).toMatchObject({ __typename: 'CloseCollectionCaseSuccess', requestId: REQUEST_ID });
    expect(replay).toEqual(first);
    expect(await writes()).toEqual([{ requestId: REQUEST_ID, time: expect.any(String) as string }]);
    expect(await posts()).toHaveLength(1);
  });

  it('writes once for the same request sent twice at the same time', async () => {
    const [a, b] = await Promise.all([close(input), close(input)]);

    expect(a).toMatchObject({ __typename: 'CloseCollectionCaseSuccess' });
    expect(b).toEqual(a);
    // The second waited for the first and replayed it: one POST, not a second one deduplicated by the provider.
    expect(await posts()).toHaveLength(1);
    expect(await writes()).toHaveLength(1);
  });

  it('answers ConflictError for the same requestId with other amounts', async () => {
    await close(input);

    const reused = await close({ ...input, debts: [{ debtId: DEBT_1, paidAmount: '41', canceledAmount: '0' }] });

    expect(reused).toEqual({ __typename: 'ConflictError', message: `requestId ${REQUEST_ID} was already used for a different update.` });
    expect(await writes()).toHaveLength(1);
  });

  it('lets a failed write be sent again with the same requestId', async () => {
    // Every attempt fails: the first and the policy's 2 retries (same requestId, so never two writes).
    await stack.sims.debtCollection.fault({ method: 'POST', path: '/v1/debt-collection/update', status: 503, times: 3 });

    const failed = await close(input);
    const again = await close(input);

    expect(failed).toMatchObject({ __typename: 'ProviderError', provider: 'DEBT_COLLECTION', retryable: true, providerCode: '503' });
    expect(again).toMatchObject({ __typename: 'CloseCollectionCaseSuccess', requestId: REQUEST_ID });
    expect(await writes()).toHaveLength(1);
  });
});

describe('provider failures', () => {
  const input = { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_2, paidAmount: '1', canceledAmount: '0' }] };

  it('answers RateLimitedError with the seconds the provider asks to wait', async () => {
    // One request a minute, on a fixed clock 15 s into a minute: the next request waits 45 s.
    await restart({ debtCollectionSimulator: { rateLimitPerMinute: 1, now: () => new Date('2026-11-21T12:00:15Z') } });
    await readCase('agency-id-123');

    const result = await update(input);

    expect(result).toEqual({
      __typename: 'RateLimitedError',
      message: 'Debt collection is rate limiting requests.',
      retryAfterSeconds: 45,
    });
    expect(await posts()).toEqual([]);
  });

  it('answers RateLimitedError for a rate-limited write, a minute when no Retry-After came', async () => {
    await stack.sims.debtCollection.fault({ method: 'POST', status: 429, body: { errorMessage: 'Too many requests.', errorCode: 'RATE_LIMITED' } });

    expect(await update(input)).toMatchObject({ __typename: 'RateLimitedError', retryAfterSeconds: 60 });
  });

  it("maps the provider's 400 reference back to the caller's debt index", async () => {
    await stack.sims.debtCollection.fault({
      method: 'POST',
      status: 400,
      body: {
        errorMessage: 'The paid amount is not accepted.',
        errorCode: 'INVALID_VALUE',
        traceId: 'trace-1',
        // The payload lists both debts of the case; DEBT_2 is its second, the caller's first.
        reference: 'debtors[0].agencyCollectionCases[0].debts[1].paidAmount',
      },
    });

    expect(await update(input)).toEqual({
      __typename: 'ValidationError',
      message: 'Invalid input at input.debts.0.paidAmount: The paid amount is not accepted.',
      fieldErrors: [{ path: ['input', 'debts', '0', 'paidAmount'], code: 'REJECTED_BY_PROVIDER', message: 'The paid amount is not accepted.' }],
    });
  });

  it('maps a 400 about a field the caller did not send to ["input"]', async () => {
    await stack.sims.debtCollection.fault({
      method: 'POST',
      status: 400,
      body: { errorMessage: 'Bad original amount.', reference: 'debtors[0].agencyCollectionCases[0].debts[0].originalAmount' },
    });

    expect(await update(input)).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['input'], code: 'REJECTED_BY_PROVIDER' }] });
  });

  it("answers ConflictError for the provider's 409s and NotFoundError for its 404", async () => {
    await stack.sims.debtCollection.fault({ method: 'POST', status: 409, body: { errorMessage: 'Closed.', errorCode: 'CASE_CLOSED' } });
    expect(await update(input)).toEqual({ __typename: 'ConflictError', message: 'The case is closed; a closed case cannot be updated or closed again.' });

    await stack.sims.debtCollection.fault({ method: 'POST', status: 409, body: { errorMessage: 'Reused.', errorCode: 'REQUEST_ID_REUSED' } });
    expect(await update(input)).toEqual({ __typename: 'ConflictError', message: 'The provider already received this requestId with a different update.' });

    await stack.sims.debtCollection.fault({ method: 'POST', status: 404, body: { errorMessage: 'Unknown case.' } });
    expect(await update(input)).toMatchObject({ __typename: 'NotFoundError', resource: 'DebtCase', id: 'agency-id-123' });
  });

  it("names the debt, the debtor or the case the provider's 404 names in its reference", async () => {
    const notFound = async (reference: string) => {
      await stack.sims.debtCollection.fault({ method: 'POST', status: 404, body: { errorMessage: 'Not found.', reference } });
      const result = await update(input);
      return { resource: result.resource, id: result.id, message: result.message };
    };

    // The update sends every debt of the case in the provider's order: DEBT_1, then DEBT_2.
    expect(await notFound('debtors[0].agencyCollectionCases[0].debts[1].debtId')).toEqual({
      resource: 'Debt',
      id: DEBT_2,
      message: `Debt ${DEBT_2} is not a debt of case agency-id-123.`,
    });
    expect(await notFound('debtors[0].debtorId')).toMatchObject({ resource: 'Debtor', id: '2334545' });
    expect(await notFound('debtors[0].agencyCollectionCases[0].agencyCollectionCaseId')).toMatchObject({ resource: 'DebtCase', id: 'agency-id-123' });
  });

  it('answers a non-retryable ProviderError that says to check the credentials on 401', async () => {
    await stack.sims.debtCollection.fault({ method: 'POST', status: 401, body: { errorMessage: 'Invalid API key.' } });

    expect(await update(input)).toEqual({
      __typename: 'ProviderError',
      message: 'Debt collection refused our credentials (HTTP 401); check the configured credentials.',
      provider: 'DEBT_COLLECTION',
      retryable: false,
      providerRetryAfterSeconds: null,
      providerCode: '401',
    });
  });

  it('answers a 403 as the missing write scope, not as bad credentials, with the traceId', async () => {
    await stack.sims.debtCollection.fault({
      method: 'POST',
      status: 403,
      body: { errorMessage: 'Forbidden.', errorCode: 'FORBIDDEN', traceId: 'dd-trace-403' },
    });

    const answer = await stack.gql(
      `mutation Update($input: UpdateCollectionCaseInput!) {
        updateCollectionCase(input: $input) { __typename ... on ProviderError { message retryable providerCode providerReference } }
      }`,
      { input },
    );

    expect(answer.data?.updateCollectionCase).toEqual({
      __typename: 'ProviderError',
      message: 'Debt collection denied this call (HTTP 403): our API key there lacks the DEBT_COLLECTION_WRITE scope this call needs.',
      retryable: false,
      providerCode: 'FORBIDDEN',
      providerReference: 'dd-trace-403',
    });
  });

  it("names the read scope when the case read before the write is refused with 403", async () => {
    await stack.sims.debtCollection.fault({ method: 'GET', status: 403, body: { errorMessage: 'Forbidden.', traceId: 'dd-trace-read' } });

    const result = await update(input);

    expect(result).toMatchObject({
      __typename: 'ProviderError',
      message: 'Debt collection denied this call (HTTP 403): our API key there lacks the DEBT_COLLECTION_READ scope this call needs.',
      retryable: false,
    });
    expect(await posts()).toEqual([]);
  });
});

describe('logging', () => {
  it("logs the provider's traceId with the warning, and no case id, debtor id or amount", async () => {
    const lines: string[] = [];
    const capture = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    await restart({ logger: createLogger({ level: 'info', destination: capture }) });
    await stack.sims.debtCollection.fault({
      method: 'POST',
      status: 500,
      times: 3, // the first attempt and the policy's 2 retries
      body: { errorMessage: 'Internal error for debtor 2334545.', traceId: 'dd-trace-42' },
    });

    const result = await update({ agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_2, paidAmount: '4.75', canceledAmount: '0' }] });

    expect(result).toMatchObject({ __typename: 'ProviderError', retryable: true, providerCode: '500' });
    const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.level === 40);
    expect(warnings).toEqual([
      expect.objectContaining({ provider: 'DEBT_COLLECTION', mutation: 'updateCollectionCase', stage: 'write', status: 500, traceId: 'dd-trace-42' }),
    ]);
    const log = lines.join('\n');
    for (const secret of ['agency-id-123', '2334545', DEBT_2, '4.75']) expect(log).not.toContain(secret);
  });
});
