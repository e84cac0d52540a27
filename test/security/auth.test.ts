/**
 * The subgraph enforces its own @authenticated / @requiresScopes, over HTTP as a client or a
 * router reaches it: every mutation, the reads of each domain and `_entities` of each entity
 * type, without a token, with the wrong scope and with the right one. A refusal reaches no
 * provider and leaks nothing.
 */
import { SignJWT } from 'jose';
import { ALL_SCOPES } from '../../src/graphql/auth/scopes';
import { startStack, testToken, TEST_JWT_SECRET, type GraphQLAnswer, type TestStack } from '../support/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});
const allSims = () => [stack.sims.recoveryConnect, stack.sims.cdc, stack.sims.debtCollection];

beforeEach(async () => {
  await Promise.all(allSims().map((sim) => sim.clearRequests()));
});

/** Every request any provider simulator received since the test began. */
async function providerRequests(): Promise<string[]> {
  const all = await Promise.all(allSims().map((sim) => sim.requests()));
  return all.flat().map((request) => `${request.method} ${request.path}`);
}

const everyScopeBut = (...scopes: string[]) => ALL_SCOPES.filter((scope) => !scopes.includes(scope));

const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const CDC_TYPING = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';

interface Case {
  readonly field: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The field's type is nullable: a refusal leaves `{field: null}`, else the whole data is null. */
  readonly nullable: boolean;
  /** What the operation needs; for mutations the write scope first. */
  readonly scopes: readonly string[];
}

const entities = (representation: Record<string, string>, selection: string): Case => ({
  field: '_entities',
  query: `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
  variables: { r: [representation] },
  nullable: false,
  scopes: [],
});

const READS: readonly Case[] = [
  { field: 'assignment', query: '{ assignment(id: "57074903") { id primaryCollateral { vehicle { vin } } } }', nullable: true, scopes: ['assignments:read'] },
  { field: 'assignments', query: '{ assignments(perPage: 2) { items { id } pageInfo { total } } }', nullable: true, scopes: ['assignments:read'] },
  { field: 'cdcAssignment', query: `{ cdcAssignment(code: "${CDC_TYPING}") { code status purchaser { document } } }`, nullable: true, scopes: ['cdc:read'] },
  { field: 'cdcAssignments', query: '{ cdcAssignments { code } }', nullable: true, scopes: ['cdc:read'] },
  { field: 'debtCase', query: '{ debtCase(agencyCollectionCaseId: "agency-id-124") { agencyCollectionCaseId debtor { debtorId } } }', nullable: true, scopes: ['collections:read'] },
  { field: 'debtCases', query: '{ debtCases(debtorIds: ["2334546"]) { agencyCollectionCaseId } }', nullable: true, scopes: ['collections:read'] },
  { field: 'collectionRun', query: '{ collectionRun(runId: "run-2026-11-28") { runId debtors(sliceSize: 2) { items { debtorId } hasNext } } }', nullable: true, scopes: ['collections:read'] },
];

const ENTITIES: readonly (Case & { readonly typename: string })[] = [
  { ...entities({ __typename: 'Assignment', id: '57074903' }, '... on Assignment { id orderType }'), typename: 'Assignment', scopes: ['assignments:read'] },
  { ...entities({ __typename: 'CdcAssignment', code: CDC_TYPING }, '... on CdcAssignment { code status }'), typename: 'CdcAssignment', scopes: ['cdc:read'] },
  { ...entities({ __typename: 'DebtCase', agencyCollectionCaseId: 'agency-id-124' }, '... on DebtCase { agencyCollectionCaseId }'), typename: 'DebtCase', scopes: ['collections:read'] },
  { ...entities({ __typename: 'Debtor', debtorId: '2334546' }, '... on Debtor { debtorId block { limitType } }'), typename: 'Debtor', scopes: ['collections:read'] },
];

const MUTATIONS: readonly (Case & { readonly success: string })[] = [
  {
    field: 'updateAssignment',
    query: 'mutation { updateAssignment(id: "57074903", input: { orderType: 3 }) { __typename ... on UpdateAssignmentSuccess { assignment { id orderType } } } }',
    nullable: false,
    scopes: ['assignments:write', 'assignments:read'],
    success: 'UpdateAssignmentSuccess',
  },
  {
    field: 'setCdcStatus',
    query: `mutation { setCdcStatus(input: { code: "${CDC_TYPING}", status: ANALYSIS }) { __typename ... on SetCdcStatusSuccess { assignment { code status } } } }`,
    nullable: false,
    scopes: ['cdc:write', 'cdc:read'],
    success: 'SetCdcStatusSuccess',
  },
  {
    field: 'updateCollectionCase',
    query: `mutation { updateCollectionCase(input: {
      agencyCollectionCaseId: "agency-id-124"
      debts: [{ debtId: "0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0003", paidAmount: "60.00", canceledAmount: "0" }]
    }) { __typename ... on UpdateCollectionCaseSuccess { debtCase { agencyCollectionCaseId } } } }`,
    nullable: false,
    scopes: ['collections:write', 'collections:read'],
    success: 'UpdateCollectionCaseSuccess',
  },
  {
    field: 'closeCollectionCase',
    query: `mutation { closeCollectionCase(input: {
      agencyCollectionCaseId: "agency-id-123", closure: { type: POSITIVE, date: "${YESTERDAY}" }
    }) { __typename ... on CloseCollectionCaseSuccess { debtCase { isClosed } } } }`,
    nullable: false,
    scopes: ['collections:write', 'collections:read'],
    success: 'CloseCollectionCaseSuccess',
  },
  {
    field: 'confirmCollectionTransfer',
    query: 'mutation { confirmCollectionTransfer(runId: "run-2026-11-28") { __typename ... on ConfirmCollectionTransferSuccess { run { runId } } } }',
    nullable: false,
    scopes: ['collections:write', 'collections:read'],
    success: 'ConfirmCollectionTransferSuccess',
  },
];

/** One refusal on `field`: its code, a message, no extension besides the code, and no data. */
function expectRefused(answer: GraphQLAnswer, testCase: Case, code: 'UNAUTHENTICATED' | 'FORBIDDEN'): void {
  expect(answer.status).toBe(200);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors?.[0]).toMatchObject({ path: [testCase.field], extensions: { code } });
  expect(Object.keys(answer.errors?.[0]?.extensions ?? {})).toEqual(['code']);
  expect(answer.data ?? null).toEqual(testCase.nullable ? { [testCase.field]: null } : null);
}

const ask = (token: string | null, testCase: Case) => stack.gqlAs(token, testCase.query, testCase.variables);

describe.each([...READS, ...ENTITIES, ...MUTATIONS].map((testCase) => [testCase.field + ('typename' in testCase ? ` of ${String(testCase.typename)}` : ''), testCase] as const))(
  '%s',
  (_name, testCase) => {
    it('without a token: UNAUTHENTICATED, no data, no provider call', async () => {
      const answer = await ask(null, testCase);

      expectRefused(answer, testCase, 'UNAUTHENTICATED');
      expect(answer.errors?.[0]?.message).toBe('Authentication required: send a bearer token in the Authorization header.');
      expect(await providerRequests()).toEqual([]);
    });

    it('with every scope but the one it needs: FORBIDDEN naming that scope, no provider call', async () => {
      const needed = testCase.scopes[0] ?? '';
      const answer = await ask(await testToken({ scopes: everyScopeBut(needed) }), testCase);

      expectRefused(answer, testCase, 'FORBIDDEN');
      expect(answer.errors?.[0]?.message).toBe(`Not allowed: this needs the scope ${needed}.`);
      expect(await providerRequests()).toEqual([]);
    });

    it('with a token holding no scope at all: FORBIDDEN', async () => {
      const answer = await ask(await testToken({ scopes: [] }), testCase);

      expectRefused(answer, testCase, 'FORBIDDEN');
      expect(await providerRequests()).toEqual([]);
    });
  },
);

describe('the right scopes', () => {
  it.each(READS.map((testCase) => [testCase.field, testCase] as const))('%s answers with exactly its read scope', async (_name, testCase) => {
    const answer = await ask(await testToken({ scopes: testCase.scopes }), testCase);

    expect(answer.errors).toBeUndefined();
    const value = answer.data?.[testCase.field];
    expect(Array.isArray(value) ? value.length : value).toBeTruthy();
  });

  it.each(ENTITIES.map((testCase) => [testCase.typename, testCase] as const))('_entities of %s resolves with exactly its read scope', async (_name, testCase) => {
    const answer = await ask(await testToken({ scopes: testCase.scopes }), testCase);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual([expect.objectContaining({})]);
    expect((answer.data?._entities as unknown[])[0]).not.toBeNull();
  });

  it.each(MUTATIONS.map((testCase) => [testCase.field, testCase] as const))('%s succeeds with its write and read scopes', async (_name, testCase) => {
    const answer = await ask(await testToken({ scopes: testCase.scopes }), testCase);

    expect(answer.errors).toBeUndefined();
    expect((answer.data?.[testCase.field] as { __typename: string }).__typename).toBe(testCase.success);
  });
});

describe('scopes of a mutation and of what it selects', () => {
  it.each(MUTATIONS.map((testCase) => [testCase.field, testCase] as const))(
    '%s with the write scope alone but selecting entity data: FORBIDDEN before anything is written',
    async (_name, testCase) => {
      const [write, read] = testCase.scopes;
      const answer = await ask(await testToken({ scopes: [write ?? ''] }), testCase);

      expectRefused(answer, testCase, 'FORBIDDEN');
      expect(answer.errors?.[0]?.message).toBe(`Not allowed: this needs the scope ${read ?? ''}.`);
      expect(await providerRequests()).toEqual([]);
    },
  );

  it('a write scope alone is enough when the result selects no entity data', async () => {
    const answer = await stack.gqlAs(
      await testToken({ scopes: ['assignments:write'] }),
      'mutation { updateAssignment(id: "57074903", input: { orderType: 4 }) { __typename ... on ResultError { message } } }',
    );

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ updateAssignment: { __typename: 'UpdateAssignmentSuccess' } });
  });

  it('sees entity data selected through named fragments, and refuses before the write', async () => {
    const answer = await stack.gqlAs(
      await testToken({ scopes: ['assignments:write'] }),
      `mutation { updateAssignment(id: "57074903", input: { orderType: 2 }) { ...Result } }
       fragment Result on UpdateAssignmentResult { ... on UpdateAssignmentSuccess { ...Payload } }
       fragment Payload on UpdateAssignmentSuccess { assignment { id } }`,
    );

    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(answer.data).toBeNull();
    expect(await providerRequests()).toEqual([]);
  });

  it('refuses _entities when any representation is of a type the token may not read', async () => {
    const answer = await stack.gqlAs(
      await testToken({ scopes: ['assignments:read'] }),
      'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      { r: [{ __typename: 'Assignment', id: '57074903' }, { __typename: 'DebtCase', agencyCollectionCaseId: 'agency-id-124' }] },
    );

    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(answer.errors?.[0]?.message).toBe('Not allowed: this needs the scope collections:read.');
    expect(answer.data).toBeNull();
    expect(await providerRequests()).toEqual([]);
  });
});

describe('each field on its own', () => {
  it('answers the fields a token may read and refuses the others in the same operation', async () => {
    const answer = await stack.gqlAs(
      await testToken({ scopes: ['assignments:read'] }),
      '{ assignment(id: "57074903") { id } debtCase(agencyCollectionCaseId: "agency-id-124") { agencyCollectionCaseId } }',
    );

    expect(answer.data).toEqual({ assignment: { id: '57074903' }, debtCase: null });
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['debtCase'], extensions: { code: 'FORBIDDEN' } })]);
    expect((await stack.sims.debtCollection.requests()).length).toBe(0);
  });

  it('leaves _service (the SDL routers read) and __typename open', async () => {
    const answer = await stack.gqlAs(null, '{ __typename _service { sdl } }');

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.__typename).toBe('Query');
    expect((answer.data?._service as { sdl: string }).sdl).toContain('@requiresScopes(scopes: [["assignments:write"]])');
  });
});

describe('tokens that are not valid refuse the whole request with 401', () => {
  const query = '{ assignment(id: "57074903") { id } }';

  async function expectTokenRefused(authorization: string, message: string): Promise<void> {
    const res = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as GraphQLAnswer;

    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(await providerRequests()).toEqual([]);
  }

  it('an expired token', async () => {
    await expectTokenRefused(`Bearer ${await testToken({ lifetimeSeconds: -60 })}`, 'The bearer token has expired.');
  });

  it('a token signed with another secret', async () => {
    const token = await testToken({ secret: 'another-secret-that-is-long-enough-000' });
    await expectTokenRefused(`Bearer ${token}`, 'The bearer token is not valid.');
  });

  it('a token whose scopes were changed after signing', async () => {
    const [header, , signature] = (await testToken({ scopes: ['cdc:read'] })).split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', scope: ALL_SCOPES.join(' '), exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await expectTokenRefused(`Bearer ${header ?? ''}.${payload}.${signature ?? ''}`, 'The bearer token is not valid.');
  });

  it('an unsigned token (alg none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'x', scope: ALL_SCOPES.join(' '), exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    await expectTokenRefused(`Bearer ${token}`, 'The bearer token is not valid.');
  });

  it('a token without an expiry', async () => {
    const token = await new SignJWT({ scope: ALL_SCOPES.join(' ') }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode(TEST_JWT_SECRET));
    await expectTokenRefused(`Bearer ${token}`, 'The bearer token is not valid.');
  });

  it('a token not valid before an hour from now', async () => {
    const token = await new SignJWT({ scope: ALL_SCOPES.join(' ') })
      .setProtectedHeader({ alg: 'HS256' })
      .setNotBefore('1h')
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    await expectTokenRefused(`Bearer ${token}`, 'The bearer token is not valid.');
  });

  it('a token signed with HS512 under the same secret (only HS256 is accepted)', async () => {
    const token = await new SignJWT({ scope: ALL_SCOPES.join(' ') })
      .setProtectedHeader({ alg: 'HS512' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    await expectTokenRefused(`Bearer ${token}`, 'The bearer token is not valid.');
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer two parts', 'token-without-scheme'])('an Authorization header %j', async (authorization) => {
    await expectTokenRefused(authorization, 'The Authorization header must be "Bearer <token>".');
  });

  it('accepts a token expired a moment ago within the clock tolerance', async () => {
    const answer = await stack.gqlAs(await testToken({ lifetimeSeconds: -2 }), query);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ assignment: { id: '57074903' } });
  });
});
