/**
 * Client mistakes are client errors (issue 11): a subscription, bad filter values, unknown types
 * and malformed representations are 4xx or BAD_USER_INPUT, never INTERNAL_SERVER_ERROR; they are
 * logged at most at info, without the client's text; a bad filter never reaches the provider.
 */
import { captureLog } from '../support/log-capture';
import { simulatorsOf, startStack, type TestStack } from '../support/stack';

const log = captureLog('debug');

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ logger: log.logger });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await Promise.all(simulatorsOf(stack).map((sim) => sim.clearRequests()));
  log.clear();
});

/** Nothing above info in the log, and none of these texts. */
function expectQuietLog(...callerText: string[]): void {
  expect(log.lines().filter((line) => (line.level as number) > 30)).toEqual([]);
  for (const fragment of callerText) expect(log.text()).not.toContain(fragment);
}

async function providerCalls(): Promise<number> {
  const logs = await Promise.all(simulatorsOf(stack).map((sim) => sim.requests()));
  return logs.reduce((sum, log) => sum + log.length, 0);
}

describe('client mistakes (issue 11)', () => {
  it('`subscription { x }` is a validation error (400), not an internal one', async () => {
    const answer = await stack.gql('subscription { x }');

    expect(answer.status).toBe(400);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.errors?.[0]?.message).toBe('This schema does not support subscription operations.');
    expectQuietLog();
  });

  it('also with a name and variables, and without a token', async () => {
    const answer = await stack.gqlAs(null, 'subscription Watch($id: ID!) { assignmentChanged(id: $id) { id } }', { id: '1' });

    expect(answer.status).toBe(400);
    expect(answer.errors?.every((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expectQuietLog();
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['a control character', 'ACC-1\u0007'],
    ['a newline', 'ACC-1\nINJECTED'],
    ['longer than 64 characters', 'A'.repeat(65)],
  ])('assignments(filter: { accountNumber }) %s is BAD_USER_INPUT and never sent to RecoveryConnect', async (_name, accountNumber) => {
    const answer = await stack.gql('query ($a: String) { assignments(filter: { accountNumber: $a }) { items { id } } }', { a: accountNumber });

    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0]?.extensions?.fieldErrors).toEqual([expect.objectContaining({ path: ['filter', 'accountNumber'], code: 'INVALID_FORMAT' })]);
    expect(await providerCalls()).toBe(0);
    expectQuietLog('INJECTED');
  });

  it('the literal from the issue: accountNumber: ""', async () => {
    const answer = await stack.gql('{ assignments(filter: { accountNumber: "" }) { items { id } } }');

    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await providerCalls()).toBe(0);
  });

  it('a well-formed account number still reaches RecoveryConnect', async () => {
    const answer = await stack.gql('{ assignments(filter: { accountNumber: "ACC-99120" }) { pageInfo { total } } }');

    expect(answer.errors).toBeUndefined();
    const sent = (await stack.sims.recoveryConnect.requests()).filter((request) => request.path === '/api/v150/assignments');
    expect(sent.map((request) => request.query.acct_no)).toEqual(['ACC-99120']);
  });

  it('an unknown type in _entities is logged at most at info, and its name not at all', async () => {
    const answer = await stack.gqlAs(null, 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: [{ __typename: 'EvilType-plate-AB123CD' }],
    });

    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(answer)).not.toContain('EvilType');
    expectQuietLog('EvilType', 'AB123CD');
  });
});

describe('variables with more errors than graphql-js counts (found by the fuzzer)', () => {
  it('are BAD_USER_INPUT (400), not an internal error logged at error level', async () => {
    const ids = Array.from({ length: 60 }, () => [['nested']]);

    const answer = await stack.gql('query ($ids: [ID!]) { debtCases(debtorIds: $ids) { agencyCollectionCaseId } }', { ids });

    expect(answer.status).toBe(400);
    expect(answer.errors?.length).toBeGreaterThan(50);
    expect(answer.errors?.every((error) => error.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    expect(answer.errors?.[answer.errors.length - 1]?.message).toBe('Too many errors processing variables, error limit reached. Execution aborted.');
    expectQuietLog();
  });
});
