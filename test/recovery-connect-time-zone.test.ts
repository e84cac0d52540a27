/**
 * RECOVERY_CONNECT_TIME_ZONE through GraphQL over HTTP: RecoveryConnect's zone-less timestamps
 * read as that zone's wall clock, those with a zone as written, and the simulator writing its own
 * zone-less `updated_at` in the same zone, so a write reads back as the instant it happened.
 */
import { startStack, type TestStack } from './support/stack';

const WRITTEN_AT = new Date('2026-07-01T12:00:00.000Z');

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ recoveryConnectTimeZone: 'America/Los_Angeles', simulator: { now: () => WRITTEN_AT } });
});
afterAll(async () => {
  await stack.close();
});

describe('RECOVERY_CONNECT_TIME_ZONE=America/Los_Angeles', () => {
  it('reads zone-less timestamps as Pacific time, and zoned ones as written', async () => {
    const answer = await stack.gql(`{
      assignment(id: "57074903") {
        statusDate acceptedDate createdAt updatedAt
        primaryCollateral { statusDate vehicle { propertyHistory(name: "keycodes", includeEmpty: true) { recordedAt } } }
      }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      assignment: {
        // Written with Z: as written.
        statusDate: '2026-03-10T18:27:04.000Z',
        // `2026-03-10 11:48:00` etc. in PDT (UTC−07:00).
        acceptedDate: '2026-03-10T18:48:00.000Z',
        createdAt: '2026-03-10T18:27:47.000Z',
        updatedAt: '2026-03-10T18:50:11.000Z',
        primaryCollateral: {
          statusDate: '2026-03-10T11:48:00.000Z',
          vehicle: {
            propertyHistory: [
              // Winter entries are PST (UTC−08:00), summer ones PDT (UTC−07:00).
              { recordedAt: '2020-12-06T23:56:59.000Z' },
              { recordedAt: '2024-01-14T00:14:42.000Z' },
              { recordedAt: '2024-05-01T16:42:21.000Z' },
              // The seed's latest entry, `2026-03-10 11:27:04`: the assignment's statusDate to the second.
              { recordedAt: '2026-03-10T18:27:04.000Z' },
            ],
          },
        },
      },
    });
  });

  it('reads back an update at the instant the simulator made it, though it writes updated_at in Pacific time', async () => {
    const answer = await stack.gql(`mutation {
      updateAssignment(id: "57074905", input: { orderType: 3 }) { __typename ... on UpdateAssignmentSuccess { assignment { updatedAt } } }
    }`);

    expect(answer.data).toEqual({ updateAssignment: { __typename: 'UpdateAssignmentSuccess', assignment: { updatedAt: WRITTEN_AT.toISOString() } } });
  });
});
