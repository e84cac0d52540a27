/**
 * Reading assignments through GraphQL over HTTP, answered by the RecoveryConnect simulator
 * over real sockets.
 */
import { routesOf } from './support/sim-control';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await stack.sim.clearRequests();
});

const VEHICLE_FIELDS = `id vin year make model trim color bodyType engine driveTrain fuelType keyCode sellingDealer
  licensePlate { number state expiresOn }`;

describe('Query.assignment', () => {
  it('maps the seed assignment exactly, placeholders as null', async () => {
    const answer = await stack.gql(`{
      assignment(id: "57074903") {
        id clientId ownerId lienholderId collectorId status statusDate orderType acceptedDate createdAt updatedAt
        expiresAt companyOrderNumber clientAccountNumber lienAccountNumber isViolent isLender isLatestCase
        parentId parentCaseId reopenCount assignmentSituation recoverySituation note reason
        primaryCollateral {
          id isPrimary status statusDate contractDate delinquentSince chargeoffDate
          originalLoanAmount paymentAmount pastDueAmount unpaidBalance isDamaged displayName additionalInfo
          vehicle { ${VEHICLE_FIELDS} }
        }
      }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      assignment: {
        id: '57074903',
        clientId: '10004',
        ownerId: '10001',
        lienholderId: '65690',
        collectorId: '83268',
        status: null,
        statusDate: '2026-03-10T18:27:04.000Z',
        orderType: 5,
        acceptedDate: '2026-03-10T11:48:00.000Z',
        createdAt: '2026-03-10T11:27:47.000Z',
        updatedAt: '2026-03-10T11:50:11.000Z',
        expiresAt: null,
        companyOrderNumber: '267002',
        clientAccountNumber: null,
        lienAccountNumber: null,
        isViolent: false,
        isLender: false,
        isLatestCase: true,
        parentId: '57074901',
        parentCaseId: '57074903',
        reopenCount: 1,
        assignmentSituation: '232',
        recoverySituation: null,
        note: null,
        reason: null,
        primaryCollateral: {
          id: '58854526',
          isPrimary: true,
          status: 0,
          statusDate: '2026-03-10T11:48:00.000Z',
          contractDate: null,
          delinquentSince: null,
          chargeoffDate: null,
          originalLoanAmount: '0',
          paymentAmount: '0',
          pastDueAmount: '0',
          unpaidBalance: '0',
          isDamaged: false,
          displayName: '2010 Nissan Xterra WP0AA29898U760244',
          additionalInfo: null,
          vehicle: {
            id: '5441126',
            vin: 'WP0AA29898U760244',
            year: 2010,
            make: 'Nissan',
            model: 'Xterra',
            trim: null,
            color: null,
            bodyType: 'NA',
            engine: null,
            driveTrain: null,
            fuelType: null,
            keyCode: null,
            sellingDealer: null,
            licensePlate: { number: 'DQK4516', state: 'OH', expiresOn: '2021-01-10' },
          },
        },
      },
    });
  });

  it("takes 57074905's plate from the latest non-empty history entry", async () => {
    const answer = await stack.gql(`{
      assignment(id: "57074905") {
        clientAccountNumber isViolent
        primaryCollateral { contractDate delinquentSince originalLoanAmount paymentAmount pastDueAmount unpaidBalance
          vehicle { ${VEHICLE_FIELDS} } }
      }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      assignment: {
        clientAccountNumber: 'ACC-99120',
        isViolent: true,
        primaryCollateral: {
          contractDate: '2022-08-15',
          delinquentSince: '2025-12-01',
          originalLoanAmount: '32450.00',
          paymentAmount: '612.40',
          pastDueAmount: '1837.20',
          unpaidBalance: '27110.55',
          vehicle: {
            id: '6120044',
            vin: '1FTEW1EP6JFA12345',
            year: 2018,
            make: 'Ford',
            model: 'F-150',
            trim: 'XLT',
            // "Blue" from 2022; the empty entry of 2024 does not erase it.
            color: 'Blue',
            bodyType: 'Pickup',
            engine: '3.5L V6',
            driveTrain: '4WD',
            fuelType: 'Gasoline',
            keyCode: null,
            sellingDealer: 'Lakeside Ford',
            // 2026's KRT7781/TX wins over 2022's GHP2210/OK.
            licensePlate: { number: 'KRT7781', state: 'TX', expiresOn: '2026-09-30' },
          },
        },
      },
    });
  });

  it('answers 57074907, which has no collateral, without failing', async () => {
    const answer = await stack.gql(`{ assignment(id: "57074907") { id collectorId primaryCollateral { id } collaterals { id } } }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      assignment: { id: '57074907', collectorId: '83270', primaryCollateral: null, collaterals: [] },
    });
  });

  it('answers null for an unknown id, and asks the provider nothing for a malformed one', async () => {
    const answer = await stack.gql(`{ unknown: assignment(id: "99999999") { id } malformed: assignment(id: "57074903 OR 1=1") { id } }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ unknown: null, malformed: null });
    const lookups = (await stack.sim.requests()).filter((request) => request.path === '/api/v150/assignments');
    expect(lookups.map((request) => request.query.ids)).toEqual(['99999999']);
  });

  it('fetches every assignment of one operation with one list call', async () => {
    const answer = await stack.gql(`{
      a: assignment(id: "57074903") { id } b: assignment(id: "57074905") { id } c: assignment(id: "57074907") { id }
      again: assignment(id: "57074903") { orderType }
    }`);

    expect(answer.data).toEqual({
      a: { id: '57074903' },
      b: { id: '57074905' },
      c: { id: '57074907' },
      again: { orderType: 5 },
    });
    const lookups = (await stack.sim.requests()).filter((request) => request.path === '/api/v150/assignments');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.query.ids?.split(',').sort()).toEqual(['57074903', '57074905', '57074907']);
  });

  it('lists collaterals with the primary one in full, vehicle history included', async () => {
    const answer = await stack.gql(`{
      assignment(id: "57074905") {
        collaterals { id isPrimary unpaidBalance vehicle { vin licensePlate { number state }
          propertyHistory(name: "license_no") { value source recordedAt } } }
      }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      assignment: {
        collaterals: [
          {
            id: '58854600',
            isPrimary: true,
            unpaidBalance: '27110.55',
            vehicle: {
              vin: '1FTEW1EP6JFA12345',
              licensePlate: { number: 'KRT7781', state: 'TX' },
              propertyHistory: [
                { value: 'GHP2210', source: 'Purchase', recordedAt: '2022-08-15T12:00:00.000Z' },
                { value: 'KRT7781', source: 'User Input', recordedAt: '2026-04-02T09:12:40.000Z' },
              ],
            },
          },
        ],
      },
    });
    expect(routesOf(await stack.sim.requests())).toContain('GET /api/v130/assignments/57074905/collaterals');
  });

  it('shows empty history entries only when asked', async () => {
    const query = (includeEmpty: boolean) => `{
      assignment(id: "57074903") { primaryCollateral { vehicle {
        propertyHistory(name: "keycodes", includeEmpty: ${includeEmpty}) { value } } } }
    }`;
    const withoutEmpty = await stack.gql(query(false));
    const withEmpty = await stack.gql(query(true));

    const history = (answer: typeof withEmpty) =>
      (answer.data as { assignment: { primaryCollateral: { vehicle: { propertyHistory: { value: string | null }[] } } } })
        .assignment.primaryCollateral.vehicle.propertyHistory;
    expect(history(withoutEmpty)).toEqual([]);
    // The seed records keycodes four times: three empty, then "-undefined".
    expect(history(withEmpty)).toEqual([{ value: null }, { value: null }, { value: null }, { value: null }]);
  });
});

describe('provider failure on a query', () => {
  afterEach(async () => {
    await stack.sim.clearFaults();
  });

  it('answers null with a PROVIDER_ERROR for the failed field and keeps the rest', async () => {
    await stack.sim.fault({ method: 'GET', path: '/api/v130/assignments/*', status: 503, retryAfterSeconds: 20 });

    const answer = await stack.gql(`{ assignment(id: "57074905") { id collaterals { id } } }`);

    // collaterals is its own call and nullable: the failure nulls it alone; the message names the provider only.
    expect(answer.data).toEqual({ assignment: { id: '57074905', collaterals: null } });
    expect(answer.errors).toEqual([
      {
        message: 'RecoveryConnect answered with an error (HTTP 503).',
        path: ['assignment', 'collaterals'],
        locations: [{ line: 1, column: 35 }],
        extensions: { code: 'PROVIDER_ERROR', provider: 'RECOVERY_CONNECT', retryable: true, retryAfterSeconds: 20 },
      },
    ]);
    expect(JSON.stringify(answer)).not.toContain(stack.simulatorUrl);
  });

  it('keeps the other root fields when one field fails', async () => {
    // Every attempt fails: the first and the policy's 2 retries.
    await stack.sim.fault({ method: 'GET', path: '/api/v130/assignments/57074905/collaterals', status: 500, times: 3 });

    const answer = await stack.gql(`{
      failing: assignment(id: "57074905") { id collaterals { id } }
      fine: assignment(id: "57074903") { id collaterals { id } }
    }`);

    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['failing', 'collaterals'], 'PROVIDER_ERROR'],
    ]);
    expect(answer.data).toEqual({ failing: { id: '57074905', collaterals: null }, fine: { id: '57074903', collaterals: [{ id: '58854526' }] } });
  });
});

describe('Query.assignments', () => {
  it('pages through the list with Laravel pagination turned into pageInfo', async () => {
    const first = await stack.gql(`{ assignments(perPage: 2) { items { id } pageInfo { page perPage total lastPage hasNextPage } } }`);
    const second = await stack.gql(`{ assignments(page: 2, perPage: 2) { items { id } pageInfo { page hasNextPage } } }`);

    expect(first.data).toEqual({
      assignments: {
        items: [{ id: '57074903' }, { id: '57074905' }],
        pageInfo: { page: 1, perPage: 2, total: 3, lastPage: 2, hasNextPage: true },
      },
    });
    expect(second.data).toEqual({ assignments: { items: [{ id: '57074907' }], pageInfo: { page: 2, hasNextPage: false } } });
  });

  it('filters by account number, client and ids as the provider does', async () => {
    const answer = await stack.gql(`{
      byAccount: assignments(filter: { accountNumber: "ACC-99120" }) { items { id } pageInfo { total } }
      byIds: assignments(filter: { ids: ["57074907", "57074903"] }) { items { id } }
      byClient: assignments(filter: { clientId: "999" }) { items { id } pageInfo { total lastPage hasNextPage } }
    }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      byAccount: { items: [{ id: '57074905' }], pageInfo: { total: 1 } },
      byIds: { items: [{ id: '57074903' }, { id: '57074907' }] },
      byClient: { items: [], pageInfo: { total: 0, lastPage: 1, hasNextPage: false } },
    });
    const queries = (await stack.sim.requests()).map((request) => request.query);
    expect(queries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ acct_no: 'ACC-99120' }),
        expect.objectContaining({ ids: '57074907,57074903' }),
        expect.objectContaining({ client_id: '999' }),
      ]),
    );
  });

  it('rejects perPage above 250 as bad input instead of capping it, without calling the provider', async () => {
    const answer = await stack.gql(`{ assignments(perPage: 251) { items { id } } }`);

    expect(answer.data).toEqual({ assignments: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        path: ['assignments'],
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ path: ['perPage'], code: 'OUT_OF_RANGE', message: 'perPage is 1 to 250.' }],
        },
      }),
    ]);
    expect(await stack.sim.requests()).toEqual([]);
  });
});

describe('provider token expiry', () => {
  it('logs in again transparently when the provider says the token expired', async () => {
    let simulatorClock = Date.now();
    const expiring = await startStack({ simulator: { tokenTtlSeconds: 3600, now: () => new Date(simulatorClock) } });
    try {
      await expiring.gql(`{ assignment(id: "57074903") { id } }`);
      // Two hours pass at the provider; our cached token still looks fresh to us.
      simulatorClock += 2 * 3600 * 1000;
      await expiring.sim.clearRequests();

      const answer = await expiring.gql(`{ assignment(id: "57074905") { id } }`);

      expect(answer).toEqual({ status: 200, data: { assignment: { id: '57074905' } } });
      expect(routesOf(await expiring.sim.requests())).toEqual([
        'GET /api/v150/assignments',
        'POST /api/v140/auth',
        'GET /api/v150/assignments',
      ]);
    } finally {
      await expiring.close();
    }
  });
});
