/**
 * Reading Banco CDC assignments through GraphQL over HTTP, answered by the CDC simulator over real
 * sockets: mapping, lazy loading of operations and history, federation references, failures.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../src/infra/logger';
import { cdcFixture } from '../tools/simulators/fixtures';
import { routesOf } from './support/sim-control';
import { startStack, type TestStack } from './support/stack';

const TYPING = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';
const ANALYSIS = '5b0e8c1a-2f4d-4a51-9c1e-000000000002';
const SIGNATURE = '5b0e8c1a-2f4d-4a51-9c1e-000000000005';
const FINISHED = '5b0e8c1a-2f4d-4a51-9c1e-000000000007';
const CANCELLED = '5b0e8c1a-2f4d-4a51-9c1e-000000000008';
const UNKNOWN = '5b0e8c1a-2f4d-4a51-9c1e-0000000000ff';

const lines: Record<string, unknown>[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ logger: createLogger({ level: 'warn', destination: capture }) });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  lines.length = 0;
  await stack.sims.cdc.clearRequests();
  await stack.sims.cdc.clearFaults();
});

async function cdcRoutes(): Promise<string[]> {
  return routesOf(await stack.sims.cdc.requests()).filter((route) => route !== 'POST /auth/token');
}

/** Fixture assignments as the list route carries them, and one with a status number (12) the seed does not list. */
const LISTED = cdcFixture.assignments.map(({ operations: _operations, status_history: _history, ...assignment }) => assignment);
const ODD = '5b0e8c1a-2f4d-4a51-9c1e-000000000012';
const ODD_ASSIGNMENT = { ...LISTED[0], code: ODD, number_assignment: 1012, number_status: 12 };

/** The simulator refuses to hold an unknown status, so the provider's answer carrying one is injected. */
function answerWith(data: unknown) {
  return { request_code: '63d9cd45-c578-49a7-932f-6f7ef436738b', return: true, return_code: '200-01', message: 'Success.', data };
}

describe('Query.cdcAssignment', () => {
  it('maps the fixture assignment exactly: Brasília time as UTC, amounts as exact decimals', async () => {
    const answer = await stack.gql(`{
      cdcAssignment(code: "${TYPING}") {
        code number status statusDescription purchaser { name document } saleAmount discountAmount createdAt
        operations { code number financedAmount assignmentAmount entryDate }
        statusHistory { status observation changedAt }
        allowedNextStatuses
      }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      cdcAssignment: {
        code: TYPING,
        number: 1001,
        status: 'TYPING',
        statusDescription: 'Creation of the assignment package with the operations.',
        purchaser: { name: 'Fundo Recupera FIDC', document: '12345678000199' },
        saleAmount: '15420.5',
        discountAmount: '2775.69',
        createdAt: '2026-10-01T12:00:00.000Z',
        operations: [
          {
            code: '5b0e8c1a-2f4d-4a51-9c1e-000000009000',
            number: 'OP-1001-1',
            financedAmount: '9000',
            assignmentAmount: '7380',
            entryDate: '2026-02-10',
          },
          {
            code: '5b0e8c1a-2f4d-4a51-9c1e-000000009001',
            number: 'OP-1001-2',
            financedAmount: '9805.5',
            assignmentAmount: '8040.51',
            entryDate: '2026-02-10',
          },
        ],
        statusHistory: [{ status: 'TYPING', observation: null, changedAt: '2026-10-01T12:00:00.000Z' }],
        allowedNextStatuses: ['ANALYSIS', 'SIGNATURE', 'CANCELLED'],
      },
    });
    expect(await cdcRoutes()).toEqual(['GET /assignment/', 'GET /assignment/status/']);
  });

  it('is null for an unknown code, and for an impossible one without a provider call', async () => {
    const answer = await stack.gql(`{ unknown: cdcAssignment(code: "${UNKNOWN}") { code } odd: cdcAssignment(code: "a b") { code } }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ unknown: null, odd: null });
    expect(await cdcRoutes()).toEqual(['GET /assignment/']);
  });

  it('reads an assignment asked for twice in one operation once', async () => {
    const answer = await stack.gql(`{
      a: cdcAssignment(code: "${TYPING}") { status operations { code } }
      b: cdcAssignment(code: "${TYPING}") { number }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(await cdcRoutes()).toEqual(['GET /assignment/']);
  });

  it('is null with a non-retryable error naming an assignment whose status number the seed does not list, without personal data', async () => {
    await stack.sims.cdc.fault({ method: 'GET', path: '/assignment/', status: 200, body: answerWith({ assignment: ODD_ASSIGNMENT, operations: [] }) });

    const answer = await stack.gql(`{ cdcAssignment(code: "${ODD}") { code status } }`);

    expect(answer.data).toEqual({ cdcAssignment: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: `Banco CDC sent data the graph cannot read (assignment ${ODD}: unknown status number 12).`,
        path: ['cdcAssignment'],
        extensions: { code: 'PROVIDER_ERROR', provider: 'CDC', retryable: false },
      }),
    ]);
    const warnings = lines.filter((line) => line.level === 40);
    expect(warnings).toEqual([expect.objectContaining({ provider: 'CDC', failure: 'unreadable_data', path: ['cdcAssignment'] })]);
    expect(JSON.stringify(lines)).not.toMatch(/Fundo|12345678000199/);
    expect(JSON.stringify(answer)).not.toMatch(/Fundo|12345678000199/);
  });

  it('fails the field with PROVIDER_ERROR when the provider fails', async () => {
    // Every attempt fails: the first and the policy's 2 retries.
    await stack.sims.cdc.fault({ method: 'GET', path: '/assignment/', status: 503, times: 3 });

    const answer = await stack.gql(`{ cdcAssignment(code: "${TYPING}") { code } }`);

    expect(answer.data).toEqual({ cdcAssignment: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'Banco CDC answered with an error (HTTP 503).',
        path: ['cdcAssignment'],
        // Banco CDC's request_code of the failed call, for its support desk.
        extensions: { code: 'PROVIDER_ERROR', provider: 'CDC', retryable: true, providerReference: expect.stringMatching(/^[0-9a-f-]{36}$/) as string },
      }),
    ]);
    expect(JSON.stringify(answer)).not.toContain(stack.simulatorUrls.cdc);
  });
});

describe('Query.cdcAssignments', () => {
  it('lists every assignment from one list call, the one it cannot read null in its place with an error naming it', async () => {
    await stack.sims.cdc.fault({ method: 'GET', path: '/assignment/list', status: 200, body: answerWith([...LISTED, ODD_ASSIGNMENT]) });

    const answer = await stack.gql('{ cdcAssignments { code number status saleAmount createdAt } }');

    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: `Banco CDC sent data the graph cannot read (assignment ${ODD}: unknown status number 12).`,
        path: ['cdcAssignments', 5],
        extensions: { code: 'PROVIDER_ERROR', provider: 'CDC', retryable: false },
      }),
    ]);
    expect(answer.data?.cdcAssignments).toEqual([
      { code: TYPING, number: 1001, status: 'TYPING', saleAmount: '15420.5', createdAt: '2026-10-01T12:00:00.000Z' },
      { code: ANALYSIS, number: 1002, status: 'ANALYSIS', saleAmount: '8800', createdAt: '2026-10-02T13:30:00.000Z' },
      { code: SIGNATURE, number: 1005, status: 'SIGNATURE', saleAmount: '22100', createdAt: '2026-10-05T19:45:00.000Z' },
      { code: FINISHED, number: 1007, status: 'FINISHED', saleAmount: '5100', createdAt: '2026-09-20T11:15:00.000Z' },
      { code: CANCELLED, number: 1008, status: 'CANCELLED', saleAmount: '3300', createdAt: '2026-09-28T14:00:00.000Z' },
      null,
    ]);
    expect(await cdcRoutes()).toEqual(['GET /assignment/list']);
    expect(lines.filter((line) => line.level === 40)).toEqual([
      expect.objectContaining({ failure: 'unreadable_data', path: ['cdcAssignments', 5] }),
    ]);
  });

  it('tells each fixture assignment which statuses a partner may set now', async () => {
    const answer = await stack.gql('{ cdcAssignments { number status allowedNextStatuses } }');

    expect(answer.data?.cdcAssignments).toEqual([
      { number: 1001, status: 'TYPING', allowedNextStatuses: ['ANALYSIS', 'SIGNATURE', 'CANCELLED'] },
      { number: 1002, status: 'ANALYSIS', allowedNextStatuses: [] },
      { number: 1005, status: 'SIGNATURE', allowedNextStatuses: ['TYPING', 'ANALYSIS', 'CANCELLED'] },
      { number: 1007, status: 'FINISHED', allowedNextStatuses: [] },
      { number: 1008, status: 'CANCELLED', allowedNextStatuses: [] },
    ]);
    expect(await cdcRoutes()).toEqual(['GET /assignment/list']);
  });

  it('loads operations and history per assignment only when they are asked for', async () => {
    const answer = await stack.gql('{ cdcAssignments { number operations { number } statusHistory { status } } }');

    expect(answer.errors).toBeUndefined();
    const listed = answer.data?.cdcAssignments as { number: number; operations: unknown[]; statusHistory: { status: string }[] }[];
    expect(listed.map((item) => [item.number, item.operations.length, item.statusHistory.map((change) => change.status)])).toEqual([
      [1001, 2, ['TYPING']],
      [1002, 1, ['TYPING', 'ANALYSIS']],
      [1005, 2, ['TYPING', 'ANALYSIS', 'APPROVED', 'SIGNATURE']],
      [1007, 1, ['TYPING', 'ANALYSIS', 'APPROVED', 'SIGNATURE', 'SIGNED_CONTRACT', 'SALE_OFF', 'FINISHED']],
      [1008, 1, ['TYPING', 'CANCELLED']],
    ]);
    const routes = await cdcRoutes();
    expect(routes.filter((route) => route === 'GET /assignment/list')).toHaveLength(1);
    expect(routes.filter((route) => route === 'GET /assignment/')).toHaveLength(5);
    expect(routes.filter((route) => route === 'GET /assignment/status/')).toHaveLength(5);
  });

  it('fails with RATE_LIMITED and Retry-After when the provider rate limits', async () => {
    await stack.sims.cdc.fault({ method: 'GET', path: '/assignment/list', status: 429, retryAfterSeconds: 20 });

    const answer = await stack.gql('{ cdcAssignments { code } }');

    expect(answer.data).toEqual({ cdcAssignments: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        extensions: {
          code: 'RATE_LIMITED',
          provider: 'CDC',
          retryable: true,
          retryAfterSeconds: 20,
          providerReference: expect.any(String) as string,
        },
      }),
    ]);
  });

  it('logs in again, once, after the provider revoked the token, and the query works', async () => {
    await stack.gql('{ cdcAssignments { code } }');
    await stack.sims.cdc.revokeTokens();
    await stack.sims.cdc.clearRequests();

    const answer = await stack.gql(`{ cdcAssignment(code: "${SIGNATURE}") { status } }`);

    expect(answer.data).toEqual({ cdcAssignment: { status: 'SIGNATURE' } });
    expect(routesOf(await stack.sims.cdc.requests())).toEqual(['GET /assignment/', 'POST /auth/token', 'GET /assignment/']);
  });
});

describe('CdcAssignment as a federation entity', () => {
  const ENTITIES = `
    query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on CdcAssignment { code status } }
    }`;

  it('publishes CdcAssignment keyed by code', async () => {
    const answer = await stack.gql('{ _service { sdl } }');

    expect((answer.data as { _service: { sdl: string } })._service.sdl).toMatch(/type CdcAssignment\s+@key\(fields: "code"\)/);
  });

  it('resolves references through the loader: an unknown code is null, an impossible one BAD_USER_INPUT at its index, the others resolve', async () => {
    const answer = await stack.gql(ENTITIES, {
      representations: [
        { __typename: 'CdcAssignment', code: TYPING },
        { __typename: 'CdcAssignment', code: UNKNOWN },
        { __typename: 'CdcAssignment', code: 'DROP TABLE' },
        { __typename: 'CdcAssignment', code: FINISHED },
        { __typename: 'CdcAssignment', code: TYPING },
      ],
    });

    // A malformed key is the caller's mistake (issue 11): refused at its index, never sent on.
    expect(answer.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['BAD_USER_INPUT', ['_entities', 2]]]);
    expect(answer.data?._entities).toEqual([
      { code: TYPING, status: 'TYPING' },
      null,
      null,
      { code: FINISHED, status: 'FINISHED' },
      { code: TYPING, status: 'TYPING' },
    ]);
    expect(await cdcRoutes()).toEqual(['GET /assignment/', 'GET /assignment/', 'GET /assignment/']);
  });
});
