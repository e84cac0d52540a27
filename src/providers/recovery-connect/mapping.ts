/**
 * RecoveryConnect wire data → our model. Total functions: any JSON the provider sends maps to
 * a model (with nulls where it made no sense) and nothing here throws. The one thing a record
 * cannot do without is what identifies it where that is needed: an assignment its `id`.
 */
import type {
  AssignmentModel,
  CollateralModel,
  LicensePlateModel,
  VehicleModel,
  VehiclePropertyModel,
} from '../../domain/assignment/model';
import { isUnreadable, type UnreadableRecord } from '../../domain/unreadable';
import { calendarDate, decimal, flag, identifier, instant, integer, isRecord, text } from '../values';
import { RECOVERY_CONNECT_DEFAULT_TIME_ZONE, RECOVERY_CONNECT_NUMBER_FORMAT } from './raw';

/** How this deployment reads RecoveryConnect's values that the wire leaves open. */
export interface RecoveryConnectReading {
  /** IANA zone of timestamps without one (`RECOVERY_CONNECT_TIME_ZONE`). */
  readonly timeZone: string;
}

export const DEFAULT_READING: RecoveryConnectReading = { timeZone: RECOVERY_CONNECT_DEFAULT_TIME_ZONE };

/** Vehicle properties as the provider names them in `object_properties` and `properties[]`. */
const PROPERTY = {
  trim: 'trim',
  color: 'color',
  bodyType: 'body_type',
  engine: 'engine',
  driveTrain: 'drive_train',
  fuelType: 'fuel_type',
  keyCode: 'keycodes',
  sellingDealer: 'selling_dealer',
  licenseNumber: 'license_no',
  licenseState: 'license_state',
  licenseExpiry: 'license_exp',
} as const;

/** `assignment.primary_collateral` etc. may be anything at run time; read it as a record or not at all. */
function record(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

const number = (value: unknown) => integer(value, RECOVERY_CONNECT_NUMBER_FORMAT);
const amount = (value: unknown) => decimal(value, RECOVERY_CONNECT_NUMBER_FORMAT);

/** An assignment; the caller has checked it has an id. */
export function mapAssignment(raw: Record<string, unknown>, reading: RecoveryConnectReading = DEFAULT_READING): AssignmentModel {
  const primary = record(raw.primary_collateral);
  const at = (value: unknown) => instant(value, reading.timeZone);
  return {
    id: identifier(raw.id) ?? '',
    clientId: identifier(raw.client_id),
    ownerId: identifier(raw.owner_id),
    lienholderId: identifier(raw.lienholder),
    collectorId: identifier(raw.collector_id),
    status: number(raw.status),
    statusDate: at(raw.status_date),
    orderType: number(raw.order_type),
    acceptedDate: at(raw.accepted_date),
    createdAt: at(raw.created_at),
    updatedAt: at(raw.updated_at),
    expiresAt: at(raw.expiration),
    companyOrderNumber: identifier(raw.company_orderno),
    clientAccountNumber: text(raw.client_accountno),
    lienAccountNumber: text(raw.lien_accountno),
    isViolent: flag(raw.is_violent),
    isLender: flag(raw.is_lender),
    isLatestCase: flag(raw.is_latest_case),
    parentId: identifier(raw.parent_id),
    parentCaseId: identifier(raw.parent_case),
    reopenCount: number(raw.reopen_num),
    assignmentSituation: text(raw.assignment_situation),
    recoverySituation: text(raw.recovery_situation),
    note: text(raw.note),
    reason: text(raw.reason),
    primaryCollateral: primary ? mapCollateral(primary, reading) : null,
  };
}

/** Fields a collateral has in both the assignment body and the collateral list. */
function collateralCore(raw: Record<string, unknown>, reading: RecoveryConnectReading): Omit<CollateralModel, 'vehicle' | 'additionalInfo'> {
  return {
    id: identifier(raw.id),
    isPrimary: flag(raw.is_primary),
    status: number(raw.status),
    statusDate: instant(raw.status_date, reading.timeZone),
    contractDate: calendarDate(raw.contract_date),
    // The provider spells it `deliquent_since`.
    delinquentSince: calendarDate(raw.deliquent_since),
    chargeoffDate: calendarDate(raw.chargeoff_date),
    originalLoanAmount: amount(raw.original_loan_amount),
    paymentAmount: amount(raw.payment_amount),
    pastDueAmount: amount(raw.past_due_amount),
    unpaidBalance: amount(raw.unpaid_balance),
    isDamaged: flag(raw.is_damaged),
    displayName: text(raw.display_string),
  };
}

export function mapCollateral(raw: Record<string, unknown>, reading: RecoveryConnectReading = DEFAULT_READING): CollateralModel {
  const base = record(raw.base_object);
  // `object_id` names the same vehicle when the base object's own id is missing.
  const vehicleId = base ? (identifier(base.id) ?? identifier(raw.object_id)) : null;
  return {
    ...collateralCore(raw, reading),
    additionalInfo: text(raw.additional_info),
    vehicle: base ? mapVehicle(base, vehicleId, reading) : null,
  };
}

/**
 * An item of the collateral list: flat vehicle fields, no property history. The documented
 * shape has no ids: then the collateral's and the vehicle's id are null, and the item is shown all the same.
 */
export function mapCollateralListItem(raw: Record<string, unknown>, reading: RecoveryConnectReading = DEFAULT_READING): CollateralModel {
  const vin = text(raw.vin);
  const year = number(raw.year);
  const make = text(raw.make);
  const model = text(raw.model);
  const plate = licensePlate(text(raw.license_no), text(raw.license_state), null);
  const vehicleId = identifier(raw.object_id);
  const described = vehicleId !== null || vin !== null || year !== null || make !== null || model !== null || plate !== null;
  return {
    ...collateralCore(raw, reading),
    additionalInfo: null,
    vehicle: described ? { ...emptyVehicle(vehicleId), vin, year, make, model, licensePlate: plate } : null,
  };
}

/**
 * The assignment's collaterals: the list route's items, except that the primary collateral,
 * which the assignment body carries in full (with the vehicle's history), replaces its flat twin.
 * The twin is the item with the primary's id; without ids, the one with its VIN; without a VIN,
 * the one the list marks primary.
 */
export function mergeCollaterals(
  listed: readonly (CollateralModel | UnreadableRecord)[],
  primary: CollateralModel | null,
): (CollateralModel | UnreadableRecord)[] {
  if (!primary) return [...listed];
  const twin = listed.find((item): item is CollateralModel => !isUnreadable(item) && isTwin(item, primary)) ?? null;
  if (twin === null) return [primary, ...listed];
  return listed.map((item) => (item === twin ? primary : item));
}

function isTwin(item: CollateralModel, primary: CollateralModel): boolean {
  if (item.id !== null && primary.id !== null) return item.id === primary.id;
  const vin = item.vehicle?.vin ?? null;
  if (vin !== null) return vin === primary.vehicle?.vin;
  return item.isPrimary === true;
}

function emptyVehicle(id: string | null): VehicleModel {
  return {
    id,
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
  };
}

export function mapVehicle(base: Record<string, unknown>, id: string | null, reading: RecoveryConnectReading = DEFAULT_READING): VehicleModel {
  const history = mapPropertyHistory(base.properties, reading);
  const snapshot = record(base.object_properties) ?? {};
  const model = record(base.object_model) ?? {};
  const current = (name: string): string | null => latestValue(history, name) ?? text(snapshot[name]);
  return {
    id,
    vin: text(base.identification_number),
    year: number(model.year),
    make: text(record(model.make)?.name),
    model: text(model.name),
    trim: current(PROPERTY.trim),
    color: current(PROPERTY.color),
    bodyType: current(PROPERTY.bodyType),
    engine: current(PROPERTY.engine),
    driveTrain: current(PROPERTY.driveTrain),
    fuelType: current(PROPERTY.fuelType),
    keyCode: current(PROPERTY.keyCode),
    sellingDealer: current(PROPERTY.sellingDealer),
    licensePlate: licensePlate(
      current(PROPERTY.licenseNumber),
      current(PROPERTY.licenseState),
      calendarDate(current(PROPERTY.licenseExpiry)),
    ),
    propertyHistory: history,
  };
}

function licensePlate(number: string | null, state: string | null, expiresOn: string | null): LicensePlateModel | null {
  return number === null && state === null && expiresOn === null ? null : { number, state, expiresOn };
}

/** `properties[]`, oldest first (by recorded time, then by id: later ids were written later). */
export function mapPropertyHistory(raw: unknown, reading: RecoveryConnectReading = DEFAULT_READING): VehiclePropertyModel[] {
  if (!Array.isArray(raw)) return [];
  const entries = raw.filter(isRecord).map((entry) => {
    const recordedAt = instant(entry.created_at, reading.timeZone);
    return {
      sortKey: recordedAt ?? '',
      sequence: number(entry.id) ?? 0,
      property: { name: text(entry.name) ?? '', value: text(entry.data), source: text(entry.data_source), recordedAt },
    };
  });
  // ISO 8601 UTC text of one shape sorts as its instants do: compared as text, not by locale (ICU's
  // collation was most of the sort's time).
  entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.sequence - b.sequence));
  return entries.map((entry) => entry.property).filter((property) => property.name !== '');
}

/** The latest non-empty value recorded for `name`, or null when none is. */
export function latestValue(history: readonly VehiclePropertyModel[], name: string): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    if (entry?.name === name && entry.value !== null) return entry.value;
  }
  return null;
}
