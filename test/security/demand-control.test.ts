/**
 * Demand control (issue 11): before an operation runs, what its variables carry is counted
 * (representations, id lists, page sizes, aliases × list sizes) against the representation cap,
 * the cost limit and each provider's call budget; a refusal is a client error (HTTP 400,
 * COST_ESTIMATED_TOO_EXPENSIVE) and reaches no provider. While it runs, the request's share holds
 * the same budget and a share of each provider's bulkhead.
 */
import { DEFAULT_DEMAND_LIMITS } from '../../src/graphql/demand/limits';
import { cdcFixture } from '../../tools/simulators/fixtures';
import { simulatorsOf, startStack, type GraphQLAnswer, type TestStack } from '../support/stack';

let stack: TestStack;
/** More CDC assignments than the list's assumed size (50), so the real list outgrows the estimate. */
const template = cdcFixture.assignments[0];
if (!template) throw new Error('the CDC fixture has no assignment');
const manyCdc = Array.from({ length: 80 }, (_, index) => ({
  ...structuredClone(template),
  code: `5b0e8c1a-2f4d-4a51-9c1e-${String(100_000_000_000 + index)}`,
  number_assignment: 5000 + index,
}));

beforeAll(async () => {
  stack = await startStack({ cdcSimulator: { assignments: manyCdc }, hardening: { demand: { callsPerRequest: { ...DEFAULT_DEMAND_LIMITS.callsPerRequest, CDC: 60 } } } });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await Promise.all(simulatorsOf(stack).map((sim) => sim.clearRequests()));
});

async function providerCalls(): Promise<number> {
  const logs = await Promise.all(simulatorsOf(stack).map((sim) => sim.requests()));
  return logs.reduce((sum, log) => sum + log.length, 0);
}

/** One client error with the demand code and this limit; nothing reached a provider; the service answers. */
async function expectRefused(answer: GraphQLAnswer, limit: string, extensions: Record<string, unknown> = {}): Promise<void> {
  expect(answer.status).toBe(400);
  expect(answer.data).toBeUndefined();
  expect(answer.errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', limit, ...extensions }) as unknown }),
  ]);
  expect(await providerCalls()).toBe(0);
  expect(await stack.gql('{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
}

const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

describe('the requests of issue 11', () => {
  it('refuses one _entities with 3,000 CdcAssignment codes before a single CDC call', async () => {
    const r = Array.from({ length: 3000 }, (_, index) => ({ __typename: 'CdcAssignment', code: `code-${index}` }));

    await expectRefused(await stack.gql(ENTITIES, { r }), 'representations', { estimated: 3000, max: 1000 });
  });

  it('refuses debtCases with 15 aliases × 500 debtor ids: 150 calls, over debt collection’s 25', async () => {
    const variables = Object.fromEntries(Array.from({ length: 15 }, (_, alias) => [`d${alias}`, Array.from({ length: 500 }, (_, index) => `debtor-${alias}-${index}`)]));
    const query = `query (${Object.keys(variables).map((name) => `$${name}: [ID!]`).join(', ')}) {
      ${Object.keys(variables).map((name) => `${name}: debtCases(debtorIds: $${name}) { agencyCollectionCaseId }`).join('\n')}
    }`;

    await expectRefused(await stack.gql(query, variables), 'providerCalls', { provider: 'DEBT_COLLECTION', estimated: 150, max: 25 });
  });

  it('counts perPage in the cost: 250 assignments with their collaterals are 251 RecoveryConnect calls', async () => {
    await expectRefused(await stack.gql('{ assignments(perPage: 250) { items { id collaterals { id } } } }'), 'providerCalls', {
      provider: 'RECOVERY_CONNECT',
      estimated: 251,
    });
  });

  it('counts perPage from a variable and aliases × list sizes in the cost', async () => {
    const aliases = Array.from({ length: 15 }, (_, index) => `p${index}: assignments(perPage: $n) { items { primaryCollateral { vehicle { propertyHistory { name } } } } }`).join(' ');

    await expectRefused(await stack.gql(`query ($n: Int) { ${aliases} }`, { n: 250 }), 'cost', { max: DEFAULT_DEMAND_LIMITS.maxCost });
    // The same operation with small pages costs little.
    const small = await stack.gql(`query ($n: Int) { ${aliases} }`, { n: 2 });
    expect(small.status).toBe(200);
    expect(small.errors).toBeUndefined();
  });

  it('keeps each verdict with its own variables: the same operation sent again is served or refused by what it carries now', async () => {
    const query = 'query ($n: Int) { a: assignments(perPage: $n) { items { collaterals { id } } } }';
    const served = async () => {
      const answer = await stack.gql(query, { n: 2 });
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
    };

    await served();
    await served();
    await Promise.all(simulatorsOf(stack).map((sim) => sim.clearRequests()));
    await expectRefused(await stack.gql(query, { n: 250 }), 'providerCalls', { provider: 'RECOVERY_CONNECT', estimated: 251 });
    await served();
    await Promise.all(simulatorsOf(stack).map((sim) => sim.clearRequests()));
    await expectRefused(await stack.gql(query, { n: 250 }), 'providerCalls', { provider: 'RECOVERY_CONNECT', estimated: 251 });
  });
});

describe('what fits', () => {
  it("serves a router's entity fetch of 1,000 assignments in 4 RecoveryConnect calls", async () => {
    const r = Array.from({ length: 1000 }, (_, index) => ({ __typename: 'Assignment', id: String(80_000_000 + index) }));

    const answer = await stack.gql(ENTITIES, { r });

    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const lists = (await stack.sims.recoveryConnect.requests()).filter((request) => request.path === '/api/v150/assignments');
    expect(lists).toHaveLength(4);
  });

  it('serves 1,000 debt-case references in 20 calls, within the budget of 25', async () => {
    const r = Array.from({ length: 1000 }, (_, index) => ({ __typename: 'DebtCase', agencyCollectionCaseId: `agency-${index}` }));

    const answer = await stack.gql(ENTITIES, { r });

    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect((await stack.sims.debtCollection.requests()).length).toBe(20);
  });

  it('refuses 1,001 representations', async () => {
    const r = Array.from({ length: 1001 }, (_, index) => ({ __typename: 'Assignment', id: String(80_000_000 + index) }));

    await expectRefused(await stack.gql(ENTITIES, { r }), 'representations');
  });

  it('leaves a variable of the wrong type to GraphQL: BAD_USER_INPUT, not an estimate', async () => {
    const answer = await stack.gql('query ($n: Int) { assignments(perPage: $n) { items { id } } }', { n: 'many' });

    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('while it runs', () => {
  it('holds the call budget where list sizes are only known then: calls beyond it fail, nothing more is sent', async () => {
    // Estimated: the list (1) + 50 assumed histories = 51, under the budget of 60; the list has 80.
    const answer = await stack.gql('{ cdcAssignments { code statusHistory { status } } }');

    expect(answer.status).toBe(200);
    const cdcRequests = await stack.sims.cdc.requests();
    // The token login, the list and the histories the budget allowed; the other 20-odd were never sent.
    expect(cdcRequests.length).toBeLessThanOrEqual(60);
    expect(cdcRequests.length).toBeGreaterThan(50);
    // Partial answers: each refused history is null in its place with its own error; the list and
    // the histories within the budget stay.
    const listed = (answer.data?.cdcAssignments ?? []) as ({ statusHistory: unknown[] | null } | null)[];
    expect(listed).toHaveLength(80);
    const refused = listed.filter((assignment) => assignment?.statusHistory === null).length;
    expect(refused).toBeGreaterThan(15);
    expect(refused).toBeLessThan(30);
    expect(answer.errors).toHaveLength(refused);
    for (const error of answer.errors ?? []) {
      expect(error).toEqual(
        expect.objectContaining({
          message: 'This request needs more Banco CDC calls than one request may make (60); ask for less at once.',
          path: ['cdcAssignments', expect.any(Number), 'statusHistory'],
          extensions: expect.objectContaining({ code: 'PROVIDER_ERROR', provider: 'CDC', retryable: false }) as unknown,
        }),
      );
    }
  });
});
