/**
 * The HTTP edge under abuse: forged or malformed requests are refused with JSON errors before
 * anything runs, hostile variable values end in typed errors with nothing written, a provider
 * that cannot be reached shows neither its address nor a stack, and the service keeps answering.
 */
import { createServer } from 'node:net';
import { simulatorsOf, startStack, type TestStack } from '../support/stack';


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

interface Body {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A raw request to the GraphQL endpoint (or `path`), authenticated as `stack.gql` is. */
function send(init: { method?: string; body?: string; headers?: Record<string, string>; path?: string; search?: string }): Promise<Response> {
  const url = new URL(init.path ?? stack.graphqlUrl, stack.graphqlUrl);
  if (init.search !== undefined) url.search = init.search;
  return fetch(url, {
    method: init.method ?? 'POST',
    headers: { authorization: `Bearer ${stack.token}`, ...init.headers },
    ...(init.body !== undefined && { body: init.body }),
  });
}

/** The answer as JSON; fails when it is not JSON (an HTML error page, say). */
async function jsonOf(res: Response): Promise<Body> {
  expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  return (await res.json()) as Body;
}

/** Every request any provider simulator received since the test began. */
async function providerRequests(): Promise<number> {
  const logs = await Promise.all(simulatorsOf(stack).map((sim) => sim.requests()));
  return logs.reduce((sum, log) => sum + log.length, 0);
}

/** Nothing changed at any provider: no RecoveryConnect write, no CDC or debt-collection write applied. */
async function expectNothingWritten(): Promise<void> {
  const rcWrites = (await stack.sims.recoveryConnect.requests()).filter((request) => request.method === 'PUT' || request.method === 'PATCH');
  expect(rcWrites).toEqual([]);
  expect(await stack.sims.cdc.writes()).toEqual([]);
  expect(await stack.sims.debtCollection.writes()).toEqual([]);
}

async function expectAlive(): Promise<void> {
  expect(await stack.gql('{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
}

const UPDATE_ASSIGNMENT = JSON.stringify({ query: 'mutation { updateAssignment(id: "57074903", input: { orderType: 7 }) { __typename } }' });

describe('requests a browser could forge', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a %s POST as a potential CSRF, before running it',
    async (contentType) => {
      const res = await send({ body: UPDATE_ASSIGNMENT, headers: { 'content-type': contentType } });

      expect(res.status).toBe(400);
      const body = await jsonOf(res);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(body.errors?.[0]?.message).toContain('Cross-Site Request Forgery');
      expect(await providerRequests()).toBe(0);
    },
  );

  it('refuses a GET without a preflight header as a potential CSRF', async () => {
    const res = await send({ method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}` });

    expect(res.status).toBe(400);
    expect((await jsonOf(res)).errors?.[0]?.message).toContain('Cross-Site Request Forgery');
  });

  it('refuses a mutation over GET with 405 and Allow: POST, even with a preflight header', async () => {
    const res = await send({
      method: 'GET',
      search: `?query=${encodeURIComponent('mutation { updateAssignment(id: "57074903", input: { orderType: 7 }) { __typename } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    });

    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    const body = await jsonOf(res);
    expect(body.errors?.[0]?.message).toBe('GET requests only support query operations, not mutation operations');
    expect(await providerRequests()).toBe(0);
  });

  it('serves a query over GET with a preflight header', async () => {
    const res = await send({
      method: 'GET',
      search: `?query=${encodeURIComponent('{ __typename }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    });

    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('malformed and oversized requests', () => {
  it.each([
    ['truncated JSON', '{"query": "{ __typename }"'],
    ['a JSON string, not an object', '"{ __typename }"'],
    ['a trailing comma', '{"query": "{ __typename }",}'],
    ['not JSON at all', 'query { __typename }'],
  ])('answers %s with a JSON 400 that names the problem and nothing more', async (_name, body) => {
    const res = await send({ body, headers: { 'content-type': 'application/json' } });

    expect(res.status).toBe(400);
    expect(await jsonOf(res)).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    await expectAlive();
  });

  it('answers a body over 1 MB with a JSON 413, before parsing it', async () => {
    const body = JSON.stringify({ query: 'query ($s: String) { __typename }', variables: { s: 'x'.repeat(1_100_000) } });

    const res = await send({ body, headers: { 'content-type': 'application/json' } });

    expect(res.status).toBe(413);
    expect(await jsonOf(res)).toEqual({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    await expectAlive();
  });

  it('refuses a batch: one request is one operation', async () => {
    const operation = { query: '{ assignment(id: "57074903") { id } }' };

    const res = await send({ body: JSON.stringify([operation, operation]), headers: { 'content-type': 'application/json' } });

    expect(res.status).toBe(400);
    const body = await jsonOf(res);
    expect(body.errors?.[0]?.message).toBe('Operation batching disabled.');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(await providerRequests()).toBe(0);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/admin'],
    ['DELETE', '/health'],
    ['GET', '/.env'],
  ])('answers %s %s with a JSON 404', async (method, path) => {
    const res = await send({ method, path });

    expect(res.status).toBe(404);
    expect((await jsonOf(res)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

const UPDATE = `mutation ($id: ID!, $input: UpdateAssignmentInput!) {
  updateAssignment(id: $id, input: $input) { __typename ... on ValidationError { fieldErrors { path code } } ... on NotFoundError { id } }
}`;
const SET_CDC = `mutation ($input: SetCdcStatusInput!) {
  setCdcStatus(input: $input) { __typename ... on ValidationError { fieldErrors { path code } } ... on NotFoundError { id } }
}`;
const UPDATE_CASE = `mutation ($input: UpdateCollectionCaseInput!) {
  updateCollectionCase(input: $input) { __typename ... on ValidationError { fieldErrors { path code } } ... on NotFoundError { id } }
}`;

describe('hostile variable values', () => {
  afterEach(async () => {
    await expectNothingWritten();
    await expectAlive();
  });

  it('a 900 KB note is a ValidationError', async () => {
    const answer = await stack.gql(UPDATE, { id: '57074903', input: { statusNote: 'x'.repeat(900_000) } });

    expect(answer.data?.updateAssignment).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'statusNote'], code: 'TOO_LONG' }],
    });
  });

  it('a 900 KB id finds nothing and calls no provider', async () => {
    const answer = await stack.gql('query ($id: ID!) { assignment(id: $id) { id } }', { id: '9'.repeat(900_000) });

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ assignment: null });
    expect(await providerRequests()).toBe(0);
  });

  it.each([
    ['a string for an Int', UPDATE, { id: '57074903', input: { orderType: 'five' } }],
    ['an Int beyond 32 bits', UPDATE, { id: '57074903', input: { orderType: 2 ** 40 } }],
    ['a string for an input object', UPDATE, { id: '57074903', input: "'; DROP TABLE assignments; --" }],
    ['a query operator object for an ID', UPDATE, { id: { $ne: null }, input: { orderType: 7 } }],
    ['an array for an ID', UPDATE, { id: ['57074903', '57074905'], input: { orderType: 7 } }],
    ['an unknown input field', UPDATE, { id: '57074903', input: { orderType: 7, isAdmin: true } }],
    ['an unknown enum value', SET_CDC, { input: { code: 'c4b1e1a8-7b43-4a4e-9a3c-1f0b2d3c4e5f', status: 'DELETED' } }],
    [
      'a float amount',
      UPDATE_CASE,
      { input: { agencyCollectionCaseId: 'agency-id-124', debts: [{ debtId: 'd', paidAmount: 0.1, canceledAmount: '0' }] } },
    ],
    ['a missing required field', UPDATE_CASE, { input: { debts: [] } }],
  ])('%s is BAD_USER_INPUT, refused before any provider call', async (_name, mutation, variables) => {
    const answer = await stack.gql(mutation, variables);

    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(/^Variable "\$(id|input)" /);
    expect(await providerRequests()).toBe(0);
  });

  it('a list nested 100 000 deep is BAD_USER_INPUT', async () => {
    // Written by hand: JSON.stringify itself overflows the stack on this value.
    const debts = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const body = `{"query": ${JSON.stringify(UPDATE_CASE)}, "variables": {"input": {"agencyCollectionCaseId": "agency-id-124", "debts": ${debts}}}}`;

    const res = await send({ body, headers: { 'content-type': 'application/json' } });

    expect(res.status).toBe(400);
    expect((await jsonOf(res)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await providerRequests()).toBe(0);
  });

  it.each([
    ['an emoji id', { id: '😀', input: { orderType: 7 } }, ['id']],
    ['SQL in the id', { id: "57074903' OR '1'='1", input: { orderType: 7 } }, ['id']],
    ['a path in the id', { id: '../../api/v150/users', input: { orderType: 7 } }, ['id']],
    ['script in the note, with a bad id', { id: '57074903;', input: { statusNote: '<script>alert(1)</script>' } }, ['id']],
    ['a blank note of unicode spaces', { id: '57074903', input: { statusNote: '\u2003\u3000 ' } }, ['input', 'statusNote']],
    ['a collector id in Arabic-Indic digits', { id: '57074903', input: { collectorId: '٤٢' } }, ['input', 'collectorId']],
  ])('updateAssignment: %s is a ValidationError', async (_name, variables, path) => {
    const answer = await stack.gql(UPDATE, variables);

    expect(answer.data?.updateAssignment).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [expect.objectContaining({ path })],
    });
  });

  it.each([
    ['SQL', "'; DROP TABLE assignments; --"],
    ['a path', '../assignment/status'],
    ['an emoji', 'c4b1e1a8😀'],
    ['a NUL byte', 'c4b1e1a8\u0000'],
    ['a query string', 'x?code=other'],
  ])('setCdcStatus: a code with %s is a ValidationError', async (_name, code) => {
    const answer = await stack.gql(SET_CDC, { input: { code, status: 'ANALYSIS', observation: '<img src=x onerror=alert(1)>' } });

    expect(answer.data?.setCdcStatus).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [expect.objectContaining({ path: ['input', 'code'] })],
    });
  });

  it.each([
    ['a second id after a comma', 'agency-id-123,agency-id-124', 'ValidationError'],
    ['a control character', 'agency-id-123\n', 'ValidationError'],
    ['a smuggled query parameter', 'x&agencyCollectionCaseIds=agency-id-124', 'NotFoundError'],
    ['SQL', "agency-id-124' OR '1'='1", 'NotFoundError'],
    ['a right-to-left override and an emoji', '\u202Eagency-id-124💥', 'NotFoundError'],
  ])('updateCollectionCase: an id with %s (%j) is a %s', async (_name, agencyCollectionCaseId, typename) => {
    const answer = await stack.gql(UPDATE_CASE, {
      input: { agencyCollectionCaseId, debts: [{ debtId: 'debt-1', paidAmount: '1.00', canceledAmount: '0' }] },
    });

    expect((answer.data?.updateCollectionCase as { __typename: string }).__typename).toBe(typename);
  });
});

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  return address.port;
}

describe('a provider that cannot be reached', () => {
  let unreachable: TestStack;
  let port: number;

  beforeAll(async () => {
    port = await closedPort();
    unreachable = await startStack({ recoveryConnectUrl: `http://127.0.0.1:${port}/api` });
  });
  afterAll(async () => {
    await unreachable.close();
  });

  it.each([
    ['a query', '{ assignment(id: "57074903") { id } }'],
    ['a mutation', 'mutation { updateAssignment(id: "57074903", input: { orderType: 7 }) { __typename ... on ProviderError { message provider retryable } } }'],
  ])('%s: the answer names the provider, never its address, port or a stack', async (_name, query) => {
    const res = await fetch(unreachable.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${unreachable.token}` },
      body: JSON.stringify({ query }),
    });
    const text = await res.text();

    expect(text).toContain('RecoveryConnect');
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain(String(port));
    expect(text).not.toContain('/api');
    expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    expect(text).not.toContain('stacktrace');
  });
});
