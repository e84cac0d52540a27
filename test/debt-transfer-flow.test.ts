/**
 * Issue 14, item 2: the transfer flow through the graph, against the debt-collection simulator:
 * a run → its debtors in slices → confirmCollectionTransfer (idempotent), with unknown runs,
 * bad slices and provider failures as typed answers.
 */
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;

beforeEach(async () => {
  stack = await startStack();
});
afterEach(async () => {
  await stack.close();
});

const RUN = 'run-2026-11-28'; // 4 debtors, not confirmed (fixtures/debt-collection.json)
const CONFIRMED_RUN = 'run-2026-10-31';
const RUN_DEBTORS = ['2334560', '2334561', '2334562', '2334563'];

const SLICE = `
  query Slice($runId: ID!, $offset: Int, $sliceSize: Int) {
    collectionRun(runId: $runId) {
      runId
      debtors(offset: $offset, sliceSize: $sliceSize) {
        items {
          debtorId
          block { limitType }
          cases { agencyCollectionCaseId }
          transferredDebts { collectionCaseId debtId type originalAmount { amount currency } openAmount { amount } block { limitType } }
        }
        hasNext
        nextOffset
      }
    }
  }`;

const CONFIRM = `
  mutation Confirm($runId: ID!) {
    confirmCollectionTransfer(runId: $runId) {
      __typename
      ... on ConfirmCollectionTransferSuccess { run { runId debtors(sliceSize: 1) { items { debtorId } hasNext } } }
      ... on NotFoundError { message resource id }
      ... on RateLimitedError { message retryAfterSeconds }
      ... on ProviderError { message retryable providerCode providerReference }
    }
  }`;

async function runRequests(): Promise<{ method: string; path: string; query: Record<string, string> }[]> {
  return (await stack.sims.debtCollection.requests()).filter((request) => !request.path.endsWith('/cases'));
}

async function confirm(runId: string): Promise<Record<string, unknown>> {
  const answer = await stack.gql(CONFIRM, { runId });
  expect(answer.errors).toBeUndefined();
  return answer.data?.confirmCollectionTransfer as Record<string, unknown>;
}

describe('Query.collectionRun', () => {
  it('reads a run in two slices: items, hasNext and nextOffset to read on from', async () => {
    const first = await stack.gql(SLICE, { runId: RUN, sliceSize: 3 });
    expect(first.errors).toBeUndefined();
    const firstSlice = (first.data?.collectionRun as { debtors: { items: { debtorId: string }[]; hasNext: boolean; nextOffset: number | null } }).debtors;
    expect(firstSlice.items.map((debtor) => debtor.debtorId)).toEqual(RUN_DEBTORS.slice(0, 3));
    expect(firstSlice).toMatchObject({ hasNext: true, nextOffset: 3 });

    const second = await stack.gql(SLICE, { runId: RUN, offset: firstSlice.nextOffset, sliceSize: 3 });
    expect(second.errors).toBeUndefined();
    expect(second.data?.collectionRun).toMatchObject({
      runId: RUN,
      debtors: { items: [{ debtorId: '2334563' }], hasNext: false, nextOffset: null },
    });
  });

  it('shows what the run transferred: each debt with its collection case, exact amounts; no agency case yet', async () => {
    const answer = await stack.gql(SLICE, { runId: RUN, sliceSize: 1 });

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.collectionRun).toEqual({
      runId: RUN,
      debtors: {
        items: [
          {
            debtorId: '2334560',
            block: null,
            cases: [],
            transferredDebts: [
              {
                collectionCaseId: '7c9e6679-7425-40de-944b-e07fc1f90000',
                debtId: '5d1c2a3b-4e5f-4a6b-8c7d-9e0f1a2b0000',
                type: 'PRINCIPAL_CLAIM',
                originalAmount: { amount: '120.00', currency: 'EUR' },
                openAmount: { amount: '120.00' },
                block: null,
              },
              {
                collectionCaseId: '7c9e6679-7425-40de-944b-e07fc1f90000',
                debtId: '5d1c2a3b-4e5f-4a6b-8c7d-9e0f1a2b0001',
                type: 'DUNNING_FEE',
                originalAmount: { amount: '5.50', currency: 'EUR' },
                openAmount: { amount: '5.50' },
                block: null,
              },
            ],
          },
        ],
        hasNext: true,
        nextOffset: 1,
      },
    });
  });

  it('asks the provider once for the default slice, whether or not debtors is selected', async () => {
    const answer = await stack.gql('{ collectionRun(runId: "run-2026-11-28") { runId debtors { items { debtorId } hasNext nextOffset } } }');

    expect(answer.data?.collectionRun).toMatchObject({ debtors: { hasNext: false, nextOffset: null } });
    expect(await runRequests()).toEqual([
      expect.objectContaining({ method: 'GET', path: `/v1/debt-collection/${RUN}/debtors`, query: { offset: '0', sliceSize: '50' } }),
    ]);
  });

  it('answers null for an unknown run (the provider 404), and for an id that cannot name a run, without asking', async () => {
    const unknown = await stack.gql(SLICE, { runId: 'run-1999-01-01' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ collectionRun: null });

    await stack.sims.debtCollection.clearRequests();
    for (const runId of ['../cases', 'blocked', 'a/b', '', 'x'.repeat(201)]) {
      const answer = await stack.gql(SLICE, { runId });
      expect({ runId, data: answer.data, errors: answer.errors }).toEqual({ runId, data: { collectionRun: null }, errors: undefined });
    }
    expect(await runRequests()).toEqual([]);
  });

  it('refuses a bad offset or sliceSize with BAD_USER_INPUT, without asking the provider for it', async () => {
    for (const [variables, path] of [
      [{ offset: -1 }, 'offset'],
      [{ sliceSize: 0 }, 'sliceSize'],
      [{ sliceSize: 101 }, 'sliceSize'],
      [{ offset: null }, 'offset'],
      [{ sliceSize: null }, 'sliceSize'],
    ] as const) {
      await stack.sims.debtCollection.clearRequests();
      const answer = await stack.gql(SLICE, { runId: RUN, ...variables });

      expect(answer.data).toEqual({ collectionRun: null });
      expect(answer.errors).toEqual([
        expect.objectContaining({
          path: ['collectionRun', 'debtors'],
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fieldErrors: [expect.objectContaining({ path: [path] })] }) as unknown,
        }),
      ]);
      // Only the default slice that tells whether the run exists; never the bad one.
      expect((await runRequests()).map((request) => request.query)).toEqual([{ offset: '0', sliceSize: '50' }]);
    }
  });

  it('answers a slice the provider sends in a form that cannot be read as a PROVIDER_ERROR (not retryable)', async () => {
    await stack.sims.debtCollection.fault({
      method: 'GET',
      path: `/v1/debt-collection/${RUN}/debtors`,
      phase: 'after',
      status: 200,
      body: { result: [{ collectionCases: [] }], hasNext: false },
      times: 0,
    });

    const answer = await stack.gql(SLICE, { runId: RUN, sliceSize: 3 });

    expect(answer.data).toEqual({ collectionRun: null });
    expect(answer.errors?.[0]).toMatchObject({
      message: `Debt collection sent data the graph cannot read (debtors of run ${RUN} from offset 0: debtor 0 of the slice has no readable debtorId).`,
      extensions: { code: 'PROVIDER_ERROR', retryable: false },
    });
  });

  it("fails only a debtor's transferredDebts when they cannot be read; the slice and the other debtors stay", async () => {
    const good = { debtorId: '2334561', block: null, collectionCases: [{ collectionCaseId: 'cc-1', debts: [] }] };
    const bad = { debtorId: '2334560', block: null, collectionCases: [{ collectionCaseId: 'cc-0', debts: [{ debtId: 'x', originalAmount: 'lots', canceledAmount: 0, paidAmount: 0, currency: 'EUR' }] }] };
    await stack.sims.debtCollection.fault({
      method: 'GET',
      path: `/v1/debt-collection/${RUN}/debtors`,
      phase: 'after',
      status: 200,
      body: { result: [bad, good], hasNext: true, offset: '2' },
      times: 0,
    });

    const answer = await stack.gql(SLICE, { runId: RUN, sliceSize: 2 });

    expect(answer.data?.collectionRun).toMatchObject({
      debtors: {
        items: [
          { debtorId: '2334560', transferredDebts: null },
          { debtorId: '2334561', transferredDebts: [] },
        ],
        hasNext: true,
        nextOffset: 2,
      },
    });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ['collectionRun', 'debtors', 'items', 0, 'transferredDebts'],
        message: `Debt collection sent data the graph cannot read (transferred debts of debtor 0 of run ${RUN}: collection case cc-0: debt 0: unreadable amount).`,
        extensions: expect.objectContaining({ code: 'PROVIDER_ERROR', retryable: false }) as unknown,
      }),
    ]);
  });
});

describe('Mutation.confirmCollectionTransfer', () => {
  it('confirms a run and answers it; confirming again is a success without a second write', async () => {
    const first = await confirm(RUN);
    const again = await confirm(RUN);

    expect(first).toEqual({
      __typename: 'ConfirmCollectionTransferSuccess',
      run: { runId: RUN, debtors: { items: [{ debtorId: '2334560' }], hasNext: true } },
    });
    expect(again).toEqual(first);
    expect(await stack.sims.debtCollection.writes()).toEqual([{ confirmedRunId: RUN, time: expect.any(String) as string }]);
    const posts = (await runRequests()).filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.path)).toEqual([`/v1/debt-collection/${RUN}/confirmTransfer`, `/v1/debt-collection/${RUN}/confirmTransfer`]);
  });

  it('answers a run confirmed before as a success, and reads it as before', async () => {
    expect(await confirm(CONFIRMED_RUN)).toMatchObject({ __typename: 'ConfirmCollectionTransferSuccess', run: { runId: CONFIRMED_RUN } });
    expect(await stack.sims.debtCollection.writes()).toEqual([]);
  });

  it('answers NotFoundError for an unknown run (the provider 404), and for an id that cannot name one without a call', async () => {
    expect(await confirm('run-1999-01-01')).toEqual({
      __typename: 'NotFoundError',
      message: 'CollectionRun run-1999-01-01 does not exist.',
      resource: 'CollectionRun',
      id: 'run-1999-01-01',
    });
    await stack.sims.debtCollection.clearRequests();
    expect(await confirm('blocked')).toMatchObject({ __typename: 'NotFoundError', resource: 'CollectionRun', id: 'blocked' });
    expect(await runRequests()).toEqual([]);
  });

  it('repeats a confirmation whose answer was lost (idempotent): one write, a success', async () => {
    await stack.sims.debtCollection.fault({ method: 'POST', path: `/v1/debt-collection/${RUN}/confirmTransfer`, phase: 'after', reset: true });

    expect(await confirm(RUN)).toMatchObject({ __typename: 'ConfirmCollectionTransferSuccess' });
    expect(await stack.sims.debtCollection.writes()).toHaveLength(1);
  });

  it('answers RateLimitedError on a 429, with the provider wait', async () => {
    await stack.sims.debtCollection.fault({ method: 'POST', status: 429, retryAfterSeconds: 120, body: { errorMessage: 'Too many.', errorCode: 'RATE_LIMITED' } });

    expect(await confirm(RUN)).toEqual({
      __typename: 'RateLimitedError',
      message: 'Debt collection is rate limiting requests.',
      retryAfterSeconds: 120,
    });
  });

  it('answers a 403 as the missing write scope, with the traceId; a 400 as a ProviderError', async () => {
    await stack.sims.debtCollection.fault({ method: 'POST', status: 403, body: { errorMessage: 'Forbidden.', traceId: 'dd-1' } });
    expect(await confirm(RUN)).toEqual({
      __typename: 'ProviderError',
      message: 'Debt collection denied this call (HTTP 403): our API key there lacks the DEBT_COLLECTION_WRITE scope this call needs.',
      retryable: false,
      providerCode: '403',
      providerReference: 'dd-1',
    });

    await stack.sims.debtCollection.fault({
      method: 'POST',
      status: 400,
      body: { errorMessage: 'The transfer is in an invalid state.', errorCode: 'INVALID_STATE', traceId: 'dd-2' },
    });
    expect(await confirm(RUN)).toMatchObject({ __typename: 'ProviderError', retryable: false, providerCode: 'INVALID_STATE', providerReference: 'dd-2' });
    expect(await stack.sims.debtCollection.writes()).toEqual([]);
  });
});
