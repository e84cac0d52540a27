/**
 * Two replicas of the built service, one Redis, one set of simulators: the requestId store and
 * the per-debtor write lock are shared, survive the replicas' restarts, and a Redis that is gone
 * refuses writes (nothing sent) while reads go on, until it is back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { simControl, type SimControl } from '../support/sim-control';
import { replicaEnv, useReplicas, type Replica } from './support';

const DEBT_1 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001'; // agency-id-123, debtor 2334545, 100.00 EUR
const DEBT_2 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002'; // agency-id-123, 5.50 EUR
const DEBT_5 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0005'; // agency-id-126, 1200 JPY
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const UPDATE_ROUTE = '/v1/debt-collection/update';

const RESULT = `
  __typename
  ... on ResultError { message }
  ... on ProviderError { provider retryable providerRetryAfterSeconds: retryAfterSeconds }`;

const CLOSE = `
  mutation Close($input: CloseCollectionCaseInput!) {
    closeCollectionCase(input: $input) {
      ${RESULT}
      ... on CloseCollectionCaseSuccess { requestId debtCase { agencyCollectionCaseId isClosed closure { type date } totals { paid { amount } } } }
    }
  }`;

const UPDATE = `
  mutation Update($input: UpdateCollectionCaseInput!) {
    updateCollectionCase(input: $input) {
      ${RESULT}
      ... on UpdateCollectionCaseSuccess { requestId }
    }
  }`;

const READ_CASE = `query Read($id: ID!) { debtCase(agencyCollectionCaseId: $id) { agencyCollectionCaseId debts { debtId paidAmount { amount } } } }`;

// Fresh provider state for each test; Redis keeps what the replicas share (emptied before each test).
const cluster = useReplicas();
const dc = (): SimControl => simControl(cluster.simulators.debtCollection.url);

async function startTwo(extra: Record<string, string> = { REDIS_URL: cluster.redis.url }): Promise<[Replica, Replica]> {
  return (await cluster.start(2, replicaEnv(cluster.simulators, extra))) as [Replica, Replica];
}

async function updatePosts(): Promise<number> {
  return (await dc().requests()).filter((request) => request.method === 'POST' && request.path === UPDATE_ROUTE).length;
}

const closeInput = (requestId: string) => ({
  requestId,
  agencyCollectionCaseId: 'agency-id-126',
  debts: [{ debtId: DEBT_5, paidAmount: '1200', canceledAmount: '0' }],
  closure: { type: 'POSITIVE', date: YESTERDAY },
});

describe('two replicas sharing Redis', () => {
  it('answers the same close sent to both replicas at once with two equal successes and one write', async () => {
    const [a, b] = await startTwo();
    const input = closeInput('6f9a3e1c-0b7d-4c1e-9a55-3b2d1c0e0001');
    const [first, second] = await Promise.all([a.gql(cluster.token, CLOSE, { input }), b.gql(cluster.token, CLOSE, { input })]);
    expect(first.errors).toBeUndefined();
    expect(first.data?.closeCollectionCase).toMatchObject({
      __typename: 'CloseCollectionCaseSuccess',
      requestId: input.requestId,
      debtCase: { agencyCollectionCaseId: 'agency-id-126', isClosed: true, closure: { type: 'POSITIVE', date: YESTERDAY } },
    });
    expect(second.data?.closeCollectionCase).toStrictEqual(first.data?.closeCollectionCase);
    expect(await dc().writes()).toStrictEqual([expect.objectContaining({ requestId: input.requestId })]);
    expect(await updatePosts()).toBe(1);
  }, 60_000);

  it('answers a replay after both replicas restarted with the same success, without a second write', async () => {
    const [a] = await startTwo();
    const input = closeInput('6f9a3e1c-0b7d-4c1e-9a55-3b2d1c0e0002');
    const before = await a.gql(cluster.token, CLOSE, { input });
    expect(before.data?.closeCollectionCase).toMatchObject({ __typename: 'CloseCollectionCaseSuccess', requestId: input.requestId });

    await cluster.stopAll();
    const [, b] = await startTwo();
    const replay = await b.gql(cluster.token, CLOSE, { input });
    expect(replay.data?.closeCollectionCase).toStrictEqual(before.data?.closeCollectionCase);
    expect(await dc().writes()).toHaveLength(1);
    expect(await updatePosts()).toBe(1);
  }, 60_000);

  it('loses no change when both replicas update one debtor at once', async () => {
    const [a, b] = await startTwo();
    // Slow answers to reads (the state is read on arrival), so both updates read the case before either writes.
    await dc().fault({ method: 'GET', path: '/v1/debt-collection/cases', phase: 'after', delayMs: 300, times: 0 });
    const [first, second] = await Promise.all([
      a.gql(cluster.token, UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '10.00', canceledAmount: '0' }] } }),
      b.gql(cluster.token, UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_2, paidAmount: '2.50', canceledAmount: '0' }] } }),
    ]);
    expect(first.data?.updateCollectionCase).toMatchObject({ __typename: 'UpdateCollectionCaseSuccess' });
    expect(second.data?.updateCollectionCase).toMatchObject({ __typename: 'UpdateCollectionCaseSuccess' });
    await dc().clearFaults();

    const read = await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    expect(read.data?.debtCase).toStrictEqual({
      agencyCollectionCaseId: 'agency-id-123',
      debts: [
        { debtId: DEBT_1, paidAmount: { amount: '10.00' } },
        { debtId: DEBT_2, paidAmount: { amount: '2.50' } },
      ],
    });
    expect(await dc().writes()).toHaveLength(2);
  }, 60_000);

  it('without Redis, the same race loses a change (what the shared lock prevents)', async () => {
    const [a, b] = await startTwo({});
    await dc().fault({ method: 'GET', path: '/v1/debt-collection/cases', phase: 'after', delayMs: 300, times: 0 });
    await Promise.all([
      a.gql(cluster.token, UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '10.00', canceledAmount: '0' }] } }),
      b.gql(cluster.token, UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_2, paidAmount: '2.50', canceledAmount: '0' }] } }),
    ]);
    await dc().clearFaults();
    const read = await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    const paid = (read.data?.debtCase as { debts: { paidAmount: { amount: string } }[] }).debts.map((debt) => debt.paidAmount.amount);
    // Each write sent the other debt as it was before: one of the two payments is gone.
    expect(paid).not.toStrictEqual(['10.00', '2.50']);
    expect(await dc().writes()).toHaveLength(2);
  }, 60_000);

  it('refuses writes while Redis is gone (nothing sent), keeps reading, and writes again once it is back', async () => {
    const [a, b] = await startTwo();
    await cluster.redis.kill();

    const started = Date.now();
    const refused = await a.gql(cluster.token, CLOSE, { input: closeInput('6f9a3e1c-0b7d-4c1e-9a55-3b2d1c0e0003') });
    // Refused at once, not after the request's deadline (10 s).
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused.data?.closeCollectionCase).toMatchObject({
      __typename: 'ProviderError',
      provider: 'DEBT_COLLECTION',
      retryable: true,
      providerRetryAfterSeconds: 1,
      message: expect.stringMatching(/^Nothing was sent: .*Redis.* cannot be reached/) as unknown,
    });
    const update = await b.gql(cluster.token, UPDATE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '1', canceledAmount: '0' }] } });
    expect(update.data?.updateCollectionCase).toMatchObject({ __typename: 'ProviderError', retryable: true });
    expect(await updatePosts()).toBe(0);

    const read = await b.gql(cluster.token, READ_CASE, { id: 'agency-id-126' });
    expect(read.errors).toBeUndefined();
    expect(read.data?.debtCase).toMatchObject({ agencyCollectionCaseId: 'agency-id-126' });

    await cluster.redis.restart();
    // ioredis reconnects by itself (at most 2 s between attempts).
    let answer: Record<string, unknown> | undefined;
    for (let tries = 0; tries < 50; tries += 1) {
      const retried = await a.gql(cluster.token, CLOSE, { input: closeInput('6f9a3e1c-0b7d-4c1e-9a55-3b2d1c0e0003') });
      answer = retried.data?.closeCollectionCase as Record<string, unknown>;
      if (answer.__typename !== 'ProviderError') break;
      await sleep(200);
    }
    expect(answer).toMatchObject({ __typename: 'CloseCollectionCaseSuccess', requestId: '6f9a3e1c-0b7d-4c1e-9a55-3b2d1c0e0003' });
    expect(await dc().writes()).toHaveLength(1);
    // The outage was logged once per replica, in words, and the recovery too.
    expect(a.child.stdout()).toContain('Redis cannot be reached');
    expect(a.child.stdout()).toContain('Redis answers again');
  }, 90_000);
});
