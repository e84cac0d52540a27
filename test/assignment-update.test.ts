/**
 * `updateAssignment` through GraphQL over HTTP against the RecoveryConnect simulator: the
 * seed's partial-update semantics, and every failure as a typed result, never an exception.
 */
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;

beforeEach(async () => {
  // A fresh simulator per test: updates change its data.
  stack = await startStack();
});
afterEach(async () => {
  await stack.close();
});

const UPDATE = `
  mutation Update($id: ID!, $input: UpdateAssignmentInput!) {
    updateAssignment(id: $id, input: $input) {
      __typename
      ... on UpdateAssignmentSuccess { assignment { id orderType status statusDate collectorId updatedAt note } }
      ... on ResultError { message }
      ... on NotFoundError { resource id }
      ... on ValidationError { fieldErrors { path code message } }
      ... on ProviderError { provider retryable retryAfterSeconds providerCode }
    }
  }`;

async function puts(): Promise<unknown[]> {
  return (await stack.sim.requests()).filter((request) => request.method === 'PUT').map((request) => request.body);
}

describe('Mutation.updateAssignment', () => {
  it('sends only the given fields and leaves the others unchanged', async () => {
    const answer = await stack.gql(UPDATE, { id: '57074903', input: { orderType: 3, statusNote: 'keys found' } });

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({
      updateAssignment: {
        __typename: 'UpdateAssignmentSuccess',
        assignment: { id: '57074903', orderType: 3, collectorId: '83268', statusDate: '2026-03-10T18:27:04.000Z', note: null },
      },
    });
    expect(await puts()).toEqual([{ order_type: 3, status_note: 'keys found' }]);

    const reread = await stack.gql(`{ assignment(id: "57074903") { orderType collectorId primaryCollateral { vehicle { vin } } } }`);
    expect(reread.data).toEqual({
      assignment: { orderType: 3, collectorId: '83268', primaryCollateral: { vehicle: { vin: 'WP0AA29898U760244' } } },
    });
  });

  it('moves the status date and updated_at when the status changes', async () => {
    const before = Date.now();
    const answer = await stack.gql(UPDATE, { id: '57074905', input: { status: 4, collectorId: '83268' } });

    const assignment = (answer.data?.updateAssignment as { assignment: { status: number; statusDate: string; updatedAt: string; collectorId: string } })
      .assignment;
    expect(assignment.status).toBe(4);
    expect(assignment.collectorId).toBe('83268');
    // The simulator writes updated_at to the second; allow for the truncation.
    expect(Date.parse(assignment.statusDate)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(assignment.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await puts()).toEqual([{ status: 4, collector_id: 83268 }]);
  });

  it('rejects an explicit null with its input path and sends nothing', async () => {
    const answer = await stack.gql(UPDATE, { id: '57074903', input: { orderType: 2, statusNote: null } });

    expect(answer.data).toEqual({
      updateAssignment: {
        __typename: 'ValidationError',
        message: expect.stringContaining('input.statusNote') as string,
        fieldErrors: [
          {
            path: ['input', 'statusNote'],
            code: 'NULL_NOT_ALLOWED',
            message: 'The provider cannot clear this field; leave it out to keep it.',
          },
        ],
      },
    });
    expect(await puts()).toEqual([]);
  });

  it('rejects an empty input and sends nothing', async () => {
    const answer = await stack.gql(UPDATE, { id: '57074903', input: {} });

    expect(answer.data).toMatchObject({
      updateAssignment: {
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['input'], code: 'EMPTY_INPUT' }],
      },
    });
    expect(await puts()).toEqual([]);
  });

  it('reports every invalid field at once and sends nothing', async () => {
    const answer = await stack.gql(UPDATE, {
      id: 'not-a-number',
      input: { collectorId: 'abc', status: -1, statusNote: 'x'.repeat(1001) },
    });

    expect(answer.data).toMatchObject({
      updateAssignment: {
        __typename: 'ValidationError',
        message: 'The input has 4 problems.',
        fieldErrors: [
          { path: ['id'], code: 'INVALID_FORMAT' },
          { path: ['input', 'status'], code: 'OUT_OF_RANGE' },
          { path: ['input', 'statusNote'], code: 'TOO_LONG' },
          { path: ['input', 'collectorId'], code: 'INVALID_FORMAT' },
        ],
      },
    });
    expect(await stack.sim.requests()).toEqual([]);
  });

  it('answers NotFoundError for an unknown assignment', async () => {
    const answer = await stack.gql(UPDATE, { id: '12345678', input: { orderType: 1 } });

    expect(answer.data).toEqual({
      updateAssignment: {
        __typename: 'NotFoundError',
        message: 'Assignment 12345678 does not exist.',
        resource: 'Assignment',
        id: '12345678',
      },
    });
  });

  it('answers a retryable ProviderError when the provider fails, without leaking its address', async () => {
    // Every attempt fails: the first and the policy's 2 retries (a PUT of the same fields may be repeated).
    await stack.sim.fault({ method: 'PUT', path: '/api/v130/assignments/*', status: 500, times: 3 });

    const answer = await stack.gql(UPDATE, { id: '57074903', input: { orderType: 1 } });

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      updateAssignment: {
        __typename: 'ProviderError',
        message: 'RecoveryConnect answered with an error (HTTP 500).',
        provider: 'RECOVERY_CONNECT',
        retryable: true,
        retryAfterSeconds: null,
        providerCode: '500',
      },
    });
    expect(JSON.stringify(answer)).not.toContain(stack.simulatorUrl);
    // The write did not happen: the assignment is as it was.
    const reread = await stack.gql(`{ assignment(id: "57074903") { orderType } }`);
    expect(reread.data).toEqual({ assignment: { orderType: 5 } });
  });

  it('answers a rate-limited update as RateLimitedError carrying its Retry-After', async () => {
    await stack.sim.fault({ method: 'PUT', status: 429, retryAfterSeconds: 30 });

    const answer = await stack.gql(
      `mutation Update($id: ID!, $input: UpdateAssignmentInput!) {
        updateAssignment(id: $id, input: $input) { __typename ... on RateLimitedError { message retryAfterSeconds } }
      }`,
      { id: '57074903', input: { orderType: 1 } },
    );

    expect(answer.data).toEqual({
      updateAssignment: { __typename: 'RateLimitedError', message: 'RecoveryConnect is rate limiting requests.', retryAfterSeconds: 30 },
    });
  });

  it("maps the provider's own field rejections back to input paths", async () => {
    await stack.sim.fault({
      method: 'PUT',
      status: 422,
      body: { message: 'The given data was invalid.', errors: { order_type: ['The selected order type is invalid.'] } },
    });

    const answer = await stack.gql(UPDATE, { id: '57074903', input: { orderType: 99 } });

    expect(answer.data).toMatchObject({
      updateAssignment: {
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['input', 'orderType'], code: 'REJECTED_BY_PROVIDER', message: 'The selected order type is invalid.' }],
      },
    });
  });

  it('logs in again once when the token was revoked, and the update goes through', async () => {
    await stack.gql(`{ assignment(id: "57074903") { id } }`);
    await stack.sim.revokeTokens();
    await stack.sim.clearRequests();

    const answer = await stack.gql(UPDATE, { id: '57074903', input: { orderType: 2 } });

    expect(answer.data).toMatchObject({ updateAssignment: { __typename: 'UpdateAssignmentSuccess', assignment: { orderType: 2 } } });
    const routes = (await stack.sim.requests()).map((request) => `${request.method} ${request.path}`);
    expect(routes).toEqual([
      'PUT /api/v130/assignments/57074903',
      'POST /api/v140/auth',
      'PUT /api/v130/assignments/57074903',
    ]);
  });
});
