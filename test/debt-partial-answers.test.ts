/**
 * Issue 14, items 3 to 5 for debt collection, GraphQL over HTTP against the simulator: one case
 * that cannot be read is null in its place (never the whole list), messy provider data is read
 * (test/fixtures/debt-collection-messy.json), a stored negative amount does not block later
 * updates, and ISO 4217 gives HUF its two decimals.
 */
import messy from './fixtures/debt-collection-messy.json';
import type { RawDebtorCases } from '../src/providers/debt-collection/raw';
import { debtCollectionFixture } from '../tools/simulators/fixtures';
import { startStack, type StackOptions, type TestStack } from './support/stack';

let stack: TestStack;

async function start(options: StackOptions = {}): Promise<void> {
  stack = await startStack(options);
}
afterEach(async () => {
  await stack.close();
});

const CASES_PATH = '/v1/debt-collection/cases';
const DEBT_1 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001';
const DEBT_2 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002';

/** The cases read answers the messy fixture (every read, until cleared). */
async function messyCasesRead(): Promise<void> {
  await stack.sims.debtCollection.fault({ method: 'GET', path: CASES_PATH, phase: 'after', status: 200, body: messy, times: 0 });
}

const CASES = `query Cases($ids: [ID!]) {
  debtCases(agencyCollectionCaseIds: $ids) {
    agencyCollectionCaseId publicCollectionCaseId isClosed
    closure { type date }
    debts { debtId type paidAmount { amount currency } openAmount { amount } }
  }
}`;

describe('debtCases with one case that cannot be read', () => {
  beforeEach(() => start());

  it('is null in that place with a PROVIDER_ERROR naming the case (not retryable); the other cases stay', async () => {
    await messyCasesRead();

    const answer = await stack.gql(CASES, { ids: ['agency-id-123', 'agency-id-126', 'agency-id-125'] });

    expect(answer.data?.debtCases).toEqual([
      expect.objectContaining({ agencyCollectionCaseId: 'agency-id-123' }),
      null,
      expect.objectContaining({ agencyCollectionCaseId: 'agency-id-125' }),
    ]);
    expect(answer.errors).toEqual([
      {
        message: 'Debt collection sent data the graph cannot read (case agency-id-126: debt 0: unknown currency).',
        path: ['debtCases', 1],
        locations: expect.any(Array) as unknown,
        extensions: { code: 'PROVIDER_ERROR', provider: 'DEBT_COLLECTION', retryable: false },
      },
    ]);
  });

  it('keeps the other root fields of the operation, and nulls only that case in Debtor.cases', async () => {
    await messyCasesRead();

    const answer = await stack.gql(`{
      one: debtCase(agencyCollectionCaseId: "agency-id-124") { agencyCollectionCaseId }
      broken: debtCase(agencyCollectionCaseId: "agency-id-126") { agencyCollectionCaseId }
      _entities(representations: [{ __typename: "Debtor", debtorId: "2334548" }, { __typename: "Debtor", debtorId: "2334545" }]) {
        ... on Debtor { debtorId block { limitType } cases { agencyCollectionCaseId } }
      }
    }`);

    expect(answer.data).toEqual({
      one: { agencyCollectionCaseId: 'agency-id-124' },
      broken: null,
      _entities: [
        // The debtor is shown (its block is readable); only its unreadable case is null.
        { debtorId: '2334548', block: null, cases: [null] },
        { debtorId: '2334545', block: null, cases: [{ agencyCollectionCaseId: 'agency-id-123' }] },
      ],
    });
    expect(answer.errors?.map((error) => error.path?.join('.')).sort()).toEqual(['_entities.0.cases.0', 'broken']);
  });

  it('answers an update of that case with a ProviderError that is not retryable, and sends nothing', async () => {
    await messyCasesRead();

    const answer = await stack.gql(
      `mutation { updateCollectionCase(input: { agencyCollectionCaseId: "agency-id-126", debtorBlock: { limitType: DISABLED } }) {
        __typename ... on ProviderError { message retryable }
      } }`,
    );

    expect(answer.data?.updateCollectionCase).toEqual({
      __typename: 'ProviderError',
      message: 'Debt collection sent data the graph cannot read (case agency-id-126: debt 0: unknown currency).',
      retryable: false,
    });
    expect((await stack.sims.debtCollection.requests()).filter((request) => request.method === 'POST')).toEqual([]);
  });
});

describe('reading messy provider data', () => {
  beforeEach(() => start());

  it('reads string amounts, a stored negative, missing optional parts and a closure it cannot fully read', async () => {
    await messyCasesRead();

    const answer = await stack.gql(CASES, { ids: ['agency-id-123', 'agency-id-124', 'agency-id-125'] });

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.debtCases).toEqual([
      {
        agencyCollectionCaseId: 'agency-id-123',
        publicCollectionCaseId: null,
        isClosed: false,
        closure: null,
        debts: [
          { debtId: DEBT_1, type: null, paidAmount: { amount: '-5.00', currency: 'EUR' }, openAmount: { amount: '105.00' } },
          { debtId: DEBT_2, type: null, paidAmount: { amount: '0.00', currency: 'EUR' }, openAmount: { amount: '5.50' } },
        ],
      },
      {
        agencyCollectionCaseId: 'agency-id-124',
        publicCollectionCaseId: '4711',
        isClosed: false,
        closure: null,
        debts: [{ debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0003', type: 'SALE', paidAmount: { amount: '50.00', currency: 'HUF' }, openAmount: { amount: '199.90' } }],
      },
      {
        agencyCollectionCaseId: 'agency-id-125',
        publicCollectionCaseId: null,
        isClosed: true,
        closure: { type: null, date: null },
        debts: [{ debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0004', type: null, paidAmount: { amount: '60.00', currency: 'EUR' }, openAmount: { amount: '0.00' } }],
      },
    ]);
  });
});

/** The fixture's first debtor (agency-id-123), its first debt as the provider stores it after a reversal. */
function debtorWithNegativePayment(): RawDebtorCases[] {
  const debtors = structuredClone(debtCollectionFixture.debtors) as RawDebtorCases[];
  const debt = debtors[0]?.agencyCollectionCases[0]?.debts[0];
  if (!debt) throw new Error('fixture changed');
  debt.paidAmount = -5;
  return debtors;
}

const UPDATE = `mutation Update($input: UpdateCollectionCaseInput!) {
  updateCollectionCase(input: $input) {
    __typename
    ... on ValidationError { fieldErrors { path code } }
    ... on UpdateCollectionCaseSuccess { debtCase { debts { debtId paidAmount { amount } } } }
  }
}`;

describe('a stored negative amount', () => {
  beforeEach(() => start({ debtCollectionSimulator: { debtors: debtorWithNegativePayment() } }));

  it('does not fail an update of another debt of the case: it is sent back as stored', async () => {
    const answer = await stack.gql(UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_2, paidAmount: '5.50', canceledAmount: '0' }] } });

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.updateCollectionCase).toEqual({
      __typename: 'UpdateCollectionCaseSuccess',
      debtCase: { debts: [{ debtId: DEBT_1, paidAmount: { amount: '-5.00' } }, { debtId: DEBT_2, paidAmount: { amount: '5.50' } }] },
    });
  });

  it('may be sent back by the caller as it is, while a new negative amount is refused before anything is sent', async () => {
    const same = await stack.gql(UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '-5', canceledAmount: '10' }] } });
    expect(same.data?.updateCollectionCase).toMatchObject({ __typename: 'UpdateCollectionCaseSuccess' });

    await stack.sims.debtCollection.clearRequests();
    const other = await stack.gql(UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '-6', canceledAmount: '10' }] } });
    expect(other.data?.updateCollectionCase).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'debts', '0', 'paidAmount'], code: 'NEGATIVE' }],
    });
    expect((await stack.sims.debtCollection.requests()).filter((request) => request.method === 'POST')).toEqual([]);
  });
});

describe('ISO 4217 minor units', () => {
  function inCurrency(currency: string, originalAmount: number): RawDebtorCases[] {
    const debtors = structuredClone(debtCollectionFixture.debtors) as RawDebtorCases[];
    const debt = debtors[0]?.agencyCollectionCases[0]?.debts[0];
    if (!debt) throw new Error('fixture changed');
    debt.currency = currency;
    debt.originalAmount = originalAmount;
    return debtors;
  }

  const pay = (paidAmount: string) =>
    stack.gql(UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount, canceledAmount: '0' }] } });

  it('accepts a HUF payment of 100.50 (HUF has 2 decimals in ISO 4217, 0 in Intl/CLDR)', async () => {
    await start({ debtCollectionSimulator: { debtors: inCurrency('HUF', 1000) } });

    const answer = await pay('100.50');

    expect(answer.data?.updateCollectionCase).toMatchObject({
      __typename: 'UpdateCollectionCaseSuccess',
      debtCase: { debts: [{ debtId: DEBT_1, paidAmount: { amount: '100.50' } }, expect.anything()] },
    });
  });

  it.each([
    ['JPY', 1200, '100', '100.5'],
    ['BHD', 10, '1.005', '1.0005'],
    ['CLF', 10, '1.0005', '1.00005'],
  ])('takes %s amounts to its ISO decimals and refuses one more', async (currency, original, fits, tooPrecise) => {
    await start({ debtCollectionSimulator: { debtors: inCurrency(currency, original) } });

    expect((await pay(fits)).data?.updateCollectionCase).toMatchObject({ __typename: 'UpdateCollectionCaseSuccess' });
    expect((await pay(tooPrecise)).data?.updateCollectionCase).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'debts', '0', 'paidAmount'], code: 'TOO_MANY_DECIMALS' }],
    });
  });
});
