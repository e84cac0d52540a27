/**
 * Faults on the three writes, with the simulators' write logs as the proof: no write is lost and
 * none is applied twice. The debt update (keyed by requestId) and the RecoveryConnect PUT (the
 * same fields again) are repeated by the policy; the CDC status POST is never repeated, and an
 * unknown outcome is settled by reading the assignment again.
 */
import type { FaultSpec } from '../support/sim-control';
import { startStack, type TestStack } from '../support/stack';
import { callsTo, TYPING } from './support';

const CALL_TIMEOUT_MS = 400;
/** Longer than the call timeout: the answer is lost to it, the write (phase "after") is applied. */
const LOST_ANSWER_DELAY_MS = 1_500;

let stack: TestStack;

beforeEach(async () => {
  // A fresh stack per test: writes change the simulators' data.
  stack = await startStack({ providerTimeoutMs: CALL_TIMEOUT_MS, resilience: { requestDeadlineMs: 5_000 } });
});
afterEach(async () => {
  await stack.close();
});

describe('debt-collection update (repeated with the same requestId)', () => {
  const UPDATE_PATH = '/v1/debt-collection/update';
  const REQUEST_ID = '3f1d7c52-8a0e-4f6b-9d21-5c7e8a9b0c1d';
  const UPDATE = `
    mutation Update($input: UpdateCollectionCaseInput!) {
      updateCollectionCase(input: $input) {
        __typename
        ... on UpdateCollectionCaseSuccess { requestId debtCase { debts { debtId paidAmount { amount } } } }
        ... on ProviderError { message provider retryable retryAfterSeconds providerCode }
      }
    }`;
  const input = {
    requestId: REQUEST_ID,
    agencyCollectionCaseId: 'agency-id-123',
    debts: [{ debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002', paidAmount: '4.75', canceledAmount: '0' }],
  };

  async function update(): Promise<Record<string, unknown>> {
    const answer = await stack.gql(UPDATE, { input });
    expect(answer.errors).toBeUndefined();
    return answer.data?.updateCollectionCase as Record<string, unknown>;
  }

  /** The requestIds of the update POSTs the simulator received. */
  async function sentRequestIds(): Promise<unknown[]> {
    return (await stack.sims.debtCollection.requests())
      .filter((request) => request.method === 'POST' && request.path === UPDATE_PATH)
      .map((request) => (request.body as { requestId?: unknown }).requestId);
  }

  const lostAnswers: [string, FaultSpec][] = [
    ['a reset after the write', { method: 'POST', path: UPDATE_PATH, phase: 'after', reset: true }],
    ['an answer lost to the call timeout', { method: 'POST', path: UPDATE_PATH, phase: 'after', delayMs: LOST_ANSWER_DELAY_MS }],
    ['a 503 after the write', { method: 'POST', path: UPDATE_PATH, phase: 'after', status: 503 }],
    ['a truncated answer after the write', { method: 'POST', path: UPDATE_PATH, phase: 'after', corrupt: 'truncated' }],
  ];

  it.each(lostAnswers)('is replayed after %s and written once', async (_name, fault) => {
    await stack.sims.debtCollection.fault(fault);

    expect(await update()).toMatchObject({ __typename: 'UpdateCollectionCaseSuccess', requestId: REQUEST_ID });
    expect(await sentRequestIds()).toEqual([REQUEST_ID, REQUEST_ID]);
    expect(await stack.sims.debtCollection.writes()).toEqual([expect.objectContaining({ requestId: REQUEST_ID })]);
  });

  it('answers a retryable ProviderError when every attempt is refused, writes nothing, and can be sent again', async () => {
    await stack.sims.debtCollection.fault({ method: 'POST', path: UPDATE_PATH, reset: true, times: 0 });

    expect(await update()).toMatchObject({ __typename: 'ProviderError', provider: 'DEBT_COLLECTION', retryable: true });
    expect(await sentRequestIds()).toEqual([REQUEST_ID, REQUEST_ID, REQUEST_ID]);
    expect(await stack.sims.debtCollection.writes()).toEqual([]);

    await stack.sims.debtCollection.clearFaults();
    expect(await update()).toMatchObject({ __typename: 'UpdateCollectionCaseSuccess', requestId: REQUEST_ID });
    expect(await stack.sims.debtCollection.writes()).toHaveLength(1);
  });
});

describe('CDC status change (never sent twice)', () => {
  const STATUS_PATH = '/assignment/status/';
  const SET = `
    mutation Set($input: SetCdcStatusInput!) {
      setCdcStatus(input: $input) {
        __typename
        ... on SetCdcStatusSuccess { previousStatus assignment { status } }
        ... on ProviderError { message provider retryable retryAfterSeconds providerCode }
      }
    }`;

  async function setAnalysis(): Promise<Record<string, unknown>> {
    const answer = await stack.gql(SET, { input: { code: TYPING, status: 'ANALYSIS' } });
    expect(answer.errors).toBeUndefined();
    return answer.data?.setCdcStatus as Record<string, unknown>;
  }

  const applied = { __typename: 'SetCdcStatusSuccess', previousStatus: 'TYPING', assignment: { status: 'ANALYSIS' } };

  const appliedButUnanswered: [string, FaultSpec][] = [
    ['timed out', { method: 'POST', path: STATUS_PATH, phase: 'after', delayMs: LOST_ANSWER_DELAY_MS }],
    ['was reset', { method: 'POST', path: STATUS_PATH, phase: 'after', reset: true }],
    ['answered 503', { method: 'POST', path: STATUS_PATH, phase: 'after', status: 503 }],
    ['answered an HTML 502 page', { method: 'POST', path: STATUS_PATH, phase: 'after', status: 502, corrupt: 'html' }],
    ['stalled mid-body', { method: 'POST', path: STATUS_PATH, phase: 'after', stallAfterBytes: 5 }],
  ];

  it.each(appliedButUnanswered)('that was applied but %s is not sent again: the read-back finds it', async (_name, fault) => {
    await stack.sims.cdc.fault(fault);

    expect(await setAnalysis()).toEqual(applied);
    expect(await callsTo(stack.sims.cdc, 'POST', STATUS_PATH)).toBe(1);
    expect(await stack.sims.cdc.writes()).toEqual([expect.objectContaining({ code: TYPING, number_status: 2 })]);
  });

  const neverApplied: [string, FaultSpec][] = [
    ['was reset before it arrived', { method: 'POST', path: STATUS_PATH, reset: true }],
    ['was refused with a 503', { method: 'POST', path: STATUS_PATH, status: 503 }],
  ];

  it.each(neverApplied)('that %s is not sent again, and says the status did not change', async (_name, fault) => {
    await stack.sims.cdc.fault(fault);

    const result = await setAnalysis();
    expect(result).toMatchObject({ __typename: 'ProviderError', provider: 'CDC', retryable: true });
    expect(result.message).toMatch(/The status did not change; it is safe to send the change again\.$/);
    expect(await callsTo(stack.sims.cdc, 'POST', STATUS_PATH)).toBe(1);
    expect(await stack.sims.cdc.writes()).toEqual([]);
  });

  it('is sent again only after an expired token, which applied nothing', async () => {
    await stack.sims.cdc.fault({ method: 'POST', path: STATUS_PATH, expiredToken: true });

    expect(await setAnalysis()).toEqual(applied);
    expect(await callsTo(stack.sims.cdc, 'POST', STATUS_PATH)).toBe(2);
    expect(await stack.sims.cdc.writes()).toHaveLength(1);
  });
});

describe('RecoveryConnect update (a PUT of the same fields, repeated)', () => {
  const UPDATE = `
    mutation Update($id: ID!, $input: UpdateAssignmentInput!) {
      updateAssignment(id: $id, input: $input) {
        __typename
        ... on UpdateAssignmentSuccess { assignment { id orderType } }
        ... on ProviderError { message provider retryable }
      }
    }`;
  const PUT_PATH = '/api/v130/assignments/57074903';

  it('is repeated after a reset that followed the write, and ends as asked', async () => {
    await stack.sim.fault({ method: 'PUT', path: PUT_PATH, phase: 'after', reset: true });

    const answer = await stack.gql(UPDATE, { id: '57074903', input: { orderType: 3 } });

    expect(answer.data?.updateAssignment).toEqual({ __typename: 'UpdateAssignmentSuccess', assignment: { id: '57074903', orderType: 3 } });
    const puts = (await stack.sim.requests()).filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.body)).toEqual([{ order_type: 3 }, { order_type: 3 }]);
  });

  it('answers a retryable ProviderError after three lost attempts', async () => {
    await stack.sim.fault({ method: 'PUT', path: PUT_PATH, reset: true, times: 0 });

    const answer = await stack.gql(UPDATE, { id: '57074903', input: { orderType: 3 } });

    expect(answer.data?.updateAssignment).toEqual({
      __typename: 'ProviderError',
      message: 'RecoveryConnect could not be reached (ECONNRESET).',
      provider: 'RECOVERY_CONNECT',
      retryable: true,
    });
    expect(await callsTo(stack.sim, 'PUT', PUT_PATH)).toBe(3);
  });
});
