/**
 * What production (NODE_ENV=production) shows of the schema and the limits: no introspection,
 * no landing page, no field suggestions, no limit values; introspection and the landing page
 * only when the configuration enables them. Outside production all of it is on.
 */
import { getIntrospectionQuery } from 'graphql';
import { startStack, type GraphQLAnswer, type TestStack } from '../support/stack';

const production = { isProduction: true, introspection: false, landingPage: false } as const;

/** `GET /graphql` as a browser opens it. */
function openInBrowser(stack: TestStack): Promise<Response> {
  return fetch(stack.graphqlUrl, { headers: { accept: 'text/html', authorization: `Bearer ${stack.token}` } });
}

const TYPO_FIELD = '{ assignmnt(id: "57074903") { id } }';
const TYPO_ENUM = 'mutation ($input: SetCdcStatusInput!) { setCdcStatus(input: $input) { __typename } }';
const TYPO_ENUM_VARIABLES = { input: { code: 'c4b1e1a8-7b43-4a4e-9a3c-1f0b2d3c4e5f', status: 'ANALYSYS' } };
const TYPO_INPUT_FIELD_VARIABLES = { input: { code: 'c4b1e1a8-7b43-4a4e-9a3c-1f0b2d3c4e5f', status: 'ANALYSIS', observaton: 'x' } };
const TYPO_ENUM_LITERAL = 'mutation { setCdcStatus(input: { code: "c", status: ANALYSYS }) { __typename } }';
const FRAGMENT_FAN_OUT = `{ debtCases(debtorIds: ["2334546"]) { ...F2 } }
  fragment F0 on DebtCase { agencyCollectionCaseId debts { openAmount { amount currency } } }
  fragment F1 on DebtCase { ${'...F0 '.repeat(20)}}
  fragment F2 on DebtCase { ${'...F1 '.repeat(20)}}`;
const DEPTH_BOMB = `{ debtCase(agencyCollectionCaseId: "agency-id-124") ${'{ debtor { cases '.repeat(3)}{ agencyCollectionCaseId }${' } }'.repeat(3)} }`;

function messagesOf(answer: GraphQLAnswer): string {
  return (answer.errors ?? []).map((error) => error.message).join('\n');
}

describe('in production', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ exposure: production });
  });
  afterAll(async () => {
    await stack.close();
  });

  it.each([
    ['the introspection query', getIntrospectionQuery()],
    ['__type', '{ __type(name: "Assignment") { fields { name } } }'],
  ])('refuses %s', async (_name, query) => {
    const answer = await stack.gql(query);

    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toContain('introspection is not allowed');
    expect(JSON.stringify(answer)).not.toContain('Vehicle');
  });

  it('still answers __typename, which routers and clients use', async () => {
    expect(await stack.gql('{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
  });

  it('serves no landing page to a browser', async () => {
    const res = await openInBrowser(stack);

    expect(res.headers.get('content-type')).not.toContain('text/html');
    expect(await res.text()).not.toMatch(/<html|sandbox/i);
  });

  it.each([
    ['field', TYPO_FIELD, undefined, 'Cannot query field "assignmnt" on type "Query".', '"assignment"'],
    ['enum literal', TYPO_ENUM_LITERAL, undefined, 'Value "ANALYSYS" does not exist in "CdcAssignmentStatus" enum.', '"ANALYSIS"'],
    ['enum value in a variable', TYPO_ENUM, TYPO_ENUM_VARIABLES, 'Value "ANALYSYS" does not exist in "CdcAssignmentStatus" enum.', '"ANALYSIS"'],
    ['input field in a variable', TYPO_ENUM, TYPO_INPUT_FIELD_VARIABLES, 'Field "observaton" is not defined by type "SetCdcStatusInput".', '"observation"'],
  ])('names a mistyped %s without suggesting the right name', async (_name, query, variables, expected, rightName) => {
    const answer = await stack.gql(query, variables);

    const messages = messagesOf(answer);
    expect(messages).toContain(expected);
    expect(messages).not.toMatch(/Did you mean|Suggestion/);
    expect(messages).not.toContain(rightName);
  });

  it.each([
    ['depth', DEPTH_BOMB, 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Query depth limit exceeded.'],
    ['aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: assignment(id: "1") { id }`).join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Aliases limit exceeded.'],
    ['directives', `{ ${Array.from({ length: 51 }, (_, i) => `t${i}: __typename @include(if: true)`).join(' ')} }`, 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Directives limit exceeded.'],
    ['cost', FRAGMENT_FAN_OUT, 'GRAPHQL_VALIDATION_FAILED', 'Syntax Error: Query cost limit exceeded.'],
    ['tokens', `{ ${'__typename '.repeat(1001)}}`, 'GRAPHQL_PARSE_FAILED', 'Syntax Error: Token limit exceeded.'],
  ])('says the %s limit was exceeded, not its value', async (_name, query, code, message) => {
    const answer = await stack.gql(query);

    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([expect.objectContaining({ message, extensions: { code } })]);
  });
});

describe('in production with INTROSPECTION=true and LANDING_PAGE=true', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ exposure: { isProduction: true, introspection: true, landingPage: true } });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('answers introspection', async () => {
    const answer = await stack.gql('{ __type(name: "Assignment") { name } }');

    expect(answer).toEqual({ status: 200, data: { __type: { name: 'Assignment' } } });
  });

  it('serves the landing page', async () => {
    const res = await openInBrowser(stack);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('still hides suggestions and limit values', async () => {
    expect(messagesOf(await stack.gql(TYPO_FIELD))).toBe('Cannot query field "assignmnt" on type "Query".');
    expect(messagesOf(await stack.gql(DEPTH_BOMB))).toBe('Syntax Error: Query depth limit exceeded.');
  });
});

describe('outside production', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('answers introspection and serves the landing page', async () => {
    expect((await stack.gql(getIntrospectionQuery())).errors).toBeUndefined();
    const res = await openInBrowser(stack);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('suggests names and states limit values, to help the developer', async () => {
    expect(messagesOf(await stack.gql(TYPO_FIELD))).toContain('Did you mean "assignment"');
    expect(messagesOf(await stack.gql(TYPO_ENUM, TYPO_ENUM_VARIABLES))).toContain('Did you mean the enum value "ANALYSIS"?');
    expect(messagesOf(await stack.gql(DEPTH_BOMB))).toBe('Syntax Error: Query depth limit of 6 exceeded, found 8.');
  });
});
