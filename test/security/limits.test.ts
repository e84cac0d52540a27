/**
 * Query limits (graphql-armor and graphql-js's token limit): hostile operations are refused as
 * client errors before anything runs, nothing reaches a provider, and the service keeps
 * answering. Legitimate operations at the schema's deepest, and a router's entity fetch for
 * hundreds of references, pass.
 */
import { DEFAULT_QUERY_LIMITS } from '../../src/graphql/plugins/use-armor';
import { simulatorsOf, startStack, type GraphQLAnswer, type TestStack } from '../support/stack';


let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await Promise.all(simulatorsOf(stack).map((sim) => sim.clearRequests()));
});

/** Every request any provider simulator received since the test began. */
async function providerRequests(): Promise<number> {
  const logs = await Promise.all(simulatorsOf(stack).map((sim) => sim.requests()));
  return logs.reduce((sum, log) => sum + log.length, 0);
}

/** The answer is one client error with this code and message; no provider was called; the service still answers. */
async function expectRefused(answer: GraphQLAnswer, code: string, message: string | RegExp): Promise<void> {
  expect(answer.status).toBe(400);
  expect(answer.data).toBeUndefined();
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors?.[0]?.extensions?.code).toBe(code);
  expect(answer.errors?.[0]?.message).toMatch(message);
  expect(await providerRequests()).toBe(0);
  expect(await stack.gql('{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
}

const MONEY = '{ amount currency }';

/** `debtor { cases { … } }` nested `levels` times below a debt case: 1 + 2 × levels fields deep. */
function debtorCycle(levels: number): string {
  return `{ debtCase(agencyCollectionCaseId: "agency-id-124") ${'{ debtor { cases '.repeat(levels)}{ agencyCollectionCaseId }${' } }'.repeat(levels)} }`;
}

describe('depth', () => {
  it('refuses an operation nested deeper than 6 fields, naming the limit', async () => {
    await expectRefused(
      await stack.gql(debtorCycle(3)),
      'GRAPHQL_VALIDATION_FAILED',
      'Syntax Error: Query depth limit of 6 exceeded, found 8.',
    );
  });

  it("serves the schema's deepest operation, 6 fields deep", async () => {
    const answer = await stack.gql(
      `{ debtCase(agencyCollectionCaseId: "agency-id-124") { debtor { cases { debts { openAmount ${MONEY} } } } } }`,
    );

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.debtCase).toEqual({ debtor: { cases: expect.any(Array) } });
  });

  it("does not count a router's `... on Type` as a level", async () => {
    const answer = await stack.gql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on DebtCase { debtor { cases { debts { openAmount ${MONEY} } } } } } }`,
      { r: [{ __typename: 'DebtCase', agencyCollectionCaseId: 'agency-id-124' }] },
    );

    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual([{ debtor: { cases: expect.any(Array) } }]);
  });
});

describe('aliases', () => {
  const aliased = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: assignment(id: "57074903") { id }`).join(' ')} }`;

  it('refuses 16 aliased fields', async () => {
    await expectRefused(await stack.gql(aliased(16)), 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Aliases limit of 15 exceeded, found 16.');
  });

  it('serves 15', async () => {
    const answer = await stack.gql(aliased(15));

    expect(answer.errors).toBeUndefined();
    expect(Object.keys(answer.data ?? {})).toHaveLength(15);
  });
});

describe('cost', () => {
  it('refuses a fragment fan-out: 122 tokens, no alias, 1000 copies of a debt case', async () => {
    const query = `query { debtCases(debtorIds: ["2334546"]) { ...F3 } }
      fragment F0 on DebtCase { agencyCollectionCaseId isClosed debts { openAmount ${MONEY} paidAmount ${MONEY} } totals { open ${MONEY} } }
      fragment F1 on DebtCase { ${'...F0 '.repeat(10)}}
      fragment F2 on DebtCase { ${'...F1 '.repeat(10)}}
      fragment F3 on DebtCase { ${'...F2 '.repeat(10)}}`;

    await expectRefused(await stack.gql(query), 'GRAPHQL_VALIDATION_FAILED', /^Syntax Error: Query Cost limit of 5000 exceeded, found \d+/);
  });

  it('serves every field of an assignment, its collaterals and vehicles, as a router asks for them', async () => {
    const vehicle =
      'id vin year make model trim color bodyType engine driveTrain fuelType keyCode sellingDealer licensePlate { number state expiresOn } propertyHistory { name value source recordedAt }';
    const collateral = `id isPrimary status statusDate contractDate delinquentSince chargeoffDate originalLoanAmount paymentAmount pastDueAmount unpaidBalance isDamaged displayName additionalInfo vehicle { ${vehicle} }`;
    const assignment = `id clientId ownerId lienholderId collectorId status statusDate orderType acceptedDate createdAt updatedAt expiresAt companyOrderNumber clientAccountNumber lienAccountNumber isViolent isLender isLatestCase parentId parentCaseId reopenCount assignmentSituation recoverySituation note reason primaryCollateral { ${collateral} } collaterals { ${collateral} }`;

    const answer = await stack.gql(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { ${assignment} } } }`, {
      r: [{ __typename: 'Assignment', id: '57074903' }],
    });

    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual([expect.objectContaining({ id: '57074903' })]);
  });
});

describe('tokens', () => {
  it('refuses a document of more than 1000 tokens before parsing it further', async () => {
    await expectRefused(
      await stack.gql(`{ ${'__typename '.repeat(DEFAULT_QUERY_LIMITS.maxTokens)}}`),
      'GRAPHQL_PARSE_FAILED',
      /^Syntax Error: Document contains more tha[nt] 1000 tokens\. Parsing aborted\.$/,
    );
  });

  it("serves a router's entity fetch for 250 references: they are variables, not tokens", async () => {
    const r = Array.from({ length: 250 }, (_, i) => ({ __typename: 'Assignment', id: String(57074903 + i) }));

    const answer = await stack.gql('query ($r: [_Any!]!) { _entities(representations: $r) { ... on Assignment { id status } } }', { r });

    expect(answer.status).toBe(200);
    expect(answer.data?._entities).toHaveLength(250);
  });
});

describe('directives', () => {
  it('refuses 51 directives', async () => {
    const fields = Array.from({ length: 51 }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ');

    await expectRefused(await stack.gql(`{ ${fields} }`), 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Directives limit of 50 exceeded, found 51.');
  });
});

describe('fragment cycles', () => {
  it('refuses fragments that spread each other', async () => {
    const query = `{ assignment(id: "57074903") { ...A } }
      fragment A on Assignment { id ...B }
      fragment B on Assignment { status ...A }`;

    const answer = await stack.gql(query);

    expect(answer.status).toBe(400);
    expect(answer.errors?.map((error) => error.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.map((error) => error.message)).toContain('Cannot spread fragment "A" within itself via "B".');
    expect(await providerRequests()).toBe(0);
    expect(await stack.gql('{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it('refuses a fragment that spreads itself', async () => {
    const answer = await stack.gql('{ assignment(id: "57074903") { ...A } } fragment A on Assignment { id ...A }');

    expect(answer.status).toBe(400);
    expect(answer.errors?.map((error) => error.message)).toContain('Cannot spread fragment "A" within itself.');
    expect(await providerRequests()).toBe(0);
  });
});
