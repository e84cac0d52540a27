/**
 * The peers' mapping of a RecoveryConnect assignment: written for the bench, apart from the
 * project's, and doing the same work the project does today: every field of the type, the
 * vehicle's whole property history read eagerly, placeholders as null, timestamps as ISO UTC,
 * amounts as exact decimal strings. The bench checks the answers are equal before measuring.
 */

const PLACEHOLDERS = new Set(['', '-undefined', 'No Data']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

type Json = Record<string, unknown>;

export interface PeerProperty {
  name: string;
  value: string | null;
  source: string | null;
  recordedAt: string | null;
}

export interface PeerVehicle {
  id: string;
  vin: string | null;
  year: number | null;
  make: string | null;
  model: string | null;
  trim: string | null;
  color: string | null;
  bodyType: string | null;
  engine: string | null;
  driveTrain: string | null;
  fuelType: string | null;
  keyCode: string | null;
  sellingDealer: string | null;
  licensePlate: { number: string | null; state: string | null; expiresOn: string | null } | null;
  propertyHistory: PeerProperty[];
}

export interface PeerCollateral {
  id: string;
  isPrimary: boolean | null;
  status: number | null;
  statusDate: string | null;
  contractDate: string | null;
  delinquentSince: string | null;
  chargeoffDate: string | null;
  originalLoanAmount: string | null;
  paymentAmount: string | null;
  pastDueAmount: string | null;
  unpaidBalance: string | null;
  isDamaged: boolean | null;
  displayName: string | null;
  additionalInfo: string | null;
  vehicle: PeerVehicle | null;
}

export interface PeerAssignment {
  id: string;
  clientId: string | null;
  ownerId: string | null;
  lienholderId: string | null;
  collectorId: string | null;
  status: number | null;
  statusDate: string | null;
  orderType: number | null;
  acceptedDate: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  expiresAt: string | null;
  companyOrderNumber: string | null;
  clientAccountNumber: string | null;
  lienAccountNumber: string | null;
  isViolent: boolean | null;
  isLender: boolean | null;
  isLatestCase: boolean | null;
  parentId: string | null;
  parentCaseId: string | null;
  reopenCount: number | null;
  assignmentSituation: string | null;
  recoverySituation: string | null;
  note: string | null;
  reason: string | null;
  primaryCollateral: PeerCollateral | null;
}

function obj(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function str(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return PLACEHOLDERS.has(trimmed) ? null : trimmed;
}

function id(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null;
  return str(value);
}

function int(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : null;
  }
  return null;
}

function bool(value: unknown): boolean | null {
  if (value === true || value === 1 || value === '1') return true;
  if (value === false || value === 0 || value === '0') return false;
  return null;
}

function money(value: unknown): string | null {
  const written = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return DECIMAL.test(written) ? written : null;
}

/** A zone-less timestamp is UTC, as the project reads RecoveryConnect's. */
function toDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!TIMESTAMP.test(trimmed)) return null;
  const iso = trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed.replace(' ', 'T') + (HAS_ZONE.test(trimmed) ? '' : 'Z');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function timestamp(value: unknown): string | null {
  return toDate(value)?.toISOString() ?? null;
}

/** The date as written (a timestamp keeps its own calendar day). */
function day(value: unknown): string | null {
  return toDate(value) === null || typeof value !== 'string' ? null : value.trim().slice(0, 10);
}

function history(value: unknown): PeerProperty[] {
  if (!Array.isArray(value)) return [];
  return value
    .map(obj)
    .filter((entry): entry is Json => entry !== null)
    .map((entry) => ({ at: timestamp(entry.created_at), seq: int(entry.id) ?? 0, entry }))
    .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '') || a.seq - b.seq)
    .map(({ at, entry }) => ({ name: str(entry.name) ?? '', value: str(entry.data), source: str(entry.data_source), recordedAt: at }))
    .filter((property) => property.name !== '');
}

function vehicle(base: Json, vehicleId: string): PeerVehicle {
  const properties = history(base.properties);
  const snapshot = obj(base.object_properties) ?? {};
  const model = obj(base.object_model) ?? {};
  const current = (name: string): string | null => {
    for (let i = properties.length - 1; i >= 0; i--) {
      const property = properties[i];
      if (property?.name === name && property.value !== null) return property.value;
    }
    return str(snapshot[name]);
  };
  const number = current('license_no');
  const state = current('license_state');
  const expiresOn = day(current('license_exp'));
  return {
    id: vehicleId,
    vin: str(base.identification_number),
    year: int(model.year),
    make: str(obj(model.make)?.name),
    model: str(model.name),
    trim: current('trim'),
    color: current('color'),
    bodyType: current('body_type'),
    engine: current('engine'),
    driveTrain: current('drive_train'),
    fuelType: current('fuel_type'),
    keyCode: current('keycodes'),
    sellingDealer: current('selling_dealer'),
    licensePlate: number === null && state === null && expiresOn === null ? null : { number, state, expiresOn },
    propertyHistory: properties,
  };
}

function collateral(raw: Json): PeerCollateral {
  const base = obj(raw.base_object);
  const vehicleId = base ? (id(base.id) ?? id(raw.object_id)) : null;
  return {
    id: id(raw.id) ?? '',
    isPrimary: bool(raw.is_primary),
    status: int(raw.status),
    statusDate: timestamp(raw.status_date),
    contractDate: day(raw.contract_date),
    delinquentSince: day(raw.deliquent_since),
    chargeoffDate: day(raw.chargeoff_date),
    originalLoanAmount: money(raw.original_loan_amount),
    paymentAmount: money(raw.payment_amount),
    pastDueAmount: money(raw.past_due_amount),
    unpaidBalance: money(raw.unpaid_balance),
    isDamaged: bool(raw.is_damaged),
    displayName: str(raw.display_string),
    additionalInfo: str(raw.additional_info),
    vehicle: base && vehicleId !== null ? vehicle(base, vehicleId) : null,
  };
}

export function mapPeerAssignment(raw: Json): PeerAssignment {
  const primary = obj(raw.primary_collateral);
  return {
    id: id(raw.id) ?? '',
    clientId: id(raw.client_id),
    ownerId: id(raw.owner_id),
    lienholderId: id(raw.lienholder),
    collectorId: id(raw.collector_id),
    status: int(raw.status),
    statusDate: timestamp(raw.status_date),
    orderType: int(raw.order_type),
    acceptedDate: timestamp(raw.accepted_date),
    createdAt: timestamp(raw.created_at),
    updatedAt: timestamp(raw.updated_at),
    expiresAt: timestamp(raw.expiration),
    companyOrderNumber: id(raw.company_orderno),
    clientAccountNumber: str(raw.client_accountno),
    lienAccountNumber: str(raw.lien_accountno),
    isViolent: bool(raw.is_violent),
    isLender: bool(raw.is_lender),
    isLatestCase: bool(raw.is_latest_case),
    parentId: id(raw.parent_id),
    parentCaseId: id(raw.parent_case),
    reopenCount: int(raw.reopen_num),
    assignmentSituation: str(raw.assignment_situation),
    recoverySituation: str(raw.recovery_situation),
    note: str(raw.note),
    reason: str(raw.reason),
    primaryCollateral: primary ? collateral(primary) : null,
  };
}

/** The assignment with this id in a list answer's `data`, mapped; null when it is not there. */
export function findAssignment(data: unknown, wanted: string): PeerAssignment | null {
  if (!Array.isArray(data)) return null;
  for (const item of data) {
    const raw = obj(item);
    if (raw && id(raw.id) === wanted) return mapPeerAssignment(raw);
  }
  return null;
}
