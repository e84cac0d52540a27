/**
 * RecoveryConnect wire data → our model. Total functions: any JSON the provider sends maps to
 * a model (with nulls where it made no sense) and nothing here throws.
 */
import type {
  AssignmentModel,
  CollateralModel,
  LicensePlateModel,
  VehicleModel,
  VehiclePropertyModel,
} from '../../domain/assignment/model';
import { calendarDate, decimal, flag, identifier, instant, integer, isRecord, text } from '../values';

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

export function mapAssignment(raw: Record<string, unknown>): AssignmentModel {
  const primary = record(raw.primary_collateral);
  return {
    id: identifier(raw.id) ?? '',
    clientId: identifier(raw.client_id),
    ownerId: identifier(raw.owner_id),
    lienholderId: identifier(raw.lienholder),
    collectorId: identifier(raw.collector_id),
    status: integer(raw.status),
    statusDate: instant(raw.status_date),
    orderType: integer(raw.order_type),
    acceptedDate: instant(raw.accepted_date),
    createdAt: instant(raw.created_at),
    updatedAt: instant(raw.updated_at),
    expiresAt: instant(raw.expiration),
    companyOrderNumber: identifier(raw.company_orderno),
    clientAccountNumber: text(raw.client_accountno),
    lienAccountNumber: text(raw.lien_accountno),
    isViolent: flag(raw.is_violent),
    isLender: flag(raw.is_lender),
    isLatestCase: flag(raw.is_latest_case),
    parentId: identifier(raw.parent_id),
    parentCaseId: identifier(raw.parent_case),
    reopenCount: integer(raw.reopen_num),
    assignmentSituation: text(raw.assignment_situation),
    recoverySituation: text(raw.recovery_situation),
    note: text(raw.note),
    reason: text(raw.reason),
    primaryCollateral: primary ? mapCollateral(primary) : null,
  };
}

/** Fields a collateral has in both the assignment body and the collateral list. */
function collateralCore(raw: Record<string, unknown>): Omit<CollateralModel, 'vehicle' | 'additionalInfo'> {
  return {
    id: identifier(raw.id) ?? '',
    isPrimary: flag(raw.is_primary),
    status: integer(raw.status),
    statusDate: instant(raw.status_date),
    contractDate: calendarDate(raw.contract_date),
    // The provider spells it `deliquent_since`.
    delinquentSince: calendarDate(raw.deliquent_since),
    chargeoffDate: calendarDate(raw.chargeoff_date),
    originalLoanAmount: decimal(raw.original_loan_amount),
    paymentAmount: decimal(raw.payment_amount),
    pastDueAmount: decimal(raw.past_due_amount),
    unpaidBalance: decimal(raw.unpaid_balance),
    isDamaged: flag(raw.is_damaged),
    displayName: text(raw.display_string),
  };
}

export function mapCollateral(raw: Record<string, unknown>): CollateralModel {
  const base = record(raw.base_object);
  // The vehicle is an entity keyed by id: without one it would collide with every other
  // id-less vehicle in a supergraph. `object_id` names the same vehicle when its own id is missing.
  const vehicleId = base ? (identifier(base.id) ?? identifier(raw.object_id)) : null;
  return {
    ...collateralCore(raw),
    additionalInfo: text(raw.additional_info),
    vehicle: base && vehicleId !== null ? mapVehicle(base, vehicleId) : null,
  };
}

/** An item of the collateral list: flat vehicle fields, no property history. */
export function mapCollateralListItem(raw: Record<string, unknown>): CollateralModel {
  const vehicleId = identifier(raw.object_id);
  const number = text(raw.license_no);
  const state = text(raw.license_state);
  return {
    ...collateralCore(raw),
    additionalInfo: null,
    vehicle:
      vehicleId === null
        ? null
        : {
            ...emptyVehicle(vehicleId),
            vin: text(raw.vin),
            year: integer(raw.year),
            make: text(raw.make),
            model: text(raw.model),
            licensePlate: number === null && state === null ? null : { number, state, expiresOn: null },
          },
  };
}

/**
 * The assignment's collaterals: the list route's items, except that the primary collateral,
 * which the assignment body carries in full (with the vehicle's history), replaces its flat twin.
 */
export function mergeCollaterals(
  listed: readonly CollateralModel[],
  primary: CollateralModel | null,
): CollateralModel[] {
  if (!primary) return [...listed];
  const merged = listed.map((item) => (item.id === primary.id ? primary : item));
  return merged.some((item) => item.id === primary.id) ? merged : [primary, ...merged];
}

function emptyVehicle(id: string): VehicleModel {
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

export function mapVehicle(base: Record<string, unknown>, id: string): VehicleModel {
  const history = mapPropertyHistory(base.properties);
  const snapshot = record(base.object_properties) ?? {};
  const model = record(base.object_model) ?? {};
  const current = (name: string): string | null => latestValue(history, name) ?? text(snapshot[name]);
  return {
    id,
    vin: text(base.identification_number),
    year: integer(model.year),
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
export function mapPropertyHistory(raw: unknown): VehiclePropertyModel[] {
  if (!Array.isArray(raw)) return [];
  const entries = raw.filter(isRecord).map((entry) => ({
    sortKey: instant(entry.created_at) ?? '',
    sequence: integer(entry.id) ?? 0,
    property: {
      name: text(entry.name) ?? '',
      value: text(entry.data),
      source: text(entry.data_source),
      recordedAt: instant(entry.created_at),
    },
  }));
  entries.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.sequence - b.sequence);
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
