/**
 * `setCdcStatus` through GraphQL over HTTP against the CDC simulator on real sockets: the seed's
 * status rules decided locally without a call, the provider as the final authority, and a
 * status change sent at most once.
 */
import { cdcFixture } from '../tools/simulators/fixtures';
import { routesOf } from './support/sim-control';
import { startStack, type TestStack } from './support/stack';

const TYPING = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';
const ANALYSIS = '5b0e8c1a-2f4d-4a51-9c1e-000000000002';
const SIGNATURE = '5b0e8c1a-2f4d-4a51-9c1e-000000000005';
const FINISHED = '5b0e8c1a-2f4d-4a51-9c1e-000000000007';
const CANCELLED = '5b0e8c1a-2f4d-4a51-9c1e-000000000008';
const ALL = [TYPING, ANALYSIS, SIGNATURE, FINISHED, CANCELLED];
const UNKNOWN = '5b0e8c1a-2f4d-4a51-9c1e-0000000000ff';

let stack: TestStack;

beforeEach(async () => {
  // A fresh simulator per test: status changes change its data.
  stack = await startStack();
});
afterEach(async () => {
  await stack.close();
});

const SET = `
  mutation Set($input: SetCdcStatusInput!) {
    setCdcStatus(input: $input) {
      __typename
      ... on SetCdcStatusSuccess {
        previousStatus
        assignment { code status allowedNextStatuses statusHistory { status observation changedAt } }
      }
      ... on ResultError { message }
      ... on CdcStatusNotPermitted { currentStatus requestedStatus allowedStatuses }
      ... on NotFoundError { resource id }
      ... on ValidationError { fieldErrors { path code message } }
      ... on ProviderError { provider retryable retryAfterSeconds providerCode }
    }
  }`;

interface Answer {
  __typename: string;
  [field: string]: unknown;
}

async function setStatus(input: Record<string, unknown>): Promise<Answer> {
  const answer = await stack.gql(SET, { input });
  expect(answer.errors).toBeUndefined();
  return answer.data?.setCdcStatus as Answer;
}

/** The status changes the graph posted to the simulator, as `code → number_status`. */
async function posts(): Promise<string[]> {
  return (await stack.sims.cdc.requests())
    .filter((request) => request.method === 'POST' && request.path === '/assignment/status/')
    .map((request) => `${request.query.code ?? '?'} → ${String((request.body as { number_status?: unknown }).number_status)}`);
}

/** The status changes the simulator applied. */
async function writes(): Promise<{ code: string; number_status: number }[]> {
  const res = await fetch(`${stack.simulatorUrls.cdc}/__sim/writes`);
  return ((await res.json()) as { writes: { code: string; number_status: number }[] }).writes;
}

/** A move by CDC or the system, behind the graph's back. */
async function moveBehindOurBack(code: string, numberStatus: number): Promise<void> {
  const res = await fetch(`${stack.simulatorUrls.cdc}/__sim/assignment-status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, number_status: numberStatus }),
  });
  expect(res.status).toBe(204);
}

/** The answer `GET /assignment/` gave for `code` before a change: a read that raced with it. */
function staleRead(code: string, numberStatus: number) {
  const fixture = cdcFixture.assignments.find((assignment) => assignment.code === code);
  if (!fixture) throw new Error(`fixture assignment ${code} is missing`);
  const { operations, status_history: _history, ...assignment } = fixture;
  return {
    method: 'GET',
    path: '/assignment/',
    status: 200,
    times: 1,
    body: {
      request_code: '63d9cd45-c578-49a7-932f-6f7ef436738b',
      return: true,
      return_code: '200-01',
      message: 'Success.',
      data: { assignment: { ...assignment, number_status: numberStatus }, operations },
    },
  };
}

/** A fault answering the POST with the envelope of `returnCode`, as the provider would. */
function postAnswered(returnCode: string, message: string) {
  return {
    method: 'POST',
    path: '/assignment/status/',
    status: Number(returnCode.slice(0, 3)),
    body: { request_code: '63d9cd45-c578-49a7-932f-6f7ef436738b', return: false, return_code: returnCode, message },
  };
}

describe('Mutation.setCdcStatus: permitted changes', () => {
  it('moves TYPING to ANALYSIS, and the change is in the status history', async () => {
    const before = Date.now();
    const result = await setStatus({ code: TYPING, status: 'ANALYSIS', observation: 'Pacote completo para análise' });

    expect(result).toMatchObject({
      __typename: 'SetCdcStatusSuccess',
      previousStatus: 'TYPING',
      assignment: { code: TYPING, status: 'ANALYSIS', allowedNextStatuses: [] },
    });
    const history = (result.assignment as { statusHistory: { status: string; observation: string | null; changedAt: string }[] })
      .statusHistory;
    expect(history.map((change) => [change.status, change.observation])).toEqual([
      ['TYPING', null],
      ['ANALYSIS', 'Pacote completo para análise'],
    ]);
    // Written by the simulator in Brasília time to the second, read back as UTC.
    expect(Date.parse(history[1]!.changedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(history[1]!.changedAt)).toBeLessThanOrEqual(Date.now());
    expect(await posts()).toEqual([`${TYPING} → 2`]);
    expect(await writes()).toEqual([expect.objectContaining({ code: TYPING, number_status: 2 })]);
  });

  it('answers the status the assignment already has as a success without sending anything', async () => {
    for (const [code, status] of [
      [TYPING, 'TYPING'],
      [FINISHED, 'FINISHED'],
      [CANCELLED, 'CANCELLED'],
    ] as const) {
      expect(await setStatus({ code, status })).toMatchObject({
        __typename: 'SetCdcStatusSuccess',
        previousStatus: status,
        assignment: { status },
      });
    }
    expect(await posts()).toEqual([]);
  });
});

describe('Mutation.setCdcStatus: refused before any call', () => {
  it('refuses ANALYSIS → SIGNATURE: a partner cannot leave ANALYSIS', async () => {
    expect(await setStatus({ code: ANALYSIS, status: 'SIGNATURE' })).toEqual({
      __typename: 'CdcStatusNotPermitted',
      message: 'A partner cannot change an assignment whose status is ANALYSIS.',
      currentStatus: 'ANALYSIS',
      requestedStatus: 'SIGNATURE',
      allowedStatuses: [],
    });
    expect(await posts()).toEqual([]);
  });

  it('refuses FINISHED → CANCELLED', async () => {
    expect(await setStatus({ code: FINISHED, status: 'CANCELLED' })).toMatchObject({
      __typename: 'CdcStatusNotPermitted',
      currentStatus: 'FINISHED',
      requestedStatus: 'CANCELLED',
      allowedStatuses: [],
    });
    expect(await posts()).toEqual([]);
  });

  it('refuses APPROVED from every fixture assignment: CDC sets it', async () => {
    for (const code of ALL) {
      expect(await setStatus({ code, status: 'APPROVED' })).toMatchObject({ __typename: 'CdcStatusNotPermitted', requestedStatus: 'APPROVED' });
    }
    expect(await setStatus({ code: TYPING, status: 'APPROVED' })).toMatchObject({
      message: 'APPROVED is set by Banco CDC, not by a partner.',
      allowedStatuses: ['ANALYSIS', 'SIGNATURE', 'CANCELLED'],
    });
    expect(await posts()).toEqual([]);
  });

  it('refuses SIGNED_CONTRACT from every fixture assignment, SIGNATURE included: the system sets it', async () => {
    for (const code of ALL) {
      expect(await setStatus({ code, status: 'SIGNED_CONTRACT' })).toMatchObject({
        __typename: 'CdcStatusNotPermitted',
        requestedStatus: 'SIGNED_CONTRACT',
      });
    }
    expect(await setStatus({ code: SIGNATURE, status: 'SIGNED_CONTRACT' })).toMatchObject({
      message: 'SIGNED_CONTRACT is set by the system, and only from SIGNATURE, not by a partner.',
      currentStatus: 'SIGNATURE',
      allowedStatuses: ['TYPING', 'ANALYSIS', 'CANCELLED'],
    });
    expect(await posts()).toEqual([]);
  });

  it('answers NotFoundError for an unknown code', async () => {
    expect(await setStatus({ code: UNKNOWN, status: 'ANALYSIS' })).toEqual({
      __typename: 'NotFoundError',
      message: `CdcAssignment ${UNKNOWN} does not exist.`,
      resource: 'CdcAssignment',
      id: UNKNOWN,
    });
    expect(await posts()).toEqual([]);
  });

  it('rejects invalid input with its paths and calls nothing at all', async () => {
    expect(await setStatus({ code: 'not a code', status: 'ANALYSIS', observation: 'x'.repeat(501) })).toEqual({
      __typename: 'ValidationError',
      message: 'The input has 2 problems.',
      fieldErrors: [
        { path: ['input', 'code'], code: 'INVALID_FORMAT', message: 'An assignment code is 1 to 64 letters, digits, "-" or "_".' },
        { path: ['input', 'observation'], code: 'TOO_LONG', message: 'At most 500 characters.' },
      ],
    });
    expect(await stack.sims.cdc.requests()).toEqual([]);
  });
});

describe('Mutation.setCdcStatus: the provider decides', () => {
  it("maps the provider's 400-30 to CdcStatusNotPermitted with the status read afresh", async () => {
    await stack.sims.cdc.fault(postAnswered('400-30', 'Status unidentified or without permission to use.'));

    expect(await setStatus({ code: TYPING, status: 'ANALYSIS' })).toEqual({
      __typename: 'CdcStatusNotPermitted',
      message: `Banco CDC did not permit moving assignment ${TYPING} from TYPING to ANALYSIS.`,
      currentStatus: 'TYPING',
      requestedStatus: 'ANALYSIS',
      // The provider just refused ANALYSIS: it is not offered again.
      allowedStatuses: ['SIGNATURE', 'CANCELLED'],
    });
    expect(await posts()).toEqual([`${TYPING} → 2`]);
    expect(await writes()).toEqual([]);
  });

  it('reports a real 400-30 when CDC moved the assignment between our read and our POST', async () => {
    // CDC approves the assignment; our read still sees it in TYPING (it raced with the approval).
    await moveBehindOurBack(TYPING, 3);
    await stack.sims.cdc.fault(staleRead(TYPING, 1));

    expect(await setStatus({ code: TYPING, status: 'SIGNATURE' })).toEqual({
      __typename: 'CdcStatusNotPermitted',
      message: `Banco CDC did not permit moving assignment ${TYPING} from APPROVED to SIGNATURE.`,
      currentStatus: 'APPROVED',
      requestedStatus: 'SIGNATURE',
      allowedStatuses: [],
    });
    expect(await posts()).toEqual([`${TYPING} → 5`]);
    expect(await writes()).toEqual([]);
    const routes = routesOf(await stack.sims.cdc.requests()).filter((route) => route !== 'POST /auth/token');
    expect(routes).toEqual(['GET /assignment/', 'POST /assignment/status/', 'GET /assignment/']);
  });

  it('reads the assignment again after a 503 on the POST and reports a success when the change went through', async () => {
    // The provider applied the change but its answer was lost: the simulator already holds ANALYSIS,
    // our read was taken before it, and the POST answers 503.
    await moveBehindOurBack(TYPING, 2);
    await stack.sims.cdc.fault(staleRead(TYPING, 1));
    await stack.sims.cdc.fault({ method: 'POST', path: '/assignment/status/', status: 503 });

    expect(await setStatus({ code: TYPING, status: 'ANALYSIS' })).toMatchObject({
      __typename: 'SetCdcStatusSuccess',
      previousStatus: 'TYPING',
      assignment: { status: 'ANALYSIS' },
    });
    expect(await posts()).toEqual([`${TYPING} → 2`]);
  });

  it('answers a retryable ProviderError after a 503 on the POST when the change did not go through, sending it once', async () => {
    await stack.sims.cdc.fault({ method: 'POST', path: '/assignment/status/', status: 503 });

    expect(await setStatus({ code: TYPING, status: 'ANALYSIS' })).toEqual({
      __typename: 'ProviderError',
      message: 'Banco CDC answered with an error (HTTP 503). The status did not change; it is safe to send the change again.',
      provider: 'CDC',
      retryable: true,
      retryAfterSeconds: null,
      providerCode: '503-01',
    });
    const routes = routesOf(await stack.sims.cdc.requests()).filter((route) => route !== 'POST /auth/token');
    expect(routes).toEqual(['GET /assignment/', 'POST /assignment/status/', 'GET /assignment/']);

    // The client's retry goes through.
    expect(await setStatus({ code: TYPING, status: 'ANALYSIS' })).toMatchObject({ __typename: 'SetCdcStatusSuccess' });
    expect(await writes()).toHaveLength(1);
  });

  it('answers a rate limit as a retryable ProviderError with Retry-After, without reading back', async () => {
    await stack.sims.cdc.fault({ method: 'POST', path: '/assignment/status/', status: 429, retryAfterSeconds: 12 });

    expect(await setStatus({ code: TYPING, status: 'ANALYSIS' })).toEqual({
      __typename: 'ProviderError',
      message: 'Banco CDC is rate limiting requests.',
      provider: 'CDC',
      retryable: true,
      retryAfterSeconds: 12,
      providerCode: '429-01',
    });
    const routes = routesOf(await stack.sims.cdc.requests()).filter((route) => route !== 'POST /auth/token');
    expect(routes).toEqual(['GET /assignment/', 'POST /assignment/status/']);
  });

  it('says plainly when the module is not enabled (401-06)', async () => {
    await stack.sims.cdc.fault(postAnswered('401-06', 'The requested module is not enabled.'));

    expect(await setStatus({ code: TYPING, status: 'ANALYSIS' })).toMatchObject({
      __typename: 'ProviderError',
      message: 'Banco CDC has not enabled this module for our account (401-06); ask Banco CDC to enable it.',
      retryable: false,
      providerCode: '401-06',
    });
  });

  it('maps a field the provider rejects (406-03) to a ValidationError', async () => {
    await stack.sims.cdc.fault(postAnswered('406-03', 'Mandatory field not informed: number_status.'));

    expect(await setStatus({ code: TYPING, status: 'ANALYSIS' })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input'], code: 'REJECTED_BY_PROVIDER', message: 'Mandatory field not informed: number_status. (406-03)' }],
    });
  });

  it('answers NotFoundError when the assignment disappears between our read and our POST (400-09)', async () => {
    await stack.sims.cdc.fault(postAnswered('400-09', 'There are no results for the query.'));

    expect(await setStatus({ code: TYPING, status: 'ANALYSIS' })).toMatchObject({ __typename: 'NotFoundError', id: TYPING });
  });

  it('logs in again, once, when the token was revoked, and the change goes through', async () => {
    await stack.gql(`{ cdcAssignment(code: "${TYPING}") { code } }`);
    await stack.sims.cdc.revokeTokens();
    await stack.sims.cdc.clearRequests();

    expect(await setStatus({ code: TYPING, status: 'CANCELLED' })).toMatchObject({ __typename: 'SetCdcStatusSuccess', assignment: { status: 'CANCELLED' } });
    expect(routesOf(await stack.sims.cdc.requests())).toEqual([
      'GET /assignment/',
      'POST /auth/token',
      'GET /assignment/',
      'POST /assignment/status/',
      'GET /assignment/',
      'GET /assignment/status/',
    ]);
    expect(await writes()).toHaveLength(1);
  });
});
