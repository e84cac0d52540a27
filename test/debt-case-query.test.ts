/**
 * Debt-collection reads through GraphQL over HTTP against the simulator: the case shape with
 * exact money, how filters combine, batching into provider calls of at most 50 ids, and the
 * entities a router resolves through `_entities`.
 */
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await stack.sims.debtCollection.clearRequests();
  await stack.sims.debtCollection.clearFaults();
});

const CASE_FIELDS = `
  agencyCollectionCaseId publicCollectionCaseId collectionCaseIds isClosed
  debtor { debtorId block { limitType endDate } }
  debts {
    debtId type block { limitType endDate }
    originalAmount { amount currency } paidAmount { amount currency }
    canceledAmount { amount currency } openAmount { amount currency }
  }
  closure { type date reason rejectionReason writeOffRemainingDebts options { key value } }
  totals { currency original { amount currency } paid { amount } canceled { amount } open { amount } }`;

/** The ids query parameters of the cases reads the simulator received, per call. */
async function casesCalls(): Promise<Record<string, string>[]> {
  return (await stack.sims.debtCollection.requests())
    .filter((request) => request.method === 'GET' && request.path === '/v1/debt-collection/cases')
    .map((request) => request.query);
}

describe('Query.debtCase', () => {
  it('answers a case with exact money in its currency, open amounts and totals', async () => {
    const answer = await stack.gql(`{ debtCase(agencyCollectionCaseId: "agency-id-123") { ${CASE_FIELDS} } }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      debtCase: {
        agencyCollectionCaseId: 'agency-id-123',
        publicCollectionCaseId: 'case-john-wayne-1',
        collectionCaseIds: ['123e4567-e89b-42d3-a456-556642440000'],
        isClosed: false,
        debtor: { debtorId: '2334545', block: null },
        debts: [
          {
            debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001',
            type: 'PRINCIPAL_CLAIM',
            block: null,
            originalAmount: { amount: '100.00', currency: 'EUR' },
            paidAmount: { amount: '0.00', currency: 'EUR' },
            canceledAmount: { amount: '0.00', currency: 'EUR' },
            openAmount: { amount: '100.00', currency: 'EUR' },
          },
          {
            debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002',
            type: 'DUNNING_FEE',
            block: null,
            originalAmount: { amount: '5.50', currency: 'EUR' },
            paidAmount: { amount: '0.00', currency: 'EUR' },
            canceledAmount: { amount: '0.00', currency: 'EUR' },
            openAmount: { amount: '5.50', currency: 'EUR' },
          },
        ],
        closure: null,
        totals: [
          {
            currency: 'EUR',
            original: { amount: '105.50', currency: 'EUR' },
            paid: { amount: '0.00' },
            canceled: { amount: '0.00' },
            open: { amount: '105.50' },
          },
        ],
      },
    });
    expect(await casesCalls()).toEqual([{ agencyCollectionCaseId: 'agency-id-123' }]);
  });

  it('shows blocks, a closed case and a currency without minor units', async () => {
    const answer = await stack.gql(`{
      blocked: debtCase(agencyCollectionCaseId: "agency-id-124") { debtor { block { limitType endDate } } debts { block { limitType endDate } openAmount { amount } } }
      closed: debtCase(agencyCollectionCaseId: "agency-id-125") { isClosed closure { type date reason rejectionReason writeOffRemainingDebts options { key } } }
      yen: debtCase(agencyCollectionCaseId: "agency-id-126") { totals { currency original { amount currency } } }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      blocked: {
        debtor: { block: { limitType: 'LIMITED', endDate: '2027-06-30' } },
        debts: [{ block: { limitType: 'UNLIMITED', endDate: '2099-12-31' }, openAmount: { amount: '199.90' } }],
      },
      closed: {
        isClosed: true,
        closure: { type: 'POSITIVE', date: '2026-10-15', reason: null, rejectionReason: null, writeOffRemainingDebts: false, options: [] },
      },
      yen: { totals: [{ currency: 'JPY', original: { amount: '1200', currency: 'JPY' } }] },
    });
    // Three cases asked for in one operation: one provider call.
    const calls = await casesCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.agencyCollectionCaseId?.split(',').sort()).toEqual(['agency-id-124', 'agency-id-125', 'agency-id-126']);
  });

  it('answers null for an unknown case, and for an id that cannot exist without asking the provider', async () => {
    const answer = await stack.gql(`{
      unknown: debtCase(agencyCollectionCaseId: "agency-id-999") { agencyCollectionCaseId }
      malformed: debtCase(agencyCollectionCaseId: "agency-id-123,agency-id-124") { agencyCollectionCaseId }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ unknown: null, malformed: null });
    expect(await casesCalls()).toEqual([{ agencyCollectionCaseId: 'agency-id-999' }]);
  });

  it('fails the field with a PROVIDER_ERROR when the provider fails', async () => {
    // Every attempt fails: the first and the policy's 2 retries.
    await stack.sims.debtCollection.fault({ method: 'GET', path: '/v1/debt-collection/cases', status: 500, times: 3 });

    const answer = await stack.gql(`{ debtCase(agencyCollectionCaseId: "agency-id-123") { agencyCollectionCaseId } }`);

    expect(answer.data).toEqual({ debtCase: null });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'DEBT_COLLECTION', retryable: true });
  });
});

describe('Query.debtCases', () => {
  it('refuses a query without any filter as BAD_USER_INPUT, asking the provider nothing', async () => {
    const answer = await stack.gql(`{ debtCases { agencyCollectionCaseId } }`);

    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: [], code: 'FILTER_REQUIRED' }],
    });
    expect(await casesCalls()).toEqual([]);
  });

  it('refuses ids that would split the comma-separated parameter', async () => {
    const answer = await stack.gql(`{ debtCases(debtorIds: ["2334545,2334546"]) { agencyCollectionCaseId } }`);

    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['debtorIds', '0'], code: 'INVALID_FORMAT' }],
    });
    expect(await casesCalls()).toEqual([]);
  });

  it("lists a debtor's cases, and combines filters with AND", async () => {
    const answer = await stack.gql(`{
      byDebtor: debtCases(debtorIds: ["2334546", "2334547"]) { agencyCollectionCaseId }
      both: debtCases(debtorIds: ["2334546"], agencyCollectionCaseIds: ["agency-id-124", "agency-id-125"]) { agencyCollectionCaseId }
      byCollectionCase: debtCases(collectionCaseIds: ["123e4567-e89b-42d3-a456-556642440001", "123e4567-e89b-42d3-a456-556642440002"]) { agencyCollectionCaseId }
      none: debtCases(debtorIds: []) { agencyCollectionCaseId }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      byDebtor: [{ agencyCollectionCaseId: 'agency-id-124' }, { agencyCollectionCaseId: 'agency-id-125' }],
      both: [{ agencyCollectionCaseId: 'agency-id-124' }],
      // Two collection case ids of one case: the case once.
      byCollectionCase: [{ agencyCollectionCaseId: 'agency-id-124' }],
      none: [],
    });
  });

  it('splits 60 case ids into exactly 2 provider calls of at most 50 ids', async () => {
    const ids = [
      'agency-id-123',
      'agency-id-124',
      'agency-id-125',
      'agency-id-126',
      ...Array.from({ length: 56 }, (_, index) => `unknown-${index}`),
    ];

    const answer = await stack.gql(`query Cases($ids: [ID!]) { debtCases(agencyCollectionCaseIds: $ids) { agencyCollectionCaseId } }`, {
      ids,
    });

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.debtCases).toEqual(ids.slice(0, 4).map((agencyCollectionCaseId) => ({ agencyCollectionCaseId })));
    const calls = await casesCalls();
    expect(calls.map((call) => call.agencyCollectionCaseId?.split(',').length)).toEqual([50, 10]);
    expect(new Set(calls.flatMap((call) => call.agencyCollectionCaseId?.split(',') ?? [])).size).toBe(60);
  });
});

describe('federation entities', () => {
  const ENTITIES = `
    query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Debtor { debtorId block { limitType endDate } cases { agencyCollectionCaseId } }
        ... on DebtCase { agencyCollectionCaseId debtor { debtorId } }
      }
    }`;

  it('resolves Debtor and DebtCase references, null for unknown ones', async () => {
    const answer = await stack.gql(ENTITIES, {
      representations: [
        { __typename: 'Debtor', debtorId: '2334546' },
        { __typename: 'Debtor', debtorId: '9999999' },
        { __typename: 'DebtCase', agencyCollectionCaseId: 'agency-id-126' },
        { __typename: 'DebtCase', agencyCollectionCaseId: 'agency-id-999' },
      ],
    });

    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual([
      { debtorId: '2334546', block: { limitType: 'LIMITED', endDate: '2027-06-30' }, cases: [{ agencyCollectionCaseId: 'agency-id-124' }] },
      null,
      { agencyCollectionCaseId: 'agency-id-126', debtor: { debtorId: '2334548' } },
      null,
    ]);
    // One read per kind of key, each batched.
    expect((await casesCalls()).map((call) => Object.keys(call))).toEqual([['debtorId'], ['agencyCollectionCaseId']]);
  });

  it('resolves 60 DebtCase representations with 2 provider calls of at most 50 ids', async () => {
    const ids = ['agency-id-123', 'agency-id-124', ...Array.from({ length: 58 }, (_, index) => `unknown-${index}`)];

    const answer = await stack.gql(ENTITIES, {
      representations: ids.map((agencyCollectionCaseId) => ({ __typename: 'DebtCase', agencyCollectionCaseId })),
    });

    expect(answer.errors).toBeUndefined();
    const entities = answer.data?._entities as unknown[];
    expect(entities.slice(0, 2)).toEqual([
      { agencyCollectionCaseId: 'agency-id-123', debtor: { debtorId: '2334545' } },
      { agencyCollectionCaseId: 'agency-id-124', debtor: { debtorId: '2334546' } },
    ]);
    expect(entities.slice(2).every((entity) => entity === null)).toBe(true);
    expect((await casesCalls()).map((call) => call.agencyCollectionCaseId?.split(',').length)).toEqual([50, 10]);
  });

  it('publishes the entity keys in the SDL', async () => {
    const answer = await stack.gql('{ _service { sdl } }');
    const sdl = (answer.data as { _service: { sdl: string } })._service.sdl;

    expect(sdl).toMatch(/type DebtCase\s+@key\(fields: "agencyCollectionCaseId"\)/);
    expect(sdl).toMatch(/type Debtor\s+@key\(fields: "debtorId"\)/);
  });
});
