/**
 * RecoveryConnect data as real providers send it (test/fixtures/messy/), through GraphQL over HTTP
 * against the simulator: numbers and flags as strings, US-formatted amounts, placeholders in any
 * case, zero dates, an assignment without `primary_collateral`, the collateral list in its
 * documented shape (no ids), and parts of an answer that fail while the rest stays.
 */
import messy from './fixtures/messy/recoveryconnect-assignments.json';
import documentedCollaterals from './fixtures/messy/recoveryconnect-collaterals-documented.json';
import type { RawAssignment } from '../src/providers/recovery-connect/raw';
import { recoveryConnectFixture } from '../tools/simulators/fixtures';
import { startStack, type TestStack } from './support/stack';

const MESSY = '57075001';
const NO_COLLATERAL = '57075002';
const assignments: RawAssignment[] = [...recoveryConnectFixture.assignments, ...messy.assignments];

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ simulator: { assignments } });
});
afterAll(async () => {
  await stack.close();
});
afterEach(async () => {
  await stack.sim.clearFaults();
});

describe('reading messy RecoveryConnect values', () => {
  it('reads numbers and flags written as strings, US amounts, placeholders in any case and zero dates', async () => {
    const answer = await stack.gql(`{
      assignment(id: "${MESSY}") {
        clientId status orderType collectorId isViolent isLender isLatestCase reopenCount companyOrderNumber
        acceptedDate expiresAt note reason clientAccountNumber lienAccountNumber assignmentSituation
        primaryCollateral {
          isPrimary isDamaged status contractDate delinquentSince chargeoffDate additionalInfo
          originalLoanAmount paymentAmount pastDueAmount unpaidBalance
          vehicle { year keyCode }
        }
      }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      assignment: {
        clientId: '10004',
        status: 2,
        orderType: 5,
        collectorId: '83268',
        isViolent: false,
        isLender: true,
        isLatestCase: true,
        reopenCount: 1,
        // An identifier is text as written; it is not a number to read.
        companyOrderNumber: '267,002',
        acceptedDate: null,
        expiresAt: null,
        note: null,
        reason: null,
        clientAccountNumber: null,
        lienAccountNumber: null,
        assignmentSituation: null,
        primaryCollateral: {
          isPrimary: true,
          isDamaged: true,
          status: 0,
          contractDate: null,
          delinquentSince: '2025-11-01',
          chargeoffDate: null,
          additionalInfo: null,
          originalLoanAmount: '32450.00',
          paymentAmount: '612.4',
          pastDueAmount: null,
          unpaidBalance: '27110.55',
          // The latest history entry wins over the snapshot's "NULL"; here it is "-undefined", a placeholder too.
          vehicle: { year: 2010, keyCode: null },
        },
      },
    });
  });

  it('answers an assignment without primary_collateral, with no collaterals, and the simulator does not fail', async () => {
    const answer = await stack.gql(`{ assignment(id: "${NO_COLLATERAL}") { id primaryCollateral { id } collaterals { id } } }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ assignment: { id: NO_COLLATERAL, primaryCollateral: null, collaterals: [] } });
  });

  it('reads the documented collateral list without ids: the primary by its VIN, the second vehicle shown, a non-object null in its place', async () => {
    await stack.sim.fault({ method: 'GET', path: `/api/v130/assignments/${MESSY}/collaterals`, status: 200, body: documentedCollaterals, times: 0 });

    const answer = await stack.gql(`{
      assignment(id: "${MESSY}") {
        collaterals { id isPrimary unpaidBalance originalLoanAmount paymentAmount vehicle { id vin year make model licensePlate { number state } } }
      }
    }`);

    expect(answer.data).toEqual({
      assignment: {
        collaterals: [
          {
            id: '58855001',
            isPrimary: true,
            unpaidBalance: '27110.55',
            originalLoanAmount: '32450.00',
            paymentAmount: '612.4',
            vehicle: { id: '5441126', vin: 'WP0AA29898U760244', year: 2010, make: 'Nissan', model: 'Xterra', licensePlate: { number: 'DQK4516', state: 'OH' } },
          },
          {
            id: null,
            isPrimary: null,
            unpaidBalance: '18002.10',
            originalLoanAmount: '21000',
            paymentAmount: '412.5',
            vehicle: { id: null, vin: '1FTFW1ET5DFC10312', year: 2013, make: 'Ford', model: 'F-150', licensePlate: { number: null, state: 'TX' } },
          },
          null,
        ],
      },
    });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: `RecoveryConnect sent data the graph cannot read (collateral 3 of assignment ${MESSY}: not an object).`,
        path: ['assignment', 'collaterals', 2],
        extensions: { code: 'PROVIDER_ERROR', provider: 'RECOVERY_CONNECT', retryable: false },
      }),
    ]);
    // No VIN in an error: they are personal data.
    expect(JSON.stringify(answer.errors)).not.toMatch(/1FTFW1ET5DFC10312|WP0AA29898U760244/);
  });
});

describe('partial answers', () => {
  it('nulls only the collaterals of the assignment whose /collaterals call fails, not the page', async () => {
    // Every attempt fails: the first and the policy's 2 retries.
    await stack.sim.fault({ method: 'GET', path: `/api/v130/assignments/${MESSY}/collaterals`, status: 500, times: 3 });

    const answer = await stack.gql(`{ assignments(filter: { ids: ["57074903", "${MESSY}"] }) { items { id collaterals { id } } pageInfo { total } } }`);

    expect(answer.data).toEqual({
      assignments: {
        items: [
          { id: '57074903', collaterals: [{ id: '58854526' }] },
          { id: MESSY, collaterals: null },
        ],
        pageInfo: { total: 2 },
      },
    });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'RecoveryConnect answered with an error (HTTP 500).',
        path: ['assignments', 'items', 1, 'collaterals'],
        extensions: { code: 'PROVIDER_ERROR', provider: 'RECOVERY_CONNECT', retryable: true },
      }),
    ]);
  });

  it('keeps a listed assignment without an id as null in its place, with an error naming it, and the rest of the page', async () => {
    const [seed] = recoveryConnectFixture.assignments;
    await stack.sim.fault({
      method: 'GET',
      path: '/api/v150/assignments',
      status: 200,
      body: {
        data: [seed, { ...seed, id: 'N/A' }],
        links: { first: null, last: null, prev: null, next: null },
        meta: { current_page: 1, from: 1, last_page: 1, path: '/api/v150/assignments', per_page: 50, to: 2, total: 2 },
      },
    });

    const answer = await stack.gql('{ assignments { items { id orderType } pageInfo { total } } }');

    expect(answer.data).toEqual({ assignments: { items: [{ id: '57074903', orderType: 5 }, null], pageInfo: { total: 2 } } });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'RecoveryConnect sent data the graph cannot read (item 2 of page 1: no id).',
        path: ['assignments', 'items', 1],
        extensions: { code: 'PROVIDER_ERROR', provider: 'RECOVERY_CONNECT', retryable: false },
      }),
    ]);
  });

  it('keeps the other root fields when the list itself fails', async () => {
    await stack.sim.fault({ method: 'GET', path: '/api/v150/assignments', status: 503, times: 3 });

    const answer = await stack.gql('{ assignments { items { id } } cdcAssignment(code: "5b0e8c1a-2f4d-4a51-9c1e-000000000001") { number } }');

    expect(answer.data).toEqual({ assignments: null, cdcAssignment: { number: 1001 } });
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['assignments'], 'PROVIDER_ERROR']]);
  });
});
