/**
 * `_entities` under hostile representations (issue 11): every representation is checked before
 * anything runs. A bad one is null at its index with a BAD_USER_INPUT error whose path ends in
 * that index; the good ones in the same call still resolve; a provider failure fails only the
 * items it served; nothing is logged above info and nothing the caller sent is echoed or logged.
 */
import { captureLog } from '../support/log-capture';
import { simulatorsOf, startStack, testToken, type GraphQLAnswer, type TestStack } from '../support/stack';

const log = captureLog('debug');

let stack: TestStack;

// A fresh service per test: a provider's circuit breaker remembers the faults of earlier tests.
beforeEach(async () => {
  stack = await startStack({ logger: log.logger, exposure: { isProduction: true, introspection: false, landingPage: false } });
});
afterEach(async () => {
  await stack.close();
});
beforeEach(() => {
  log.clear();
});

const TYPENAMES = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Assignment { id orderType }
  ... on CdcAssignment { code status }
  ... on DebtCase { agencyCollectionCaseId }
  ... on Debtor { debtorId }
  ... on Vehicle { vehicleId: id vin }
} }`;

async function providerCalls(): Promise<number> {
  const logs = await Promise.all(simulatorsOf(stack).map((sim) => sim.requests()));
  return logs.reduce((sum, log) => sum + log.length, 0);
}

/** The codes and paths of the answer's errors. */
function errorsOf(answer: GraphQLAnswer): { code: unknown; path: unknown }[] {
  return (answer.errors ?? [])
    .map((error) => ({ code: error.extensions?.code, path: error.path }))
    .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path), 'en', { numeric: true }));
}

const badInput = (index: number) => ({ code: 'BAD_USER_INPUT', path: ['_entities', index] });

/** Nothing above info, and none of the caller's text, in the log. */
function expectQuietLog(...callerText: string[]): void {
  expect(log.lines().filter((line) => (line.level as number) > 30)).toEqual([]);
  for (const fragment of callerText) expect(log.text()).not.toContain(fragment);
}

describe('_entities: the requests that ended the process (issue 11)', () => {
  it('[ResultError, Nope] without a token: null at each index, BAD_USER_INPUT, no provider call', async () => {
    const answer = await stack.gqlAs(null, TYPENAMES, { r: [{ __typename: 'ResultError' }, { __typename: 'Nope' }] });

    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ _entities: [null, null] });
    expect(errorsOf(answer)).toEqual([badInput(0), badInput(1)]);
    expect(answer.errors?.[1]?.message).toBe('Invalid input at representations.1.__typename: __typename is not an entity type of this subgraph.');
    expect(await providerCalls()).toBe(0);
    expectQuietLog('Nope');
  });

  it('[Debtor without debtorId, Nope]', async () => {
    const answer = await stack.gql(TYPENAMES, { r: [{ __typename: 'Debtor' }, { __typename: 'Nope' }] });

    expect(answer.data).toEqual({ _entities: [null, null] });
    expect(errorsOf(answer)).toEqual([badInput(0), badInput(1)]);
    expect(answer.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: ['representations', '0', 'debtorId'], code: 'KEY_MISSING', message: 'Debtor is referenced by debtorId; debtorId is missing or not a well-formed id.' },
    ]);
    expect(await providerCalls()).toBe(0);
  });

  it('[CdcAssignment without code, Nope]', async () => {
    const answer = await stack.gql(TYPENAMES, { r: [{ __typename: 'CdcAssignment' }, { __typename: 'Nope' }] });

    expect(answer.data).toEqual({ _entities: [null, null] });
    expect(errorsOf(answer)).toEqual([badInput(0), badInput(1)]);
    expect(await providerCalls()).toBe(0);
  });

  it('[Assignment "57074903", Nope] while RecoveryConnect answers 503: a provider error at 0, BAD_USER_INPUT at 1', async () => {
    await stack.sim.fault({ method: 'GET', path: '/api/v150/assignments', status: 503, times: 0 });

    const answer = await stack.gql(TYPENAMES, { r: [{ __typename: 'Assignment', id: '57074903' }, { __typename: 'Nope' }] });

    expect(answer.data).toEqual({ _entities: [null, null] });
    expect(errorsOf(answer)).toEqual([{ code: 'PROVIDER_ERROR', path: ['_entities', 0] }, badInput(1)]);
    // And the service still answers.
    expect((await stack.gql('{ assignment(id: "57074905") { id } }')).status).toBe(200);
  });
});

describe('_entities: each representation on its own', () => {
  it('resolves the good ones of a call around the bad ones, each bad one at its index', async () => {
    const answer = await stack.gql(ENTITIES, {
      r: [
        { __typename: 'Assignment', id: '57074903' },
        { __typename: 'Assignment', id: 'DROP TABLE' },
        'not an object',
        { __typename: 'DebtCase', agencyCollectionCaseId: 'agency-id-124' },
        { __typename: 'Debtor', debtorId: 'a,b' },
        { __typename: 'CdcAssignment', code: '../../etc/passwd' },
        { __typename: 'Assignment', id: 57074903 },
        12,
        ['Assignment'],
        { __typename: 'Query' },
        { __typename: 'Assignment', id: '57074905\u0000' },
        { __typename: 'CdcAssignment', code: '5b0e8c1a-2f4d-4a51-9c1e-000000000001' },
      ],
    });

    const entities = answer.data?._entities as unknown[];
    expect(entities[0]).toEqual({ __typename: 'Assignment', id: '57074903', orderType: 5 });
    expect(entities[3]).toEqual({ __typename: 'DebtCase', agencyCollectionCaseId: 'agency-id-124' });
    expect(entities[11]).toEqual(expect.objectContaining({ __typename: 'CdcAssignment', code: '5b0e8c1a-2f4d-4a51-9c1e-000000000001' }));
    expect(errorsOf(answer)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10].map(badInput));
    for (const index of [1, 2, 4, 5, 6, 7, 8, 9, 10]) expect(entities[index]).toBeNull();
    // Only well-formed keys reached the providers.
    const rc = await stack.sims.recoveryConnect.requests();
    expect(rc.filter((request) => request.path === '/api/v150/assignments').map((request) => request.query.ids)).toEqual(['57074903']);
    expectQuietLog('DROP TABLE', 'etc/passwd');
  });

  it('fails only the items a failing provider served', async () => {
    await stack.sims.debtCollection.fault({ method: 'GET', status: 500, times: 0 });

    const answer = await stack.gql(ENTITIES, {
      r: [
        { __typename: 'DebtCase', agencyCollectionCaseId: 'agency-id-124' },
        { __typename: 'Assignment', id: '57074903' },
        { __typename: 'Debtor', debtorId: '2334546' },
      ],
    });

    expect(answer.data?._entities).toEqual([null, { __typename: 'Assignment', id: '57074903', orderType: 5 }, null]);
    expect(errorsOf(answer)).toEqual([
      { code: 'PROVIDER_ERROR', path: ['_entities', 0] },
      { code: 'PROVIDER_ERROR', path: ['_entities', 2] },
    ]);
  });

  it('answers null for a Vehicle and never echoes what the caller sent', async () => {
    const answer = await stack.gql(ENTITIES, { r: [{ __typename: 'Vehicle', id: '1', vin: 'ATTACKER-VIN' }] });

    expect(answer).toEqual({ status: 200, data: { _entities: [null] } });
    expect(await providerCalls()).toBe(0);
  });

  it('passes only the key fields on: extra fields of a representation are not echoed', async () => {
    const answer = await stack.gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { id orderType } } }', {
      r: [{ __typename: 'Assignment', id: '57074903', orderType: 999 }],
    });

    expect(answer.data?._entities).toEqual([{ id: '57074903', orderType: 5 }]);
  });

  it('still refuses the whole call when a well-formed representation is of a type the token may not read', async () => {
    const answer = await stack.gqlAs(await testToken({ scopes: ['assignments:read'] }), TYPENAMES, {
      r: [{ __typename: 'Assignment', id: '57074903' }, { __typename: 'Nope' }, { __typename: 'Debtor', debtorId: '2334546' }],
    });

    expect(errorsOf(answer).map((error) => error.code)).toEqual(['FORBIDDEN']);
    expect(await providerCalls()).toBe(0);
  });
});
