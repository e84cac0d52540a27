import fixture from '../../tools/simulators/fixtures/recoveryconnect.json';
import type { CollateralModel, VehiclePropertyModel } from '../../src/domain/assignment/model';
import {
  latestValue,
  mapAssignment,
  mapCollateral,
  mapCollateralListItem,
  mapPropertyHistory,
  mapVehicle,
  mergeCollaterals,
} from '../../src/providers/recovery-connect/mapping';

const SEED_ID = 57074903; // the seed's example assignment, unchanged
const FORD_ID = 57074905; // history with a newer plate and later empty entries
const NO_COLLATERAL_ID = 57074907; // primary_collateral: null

/** A fresh copy of one fixture assignment, so a test may change it freely. */
function seed(id: number): Record<string, unknown> {
  const found = (fixture.assignments as unknown as Record<string, unknown>[]).find((a) => a.id === id);
  if (!found) throw new Error(`fixture assignment ${id} is missing`);
  return structuredClone(found);
}

function primaryOf(raw: Record<string, unknown>): Record<string, unknown> {
  return raw.primary_collateral as Record<string, unknown>;
}

function baseObjectOf(raw: Record<string, unknown>): Record<string, unknown> {
  return primaryOf(raw).base_object as Record<string, unknown>;
}

function property(
  id: number,
  name: string,
  data: unknown,
  createdAt: unknown = '2024-01-01 00:00:00',
): Record<string, unknown> {
  return { id, object_id: 1, name, data, data_source: 'User Input', created_at: createdAt, updated_at: createdAt };
}

function entry(name: string, value: string | null): VehiclePropertyModel {
  return { name, value, source: null, recordedAt: null };
}

function collateral(id: string, displayName: string | null = null): CollateralModel {
  return {
    id,
    isPrimary: null,
    status: null,
    statusDate: null,
    contractDate: null,
    delinquentSince: null,
    chargeoffDate: null,
    originalLoanAmount: null,
    paymentAmount: null,
    pastDueAmount: null,
    unpaidBalance: null,
    isDamaged: null,
    displayName,
    additionalInfo: null,
    vehicle: null,
  };
}

describe('mapAssignment on the seed assignment 57074903', () => {
  const model = mapAssignment(seed(SEED_ID));

  it('maps the assignment fields, placeholders and zone-less timestamps included', () => {
    const { primaryCollateral: _primary, ...assignment } = model;
    expect(assignment).toStrictEqual({
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
    });
  });

  it('maps the primary collateral, with "No Data" dates as null and amounts as exact strings', () => {
    const { vehicle: _vehicle, ...primary } = model.primaryCollateral!;
    expect(primary).toStrictEqual({
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
    });
  });

  it('maps the vehicle from base_object, its model and its property history', () => {
    const { propertyHistory, ...vehicle } = model.primaryCollateral!.vehicle!;
    expect(vehicle).toStrictEqual({
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
    });
    // All 51 entries of `properties[]` are kept, empty ones included, oldest first.
    expect(propertyHistory).toHaveLength(51);
    expect(propertyHistory[0]).toStrictEqual({
      name: 'body_type',
      value: 'NA',
      source: 'User Input',
      recordedAt: '2020-12-06T15:56:59.000Z',
    });
    expect(propertyHistory.at(-1)).toStrictEqual({
      name: 'selling_dealer',
      value: null,
      source: 'User Input',
      recordedAt: '2026-03-10T11:27:04.000Z',
    });
  });

  it('reads the key code as null when history and snapshot hold only "-undefined" or ""', () => {
    const keycodes = model.primaryCollateral!.vehicle!.propertyHistory.filter((p) => p.name === 'keycodes');
    expect(keycodes.at(-1)).toStrictEqual({
      name: 'keycodes',
      value: null,
      source: 'User Input',
      recordedAt: '2026-03-10T11:27:04.000Z',
    });
    expect(model.primaryCollateral!.vehicle!.keyCode).toBeNull();
  });

  it('keeps the plate from the older non-empty entries over later empty ones', () => {
    const raw = seed(SEED_ID);
    delete baseObjectOf(raw).object_properties; // history alone must yield the plate
    expect(mapAssignment(raw).primaryCollateral!.vehicle!.licensePlate).toStrictEqual({
      number: 'DQK4516',
      state: 'OH',
      expiresOn: '2021-01-10',
    });
  });
});

describe('mapAssignment on 57074905', () => {
  const model = mapAssignment(seed(FORD_ID));

  it('takes the plate from the latest history entries over the older GHP2210/OK', () => {
    expect(model.primaryCollateral!.vehicle!.licensePlate).toStrictEqual({
      number: 'KRT7781',
      state: 'TX',
      expiresOn: '2026-09-30',
    });
  });

  it('takes the plate and colour from history alone, without the snapshot', () => {
    const raw = seed(FORD_ID);
    delete baseObjectOf(raw).object_properties;
    const vehicle = mapAssignment(raw).primaryCollateral!.vehicle!;
    expect(vehicle.licensePlate).toStrictEqual({ number: 'KRT7781', state: 'TX', expiresOn: '2026-09-30' });
    expect(vehicle.color).toBe('Blue');
    expect(vehicle.trim).toBe('XLT');
  });

  it('keeps the older non-empty colour over later empty entries', () => {
    expect(model.primaryCollateral!.vehicle!.color).toBe('Blue');
  });

  it('carries the amounts as the exact strings sent', () => {
    const primary = model.primaryCollateral!;
    expect(primary.originalLoanAmount).toBe('32450.00');
    expect(primary.paymentAmount).toBe('612.40');
    expect(primary.pastDueAmount).toBe('1837.20');
    expect(primary.unpaidBalance).toBe('27110.55');
  });

  it('reads the collateral dates and the assignment flags and account number', () => {
    expect(model.primaryCollateral!.contractDate).toBe('2022-08-15');
    expect(model.primaryCollateral!.delinquentSince).toBe('2025-12-01');
    expect(model.primaryCollateral!.chargeoffDate).toBeNull();
    expect(model.isViolent).toBe(true);
    expect(model.collectorId).toBeNull();
    expect(model.acceptedDate).toBeNull();
    expect(model.clientAccountNumber).toBe('ACC-99120');
    expect(model.lienAccountNumber).toBe('LN-4471');
  });

  it('uses the snapshot for properties the history never recorded', () => {
    const vehicle = model.primaryCollateral!.vehicle!;
    expect(vehicle.sellingDealer).toBe('Lakeside Ford');
    expect(vehicle.engine).toBe('3.5L V6');
    expect(vehicle.bodyType).toBe('Pickup');
    expect(vehicle.make).toBe('Ford');
    expect(vehicle.year).toBe(2018);
  });
});

describe('mapAssignment on 57074907', () => {
  it('maps a null primary collateral to null', () => {
    const model = mapAssignment(seed(NO_COLLATERAL_ID));
    expect(model.id).toBe('57074907');
    expect(model.primaryCollateral).toBeNull();
  });
});

describe('mapPropertyHistory', () => {
  it('orders entries oldest first by recorded time, whatever order they arrive in', () => {
    const history = mapPropertyHistory([
      property(3, 'color', 'Red', '2024-05-01 00:00:00'),
      property(1, 'color', 'Blue', '2020-01-01 00:00:00'),
      property(2, 'color', 'Green', '2022-01-01T00:00:00.000000Z'),
    ]);
    expect(history.map((p) => p.value)).toStrictEqual(['Blue', 'Green', 'Red']);
  });

  it('orders by time, not by id, when they disagree', () => {
    const history = mapPropertyHistory([
      property(1, 'color', 'Newer', '2024-01-01 00:00:00'),
      property(9, 'color', 'Older', '2020-01-01 00:00:00'),
    ]);
    expect(history.map((p) => p.value)).toStrictEqual(['Older', 'Newer']);
  });

  it('compares times across formats and offsets as instants', () => {
    const history = mapPropertyHistory([
      property(1, 'color', 'Later', '2024-01-01 10:00:00'),
      property(2, 'color', 'Earlier', '2024-01-01T11:00:00+02:00'), // 09:00 UTC
    ]);
    expect(history.map((p) => p.value)).toStrictEqual(['Earlier', 'Later']);
  });

  it('breaks ties of the same time by id: later ids were written later', () => {
    const history = mapPropertyHistory([
      property(52989784, 'license_no', 'DQK4516', '2020-12-06 15:56:59'),
      property(52989770, 'license_no', '', '2020-12-06 15:56:59'),
    ]);
    expect(history.map((p) => p.value)).toStrictEqual([null, 'DQK4516']);
  });

  it('maps each entry, with placeholders as null and the time as an ISO instant', () => {
    expect(mapPropertyHistory([property(1, 'keycodes', '-undefined', '2026-03-10 11:27:04')])).toStrictEqual([
      { name: 'keycodes', value: null, source: 'User Input', recordedAt: '2026-03-10T11:27:04.000Z' },
    ]);
  });

  it('keeps entries with an unreadable time, first, with recordedAt null', () => {
    const history = mapPropertyHistory([
      property(1, 'color', 'Dated', '2020-01-01 00:00:00'),
      property(2, 'color', 'Undated', 'No Data'),
    ]);
    expect(history).toStrictEqual([
      { name: 'color', value: 'Undated', source: 'User Input', recordedAt: null },
      { name: 'color', value: 'Dated', source: 'User Input', recordedAt: '2020-01-01T00:00:00.000Z' },
    ]);
  });

  it('drops entries without a name and entries that are not objects', () => {
    const history = mapPropertyHistory([
      null,
      1,
      'a',
      [],
      property(1, '', 'x'),
      property(2, 'No Data', 'x'),
      { id: 3, data: 'x' },
      property(4, 'color', 'Blue'),
    ]);
    expect(history.map((p) => p.name)).toStrictEqual(['color']);
  });

  it.each([null, undefined, {}, 'properties', 42, { 0: property(1, 'color', 'Blue') }])(
    'reads the non-list %j as an empty history',
    (raw) => {
      expect(mapPropertyHistory(raw)).toStrictEqual([]);
    },
  );
});

describe('latestValue', () => {
  it('answers the last non-empty value recorded for the name', () => {
    const history = [entry('color', 'Blue'), entry('color', 'Red'), entry('trim', 'XLT')];
    expect(latestValue(history, 'color')).toBe('Red');
  });

  it('skips later empty entries', () => {
    const history = [entry('color', 'Blue'), entry('color', null), entry('color', null)];
    expect(latestValue(history, 'color')).toBe('Blue');
  });

  it('answers null when every entry for the name is empty', () => {
    expect(latestValue([entry('keycodes', null), entry('keycodes', null)], 'keycodes')).toBeNull();
  });

  it('answers null for a name never recorded, and for an empty history', () => {
    expect(latestValue([entry('color', 'Blue')], 'trim')).toBeNull();
    expect(latestValue([], 'color')).toBeNull();
  });
});

describe('mapVehicle', () => {
  it('falls back to the snapshot when history has no value for a property', () => {
    const vehicle = mapVehicle(
      {
        id: 7,
        identification_number: 'VIN1',
        object_properties: { color: 'Silver', license_no: 'ABC123', license_state: 'CA', license_exp: '2027-01-31' },
        properties: [property(1, 'color', '', '2024-01-01 00:00:00')],
      },
      '7',
    );
    expect(vehicle.color).toBe('Silver');
    expect(vehicle.licensePlate).toStrictEqual({ number: 'ABC123', state: 'CA', expiresOn: '2027-01-31' });
  });

  it('has no plate when neither history nor snapshot has number, state or expiry', () => {
    const vehicle = mapVehicle({ id: 7, object_properties: { license_no: '', license_state: 'No Data' } }, '7');
    expect(vehicle.licensePlate).toBeNull();
  });

  it('reads an unreadable expiry as null but keeps the rest of the plate', () => {
    const vehicle = mapVehicle({ id: 7, object_properties: { license_no: 'ABC123', license_exp: 'soon' } }, '7');
    expect(vehicle.licensePlate).toStrictEqual({ number: 'ABC123', state: null, expiresOn: null });
  });

  it('reads a make that is not an object as null', () => {
    const vehicle = mapVehicle({ id: 7, object_model: { name: 'Xterra', year: 2010, make: 'Nissan' } }, '7');
    expect(vehicle.make).toBeNull();
    expect(vehicle.model).toBe('Xterra');
    expect(vehicle.year).toBe(2010);
  });
});

describe('mapCollateral', () => {
  it('has no vehicle when base_object is missing or not an object', () => {
    const raw = primaryOf(seed(SEED_ID));
    for (const base of [undefined, null, [], 'x', 5]) {
      expect(mapCollateral({ ...raw, base_object: base }).vehicle).toBeNull();
    }
  });
});

describe('mapCollateralListItem', () => {
  const item = {
    id: 58854526,
    object_id: 5441126,
    is_primary: 0,
    vin: 'WP0AA29898U760244',
    year: '2010',
    make: 'Nissan',
    model: 'Xterra',
    license_no: 'DQK4516',
    license_state: 'OH',
    original_loan_amount: 100.5,
    payment_amount: '10.00',
    past_due_amount: '0',
    unpaid_balance: 'No Data',
    status: '2',
    status_date: '2026-03-10 11:48:00',
    contract_date: '2022-08-15',
    deliquent_since: 'No Data',
    chargeoff_date: null,
    is_damaged: '1',
    display_string: '2010 Nissan Xterra',
  };

  it('builds the collateral and a vehicle from the flat fields', () => {
    expect(mapCollateralListItem(item)).toStrictEqual({
      id: '58854526',
      isPrimary: false,
      status: 2,
      statusDate: '2026-03-10T11:48:00.000Z',
      contractDate: '2022-08-15',
      delinquentSince: null,
      chargeoffDate: null,
      originalLoanAmount: '100.5',
      paymentAmount: '10.00',
      pastDueAmount: '0',
      unpaidBalance: null,
      isDamaged: true,
      displayName: '2010 Nissan Xterra',
      additionalInfo: null,
      vehicle: {
        id: '5441126',
        vin: 'WP0AA29898U760244',
        year: 2010,
        make: 'Nissan',
        model: 'Xterra',
        trim: null,
        color: null,
        bodyType: null,
        engine: null,
        driveTrain: null,
        fuelType: null,
        keyCode: null,
        sellingDealer: null,
        licensePlate: { number: 'DQK4516', state: 'OH', expiresOn: null },
        propertyHistory: [],
      },
    });
  });

  it('shows the vehicle without an object_id, its id null (the documented list carries none)', () => {
    expect(mapCollateralListItem({ ...item, object_id: null }).vehicle).toMatchObject({ id: null, vin: 'WP0AA29898U760244' });
    const { object_id: _omitted, ...withoutObjectId } = item;
    expect(mapCollateralListItem(withoutObjectId).vehicle).toMatchObject({ id: null, make: 'Nissan' });
  });

  it('has no vehicle when the item describes none', () => {
    const mapped = mapCollateralListItem({ ...item, object_id: null, vin: '', year: null, make: 'N/A', model: null, license_no: null, license_state: null });
    expect(mapped.vehicle).toBeNull();
  });

  it('has no plate when number and state are both placeholders', () => {
    const mapped = mapCollateralListItem({ ...item, license_no: '', license_state: '-undefined' });
    expect(mapped.vehicle?.licensePlate).toBeNull();
  });

  it('keeps a plate with only a state', () => {
    const mapped = mapCollateralListItem({ ...item, license_no: 'No Data', license_state: 'OH' });
    expect(mapped.vehicle?.licensePlate).toStrictEqual({ number: null, state: 'OH', expiresOn: null });
  });
});

describe('mergeCollaterals', () => {
  /** What each entry is called: a collateral's display name, or the record that could not be read. */
  const names = (list: readonly object[]) => list.map((c) => ('displayName' in c ? c.displayName : 'record' in c ? c.record : null));
  const primary = collateral('2', 'full primary');
  const listed = [collateral('1', 'flat one'), collateral('2', 'flat twin'), collateral('3', 'flat three')];

  it('replaces the flat twin of the primary in place', () => {
    const merged = mergeCollaterals(listed, primary);
    expect(names(merged)).toStrictEqual(['flat one', 'full primary', 'flat three']);
    expect(merged[1]).toBe(primary);
  });

  it('adds the primary first when the list lacks it', () => {
    const merged = mergeCollaterals([collateral('1', 'flat one'), collateral('3', 'flat three')], primary);
    expect(names(merged)).toStrictEqual(['full primary', 'flat one', 'flat three']);
  });

  it('answers just the primary for an empty list', () => {
    expect(mergeCollaterals([], primary)).toStrictEqual([primary]);
  });

  it('leaves the list as it is without a primary', () => {
    expect(names(mergeCollaterals(listed, null))).toStrictEqual([
      'flat one',
      'flat twin',
      'flat three',
    ]);
    expect(mergeCollaterals([], null)).toStrictEqual([]);
  });

  it('does not change the list it was given', () => {
    const original = [collateral('1', 'flat one')];
    mergeCollaterals(original, primary);
    expect(names(original)).toStrictEqual(['flat one']);
  });
});

describe('mapAssignment on garbage', () => {
  const NULL_ASSIGNMENT = {
    id: '',
    clientId: null,
    ownerId: null,
    lienholderId: null,
    collectorId: null,
    status: null,
    statusDate: null,
    orderType: null,
    acceptedDate: null,
    createdAt: null,
    updatedAt: null,
    expiresAt: null,
    companyOrderNumber: null,
    clientAccountNumber: null,
    lienAccountNumber: null,
    isViolent: null,
    isLender: null,
    isLatestCase: null,
    parentId: null,
    parentCaseId: null,
    reopenCount: null,
    assignmentSituation: null,
    recoverySituation: null,
    note: null,
    reason: null,
    primaryCollateral: null,
  };

  const FIELDS = [
    'id',
    'client_id',
    'owner_id',
    'lienholder',
    'collector_id',
    'status',
    'status_date',
    'order_type',
    'accepted_date',
    'created_at',
    'updated_at',
    'expiration',
    'company_orderno',
    'client_accountno',
    'lien_accountno',
    'is_violent',
    'is_lender',
    'is_latest_case',
    'parent_id',
    'parent_case',
    'reopen_num',
    'assignment_situation',
    'recovery_situation',
    'note',
    'reason',
  ];

  function everyField(value: unknown): Record<string, unknown> {
    return Object.fromEntries(FIELDS.map((name) => [name, value]));
  }

  it('maps an empty object to a model of nulls', () => {
    expect(mapAssignment({})).toStrictEqual(NULL_ASSIGNMENT);
  });

  it.each([
    ['arrays', ['1', 2]],
    ['nested objects', { id: 1, value: '2026-03-10 11:48:00' }],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['placeholders', 'No Data'],
  ])('maps every field being %s to nulls', (_label, value) => {
    expect(mapAssignment(everyField(value))).toStrictEqual(NULL_ASSIGNMENT);
  });

  it('maps booleans to nulls except in the flags', () => {
    expect(mapAssignment(everyField(true))).toStrictEqual({
      ...NULL_ASSIGNMENT,
      isViolent: true,
      isLender: true,
      isLatestCase: true,
    });
  });

  it('keeps a huge string as text but not as a number, date or flag', () => {
    const huge = 'x'.repeat(1_000_000);
    const model = mapAssignment(everyField(huge));
    expect(model.id).toBe(huge);
    expect(model.note).toBe(huge);
    expect(model.status).toBeNull();
    expect(model.statusDate).toBeNull();
    expect(model.isViolent).toBeNull();
  });

  it.each([['x'], [[]], [42], [true]])('reads primary_collateral %j as no collateral', (value) => {
    expect(mapAssignment({ id: 1, primary_collateral: value }).primaryCollateral).toBeNull();
  });

  it('maps a collateral whose fields are all the wrong type to nulls', () => {
    const garbage = {
      id: [],
      is_primary: 'yes',
      status: {},
      status_date: 17,
      contract_date: [],
      deliquent_since: true,
      chargeoff_date: {},
      original_loan_amount: [],
      payment_amount: {},
      past_due_amount: true,
      unpaid_balance: '1,00,0',
      is_damaged: 'no',
      display_string: {},
      additional_info: [],
      base_object: [],
    };
    expect(mapAssignment({ id: 1, primary_collateral: garbage }).primaryCollateral).toStrictEqual({
      ...collateral(''),
      id: null,
    });
  });

  it.each([[{}], [[null, 1, 'a']], ['properties'], [null]])(
    'maps a vehicle whose properties are %j to an empty history',
    (properties) => {
      const raw = { id: 1, primary_collateral: { id: 2, base_object: { id: 3, properties } } };
      const vehicle = mapAssignment(raw).primaryCollateral?.vehicle;
      expect(vehicle?.propertyHistory).toStrictEqual([]);
      expect(vehicle?.color).toBeNull();
      expect(vehicle?.licensePlate).toBeNull();
    },
  );

  it("maps a vehicle whose every field is the wrong type to nulls, keyed by the collateral's object_id", () => {
    const base_object = {
      id: {},
      identification_number: [],
      object_properties: ['color', 'Blue'],
      object_model: 'Xterra',
      properties: { color: 'Blue' },
    };
    const raw = { id: 1, primary_collateral: { id: 2, object_id: 5441126, base_object } };
    expect(mapAssignment(raw).primaryCollateral?.vehicle).toStrictEqual({
      id: '5441126',
      vin: null,
      year: null,
      make: null,
      model: null,
      trim: null,
      color: null,
      bodyType: null,
      engine: null,
      driveTrain: null,
      fuelType: null,
      keyCode: null,
      sellingDealer: null,
      licensePlate: null,
      propertyHistory: [],
    });
  });

  it('shows the vehicle with a null id, never an empty key, when neither the vehicle nor the collateral names its id', () => {
    const raw = { id: 1, primary_collateral: { id: 2, object_id: null, base_object: { id: null, identification_number: 'VIN1' } } };
    expect(mapAssignment(raw).primaryCollateral?.vehicle).toMatchObject({ id: null, vin: 'VIN1' });
  });

  it('does not throw on snapshot and model values of the wrong type', () => {
    const raw = {
      id: 1,
      primary_collateral: {
        id: 2,
        base_object: {
          id: 3,
          object_properties: { color: {}, license_no: [], license_state: true, license_exp: 20270131 },
          object_model: { name: [], year: '20.10', make: { name: {} } },
          properties: [{ id: 'x', name: {}, data: [], created_at: {} }, { id: 4, name: 'color', data: {}, created_at: [] }],
        },
      },
    };
    const vehicle = mapAssignment(raw).primaryCollateral?.vehicle;
    expect(vehicle?.color).toBeNull();
    expect(vehicle?.licensePlate).toBeNull();
    expect(vehicle?.year).toBeNull();
    expect(vehicle?.make).toBeNull();
    expect(vehicle?.model).toBeNull();
    expect(vehicle?.propertyHistory).toStrictEqual([{ name: 'color', value: null, source: null, recordedAt: null }]);
  });
});
