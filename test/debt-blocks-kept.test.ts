/**
 * Issue 14, item 1: a block is never removed unless the caller asks (`{limitType: DISABLED}`),
 * also when the provider's cases read does not state the blocks. GraphQL over HTTP against the
 * debt-collection simulator; the cases read is answered WITHOUT block fields by the simulator's
 * fault injection (`phase: "after"` with a `body`), as a provider whose answer shape we only read
 * could send it.
 */
import type { RawDebtorCases } from '../src/providers/debt-collection/raw';
import { debtCollectionFixture } from '../tools/simulators/fixtures';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;

beforeEach(async () => {
  stack = await startStack();
});
afterEach(async () => {
  await stack.close();
});

const CASES_PATH = '/v1/debt-collection/cases';
const DEBTOR = '2334546'; // LIMITED until 2027-06-30
const DEBT_3 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0003'; // agency-id-124: UNLIMITED until 2099-12-31
const DEBTOR_BLOCK = { limitType: 'LIMITED', endDate: '2027-06-30' };
const DEBT_BLOCK = { limitType: 'UNLIMITED', endDate: '2099-12-31' };

/** The fixture's debtor as a cases read that states no block at all: no `block` field anywhere. */
function withoutBlockFields(debtorId: string): { result: unknown[] } {
  const debtor = debtCollectionFixture.debtors.find((candidate) => candidate.debtorId === debtorId);
  if (!debtor) throw new Error('fixture changed');
  const { block: _debtorBlock, ...rest } = structuredClone<RawDebtorCases>(debtor);
  return {
    result: [
      {
        ...rest,
        agencyCollectionCases: rest.agencyCollectionCases.map((kase) => ({
          ...kase,
          debts: kase.debts.map(({ block: _block, ...debt }) => debt),
        })),
      },
    ],
  };
}

/** The cases read answers without block fields; `times` reads (0: until cleared). */
async function casesReadWithoutBlocks(times: number): Promise<void> {
  await stack.sims.debtCollection.fault({ method: 'GET', path: CASES_PATH, phase: 'after', status: 200, body: withoutBlockFields(DEBTOR), times });
}

const UPDATE = `
  mutation Update($input: UpdateCollectionCaseInput!) {
    updateCollectionCase(input: $input) {
      __typename
      ... on ResultError { message }
      ... on ProviderError { retryable providerCode }
      ... on UpdateCollectionCaseSuccess { debtCase { debtor { block { limitType endDate } } debts { debtId block { limitType endDate } paidAmount { amount } } } }
    }
  }`;

const PAYMENT = { agencyCollectionCaseId: 'agency-id-124', debts: [{ debtId: DEBT_3, paidAmount: '60.00', canceledAmount: '0' }] };

async function update(input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await stack.gql(UPDATE, { input });
  expect(answer.errors).toBeUndefined();
  return answer.data?.updateCollectionCase as Record<string, unknown>;
}

/** The update bodies the simulator received. */
async function posts(): Promise<Record<string, unknown>[]> {
  return (await stack.sims.debtCollection.requests())
    .filter((request) => request.method === 'POST' && request.path === '/v1/debt-collection/update')
    .map((request) => request.body as Record<string, unknown>);
}

/** The blocked lists read, sorted: the two are read in parallel, in either order. */
async function listReads(): Promise<string[]> {
  return (await stack.sims.debtCollection.requests())
    .map((request) => request.path)
    .filter((path) => path.includes('/blocked/'))
    .sort();
}

/** The blocks the provider holds now, from its own lists (not through the graph). */
async function storedBlocks(): Promise<{ debtors: unknown; debts: unknown }> {
  const get = async (path: string) => {
    const res = await fetch(`${stack.simulatorUrls.debtCollection}/v1/debt-collection/blocked/${path}`, {
      headers: { 'x-api-key': debtCollectionFixture.apiKey },
    });
    return ((await res.json()) as { result: unknown }).result;
  };
  return { debtors: await get('debtors'), debts: await get('debts') };
}

const FIXTURE_BLOCKS = {
  debtors: [{ debtorId: DEBTOR, block: DEBTOR_BLOCK }],
  debts: [{ debtorId: DEBTOR, debtId: DEBT_3, block: DEBT_BLOCK }],
};

describe('an update when the cases read states no block', () => {
  it('sends back the blocks of the blocked lists: an ordinary payment removes no block', async () => {
    // The first read and the read under the write lock; the read-back is the provider's own.
    await casesReadWithoutBlocks(2);

    const result = await update(PAYMENT);

    expect(result).toMatchObject({ __typename: 'UpdateCollectionCaseSuccess' });
    const [sent] = await posts();
    const debtor = (sent?.debtors as Record<string, unknown>[] | undefined)?.[0];
    expect(debtor?.block).toEqual(DEBTOR_BLOCK);
    expect(debtor?.agencyCollectionCases).toEqual([
      expect.objectContaining({ debts: [expect.objectContaining({ debtId: DEBT_3, paidAmount: 60, block: DEBT_BLOCK })] }),
    ]);
    expect(await listReads()).toEqual(['/v1/debt-collection/blocked/debtors', '/v1/debt-collection/blocked/debts']);
    expect(await storedBlocks()).toEqual(FIXTURE_BLOCKS);
  });

  it('refuses with a ProviderError and sends nothing when the blocked lists cannot be read', async () => {
    await casesReadWithoutBlocks(0);
    await stack.sims.debtCollection.fault({ method: 'GET', path: '/v1/debt-collection/blocked/*', status: 500, times: 0 });

    const result = await update(PAYMENT);

    expect(result).toMatchObject({ __typename: 'ProviderError', retryable: true, providerCode: '500' });
    expect(result.message).toMatch(/^Nothing was sent: the case read does not state every block the update keeps/);
    expect(await posts()).toEqual([]);
    await stack.sims.debtCollection.clearFaults();
    expect(await storedBlocks()).toEqual(FIXTURE_BLOCKS);
  });

  it('refuses (not retryable) and sends nothing when the list holds an entry for the debt that cannot be read', async () => {
    await casesReadWithoutBlocks(0);
    await stack.sims.debtCollection.fault({
      method: 'GET',
      path: '/v1/debt-collection/blocked/debts',
      phase: 'after',
      status: 200,
      body: { result: [{ debtorId: DEBTOR, debtId: DEBT_3, block: { limitType: 'FOREVER', endDate: '2099-12-31' } }] },
    });

    const result = await update(PAYMENT);

    expect(result).toMatchObject({ __typename: 'ProviderError', retryable: false, providerCode: null });
    expect(result.message).toContain(`the block of debt ${DEBT_3} could not be known`);
    expect(result.message).toContain('limitType DISABLED removes it');
    expect(result.message).not.toContain(DEBTOR);
    expect(await posts()).toEqual([]);
  });

  it('refuses a blocked list that says it is not whole (hasNext)', async () => {
    await casesReadWithoutBlocks(0);
    await stack.sims.debtCollection.fault({
      method: 'GET',
      path: '/v1/debt-collection/blocked/debtors',
      phase: 'after',
      status: 200,
      body: { result: [], hasNext: true, offset: '100' },
    });

    const result = await update(PAYMENT);

    expect(result).toMatchObject({ __typename: 'ProviderError', retryable: false });
    expect(await posts()).toEqual([]);
  });

  it('needs no list for blocks the caller gives, and removes a block only on DISABLED', async () => {
    await casesReadWithoutBlocks(2);

    const result = await update({
      agencyCollectionCaseId: 'agency-id-124',
      debtorBlock: { limitType: 'DISABLED' },
      debts: [{ debtId: DEBT_3, paidAmount: '60.00', canceledAmount: '0', block: { limitType: 'LIMITED', endDate: '2030-01-31' } }],
    });

    expect(result).toMatchObject({ __typename: 'UpdateCollectionCaseSuccess' });
    expect(await listReads()).toEqual([]);
    expect(await storedBlocks()).toEqual({
      debtors: [],
      debts: [{ debtorId: DEBTOR, debtId: DEBT_3, block: { limitType: 'LIMITED', endDate: '2030-01-31' } }],
    });
  });
});

describe('reading blocks the cases read does not state', () => {
  const QUERY = `{ debtCase(agencyCollectionCaseId: "agency-id-124") {
    agencyCollectionCaseId debtor { debtorId block { limitType endDate } } debts { debtId block { limitType endDate } }
  } }`;

  it('shows the blocked lists\' blocks, each list read once', async () => {
    await casesReadWithoutBlocks(0);

    const answer = await stack.gql(QUERY);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.debtCase).toEqual({
      agencyCollectionCaseId: 'agency-id-124',
      debtor: { debtorId: DEBTOR, block: DEBTOR_BLOCK },
      debts: [{ debtId: DEBT_3, block: DEBT_BLOCK }],
    });
    expect(await listReads()).toEqual(['/v1/debt-collection/blocked/debtors', '/v1/debt-collection/blocked/debts']);
  });

  it('fails only the block fields when the lists cannot be read: the case is still there', async () => {
    await casesReadWithoutBlocks(0);
    await stack.sims.debtCollection.fault({ method: 'GET', path: '/v1/debt-collection/blocked/*', status: 503, times: 0 });

    const answer = await stack.gql(QUERY);

    expect(answer.data?.debtCase).toEqual({
      agencyCollectionCaseId: 'agency-id-124',
      debtor: { debtorId: DEBTOR, block: null },
      debts: [{ debtId: DEBT_3, block: null }],
    });
    // The two list reads fail in parallel: their errors come in either order.
    expect(answer.errors?.map((error) => `${error.path?.join('.') ?? ''} ${String(error.extensions?.code)}`).sort()).toEqual([
      'debtCase.debtor.block PROVIDER_ERROR',
      'debtCase.debts.0.block PROVIDER_ERROR',
    ]);
  });

  it('never reads the lists when the cases read states the blocks', async () => {
    const answer = await stack.gql(QUERY);

    expect(answer.errors).toBeUndefined();
    expect(await listReads()).toEqual([]);
  });
});
