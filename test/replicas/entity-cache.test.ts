/**
 * The entity cache (ENTITY_CACHE_TTL_MS) on the built service: shared by two replicas in Redis,
 * or in one process without it. A read another replica made is reused; a mutation of this graph
 * invalidates what it changed, in every replica; a mutation never decides on cached data; access
 * is checked before any cached data is used.
 */
import { routesOf, simControl, type SimControl } from '../support/sim-control';
import { testToken } from '../support/stack';
import { replicaEnv, useReplicas, type Replica } from './support';

const DEBT_1 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001';
const CDC_CODE = '5b0e8c1a-2f4d-4a51-9c1e-000000000001'; // TYPING
const READ_CASE = `query Read($id: ID!) { debtCase(agencyCollectionCaseId: $id) { agencyCollectionCaseId debts { debtId paidAmount { amount } } } }`;
const UPDATE_CASE = `
  mutation Update($input: UpdateCollectionCaseInput!) {
    updateCollectionCase(input: $input) { __typename ... on ResultError { message } }
  }`;
const READ_ASSIGNMENT = `{ assignment(id: "57074903") { id orderType } }`;
const UPDATE_ASSIGNMENT = `mutation { updateAssignment(id: "57074903", input: { orderType: 3 }) { __typename ... on ResultError { message } } }`;
const READ_CDC = `query Cdc($code: ID!) { cdcAssignment(code: $code) { code status } }`;
const SET_CDC = `
  mutation Set($code: ID!) {
    setCdcStatus(input: { code: $code, status: TYPING }) {
      __typename
      ... on SetCdcStatusSuccess { previousStatus assignment { status } }
      ... on ResultError { message }
    }
  }`;

const cluster = useReplicas();
const dc = (): SimControl => simControl(cluster.simulators.debtCollection.url);

async function start(count: number, extra: Record<string, string>): Promise<Replica[]> {
  return cluster.start(count, replicaEnv(cluster.simulators, { ENTITY_CACHE_TTL_MS: '60000', ...extra }));
}

async function caseReads(): Promise<number> {
  return routesOf(await dc().requests()).filter((route) => route === 'GET /v1/debt-collection/cases').length;
}

describe('the entity cache in Redis, two replicas', () => {
  it('reuses a case another replica read, and invalidates it in both when one of them writes', async () => {
    const [a, b] = (await start(2, { REDIS_URL: cluster.redis.url })) as [Replica, Replica];
    const first = await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    expect(first.data?.debtCase).toMatchObject({ debts: [{ debtId: DEBT_1, paidAmount: { amount: '0.00' } }, expect.anything()] });
    expect(await caseReads()).toBe(1);

    expect((await b.gql(cluster.token, READ_CASE, { id: 'agency-id-123' })).data).toStrictEqual(first.data);
    expect(await caseReads()).toBe(1);

    const update = await b.gql(cluster.token, UPDATE_CASE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '7.00', canceledAmount: '0' }] } });
    expect(update.data?.updateCollectionCase).toStrictEqual({ __typename: 'UpdateCollectionCaseSuccess' });
    // The write read the case itself (twice, fresh under the lock) and read it back: never from the cache.
    const afterWrite = await caseReads();
    expect(afterWrite).toBe(4);

    const again = await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    expect(again.data?.debtCase).toMatchObject({ debts: [{ debtId: DEBT_1, paidAmount: { amount: '7.00' } }, expect.anything()] });
    expect(await caseReads()).toBe(afterWrite + 1);
  }, 60_000);

  it('invalidates an assignment an update changed', async () => {
    const [a, b] = (await start(2, { REDIS_URL: cluster.redis.url })) as [Replica, Replica];
    expect((await a.gql(cluster.token, READ_ASSIGNMENT)).data).toStrictEqual({ assignment: { id: '57074903', orderType: 5 } });
    expect((await b.gql(cluster.token, UPDATE_ASSIGNMENT)).data).toStrictEqual({ updateAssignment: { __typename: 'UpdateAssignmentSuccess' } });
    expect((await a.gql(cluster.token, READ_ASSIGNMENT)).data).toStrictEqual({ assignment: { id: '57074903', orderType: 3 } });
  }, 60_000);

  it('decides a status change on the status as Banco CDC holds it, not on the cached one', async () => {
    const [a, b] = (await start(2, { REDIS_URL: cluster.redis.url })) as [Replica, Replica];
    expect((await a.gql(cluster.token, READ_CDC, { code: CDC_CODE })).data).toStrictEqual({ cdcAssignment: { code: CDC_CODE, status: 'TYPING' } });
    // CDC moves it behind the graph's back; the cached read still says TYPING.
    const moved = await fetch(`${cluster.simulators.cdc.url}/__sim/assignment-status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: CDC_CODE, number_status: 5 }),
    });
    expect(moved.status).toBe(204);
    expect((await b.gql(cluster.token, READ_CDC, { code: CDC_CODE })).data).toStrictEqual({ cdcAssignment: { code: CDC_CODE, status: 'TYPING' } });

    // Setting TYPING is not "already so": the fresh read says SIGNATURE, and the change is sent.
    const set = await b.gql(cluster.token, SET_CDC, { code: CDC_CODE });
    expect(set.data?.setCdcStatus).toStrictEqual({ __typename: 'SetCdcStatusSuccess', previousStatus: 'SIGNATURE', assignment: { status: 'TYPING' } });
    expect(await simControl(cluster.simulators.cdc.url).writes()).toHaveLength(1);
  }, 60_000);

  it('checks access before any cached data is used', async () => {
    const [a, b] = (await start(2, { REDIS_URL: cluster.redis.url })) as [Replica, Replica];
    await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    const reads = await caseReads();
    const withoutScope = await b.gql(await testToken({ scopes: ['assignments:read'] }), READ_CASE, { id: 'agency-id-123' });
    expect(withoutScope.data).toStrictEqual({ debtCase: null });
    expect(withoutScope.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await caseReads()).toBe(reads);
  }, 60_000);

  it('reads from the provider while Redis is gone, and uses the cache again once it is back', async () => {
    const [a] = (await start(1, { REDIS_URL: cluster.redis.url })) as [Replica];
    await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    await cluster.redis.kill();
    const read = await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    expect(read.errors).toBeUndefined();
    expect(read.data?.debtCase).toMatchObject({ agencyCollectionCaseId: 'agency-id-123' });
    expect(await caseReads()).toBe(2);

    await cluster.redis.restart();
    for (let tries = 0; tries < 50 && !a.child.stdout().includes('Redis answers again'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    // The restarted Redis is empty: one read fills it, the next is a hit.
    expect(await caseReads()).toBe(3);
  }, 60_000);
});

describe('the entity cache in process, one replica', () => {
  it('reuses a read for the TTL, and not after its own update', async () => {
    const [a] = (await start(1, { ENTITY_CACHE_TTL_MS: '1000' })) as [Replica];
    await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    expect(await caseReads()).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    expect(await caseReads()).toBe(2);

    await a.gql(cluster.token, UPDATE_CASE, { input: { agencyCollectionCaseId: 'agency-id-123', debts: [{ debtId: DEBT_1, paidAmount: '3.00', canceledAmount: '0' }] } });
    const afterWrite = await caseReads();
    const read = await a.gql(cluster.token, READ_CASE, { id: 'agency-id-123' });
    expect(read.data?.debtCase).toMatchObject({ debts: [{ debtId: DEBT_1, paidAmount: { amount: '3.00' } }, expect.anything()] });
    expect(await caseReads()).toBe(afterWrite + 1);
  }, 60_000);
});
