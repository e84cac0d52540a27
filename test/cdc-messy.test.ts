/**
 * Banco CDC data as real providers send it (test/fixtures/messy/cdc-assignments.json), through
 * GraphQL over HTTP against the simulator holding it as it is: status numbers as strings, Brazilian
 * amounts, a zero created_at, an empty purchaser name. Every assignment is shown and can be
 * changed; what cannot be read is null with an error, in its place only.
 */
import messy from './fixtures/messy/cdc-assignments.json';
import type { CdcFixtureAssignment } from '../tools/simulators/fixtures';
import { startStack, type TestStack } from './support/stack';

const STRING_STATUS = '5b0e8c1a-2f4d-4a51-9c1e-0000000000a1';
const NO_PURCHASER = '5b0e8c1a-2f4d-4a51-9c1e-0000000000a2';
const assignments: CdcFixtureAssignment[] = messy.assignments;

let stack: TestStack;

beforeEach(async () => {
  // A fresh simulator per test: status changes change its data.
  stack = await startStack({ cdcSimulator: { assignments } });
});
afterEach(async () => {
  await stack.close();
});

const SET = `
  mutation Set($input: SetCdcStatusInput!) {
    setCdcStatus(input: $input) {
      __typename
      ... on SetCdcStatusSuccess { previousStatus assignment { status } }
      ... on CdcStatusNotPermitted { currentStatus requestedStatus }
      ... on ResultError { message }
    }
  }`;

describe('reading messy Banco CDC values', () => {
  it('lists every assignment, a string number_status included, with what it lacks as null', async () => {
    const answer = await stack.gql(`{
      cdcAssignments { code number status createdAt saleAmount discountAmount purchaser { name document } }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.cdcAssignments).toEqual([
      {
        code: STRING_STATUS,
        number: 2001,
        status: 'ANALYSIS',
        createdAt: null,
        saleAmount: '15420.50',
        discountAmount: '2775.69',
        purchaser: { name: null, document: '12345678000199' },
      },
      {
        code: NO_PURCHASER,
        number: 2002,
        status: 'TYPING',
        createdAt: '2026-10-03T11:15:00.000Z',
        saleAmount: '1234.5',
        // "1.234" is 1234 to Banco CDC and 1.234 to a machine: never a guess.
        discountAmount: null,
        purchaser: null,
      },
    ]);
  });

  it('reads operations and history with zero dates and placeholders as null', async () => {
    const answer = await stack.gql(`{
      cdcAssignment(code: "${STRING_STATUS}") {
        operations { number financedAmount assignmentAmount entryDate }
        statusHistory { status observation changedAt }
      }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      cdcAssignment: {
        operations: [{ number: null, financedAmount: '9000.00', assignmentAmount: '7380', entryDate: null }],
        statusHistory: [
          { status: 'TYPING', observation: null, changedAt: '2026-10-01T12:00:00.000Z' },
          { status: 'ANALYSIS', observation: null, changedAt: null },
        ],
      },
    });
  });
});

describe('setCdcStatus on messy data', () => {
  it('reads a string number_status as the status it is: ANALYSIS is locked for a partner', async () => {
    const answer = await stack.gql(SET, { input: { code: STRING_STATUS, status: 'CANCELLED' } });

    expect(answer.data?.setCdcStatus).toEqual({
      __typename: 'CdcStatusNotPermitted',
      message: 'A partner cannot change an assignment whose status is ANALYSIS.',
      currentStatus: 'ANALYSIS',
      requestedStatus: 'CANCELLED',
    });
    expect(await stack.sims.cdc.writes()).toEqual([]);
  });

  it('changes an assignment whose number_status came as " 1 "; the simulator reads it the same way', async () => {
    const answer = await stack.gql(SET, { input: { code: NO_PURCHASER, status: 'ANALYSIS' } });

    expect(answer.data?.setCdcStatus).toEqual({ __typename: 'SetCdcStatusSuccess', previousStatus: 'TYPING', assignment: { status: 'ANALYSIS' } });
    expect(await stack.sims.cdc.writes()).toEqual([expect.objectContaining({ code: NO_PURCHASER, number_status: 2 })]);
  });
});

describe('partial answers', () => {
  it('nulls a history entry with a status the seed does not list in its place, with an error naming it', async () => {
    await stack.sims.cdc.fault({
      method: 'GET',
      path: '/assignment/status/',
      status: 200,
      body: {
        request_code: '63d9cd45-c578-49a7-932f-6f7ef436738b',
        return: true,
        return_code: '200-01',
        message: 'Success.',
        data: [
          { number_status: 1, observation: '', created_at: '2026-10-03 08:15:00' },
          { number_status: 12, observation: '', created_at: '2026-10-03 09:00:00' },
        ],
      },
    });

    const answer = await stack.gql(`{ cdcAssignment(code: "${NO_PURCHASER}") { status statusHistory { status } } }`);

    expect(answer.data).toEqual({ cdcAssignment: { status: 'TYPING', statusHistory: [{ status: 'TYPING' }, null] } });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: `Banco CDC sent data the graph cannot read (status change 2 of assignment ${NO_PURCHASER}: unknown status number 12).`,
        path: ['cdcAssignment', 'statusHistory', 1],
        extensions: { code: 'PROVIDER_ERROR', provider: 'CDC', retryable: false },
      }),
    ]);
  });

  it('nulls only the operations of listed assignments whose own read fails, not the list nor their other fields', async () => {
    await stack.sims.cdc.fault({ method: 'GET', path: '/assignment/', status: 503, times: 0 });

    const answer = await stack.gql('{ cdcAssignments { number status operations { code } } }');

    expect(answer.data?.cdcAssignments).toEqual([
      { number: 2001, status: 'ANALYSIS', operations: null },
      { number: 2002, status: 'TYPING', operations: null },
    ]);
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['cdcAssignments', 0, 'operations'], 'PROVIDER_ERROR'],
      [['cdcAssignments', 1, 'operations'], 'PROVIDER_ERROR'],
    ]);
  });
});
