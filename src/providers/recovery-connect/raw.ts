/**
 * RecoveryConnect (MBSi) wire types, exactly as the provider sends them.
 *
 * Only the fields the graph reads are typed strictly; the provider sends many more and
 * mixes numbers, numeric strings, placeholders ("No Data", "-undefined", "") and two date
 * formats, so every value is typed as loosely as the seed shows it can be. The mapping in
 * `mapping.ts` is the only code that turns these into our model.
 *
 * Our readings of what the documentation leaves open (the simulator follows them):
 * - Numbers and flags come as JSON numbers or as strings (`"is_lender": "0"`,
 *   `"original_loan_amount": "0"`); a string may be written the US way, `"$27,110.55"`
 *   ({@link RECOVERY_CONNECT_NUMBER_FORMAT}).
 * - Timestamps without a zone (`2026-03-10 11:48:00`) are the wall clock of
 *   `RECOVERY_CONNECT_TIME_ZONE` (an IANA name, default UTC): the seed's evidence points both ways
 *   (README, "Readings of undocumented provider behaviour"). Those with a zone are read as written.
 * - Rate limits are not documented. A 429 is read as Laravel's throttle answer: its
 *   `Retry-After` when it sends one, else Laravel's default window of 60 s
 *   ({@link RECOVERY_CONNECT_RATE_LIMIT_WINDOW_SECONDS}).
 */
import { DEFAULT_NAIVE_ZONE, type NumberFormat } from '../values';

/** A scalar as the provider may send it: numbers sometimes arrive as strings and vice versa. */
export type RawScalar = string | number | null;

/** `POST /api/v140/auth` request body. */
export interface RawAuthRequest {
  username: string;
  password: string;
}

/** `POST /api/v140/auth` answer. */
export interface RawAuthResponse {
  token_type: 'Bearer';
  expires_in: number;
  access_token: string;
  refresh_token: string;
}

/** One entry of a vehicle's property history (`base_object.properties[]`). */
export interface RawProperty {
  id: number;
  object_id: number;
  employee_id?: number | null;
  company_id?: number | null;
  name: string;
  data: string | null;
  data_source: string | null;
  created_at: string | null;
  updated_at: string | null;
}

/** The vehicle's flat property bag (`base_object.object_properties`): the provider's snapshot. */
export interface RawObjectProperties {
  selling_dealer?: string | null;
  keycodes?: string | null;
  license_state?: string | null;
  license_no?: string | null;
  trim?: string | null;
  drive_train?: string | null;
  color?: string | null;
  license_exp?: string | null;
  engine?: string | null;
  body_type?: string | null;
  fuel_type?: string | null;
  [name: string]: string | null | undefined;
}

export interface RawMake {
  id: number;
  name: string | null;
}

export interface RawObjectModel {
  id: number;
  name: string | null;
  year: RawScalar;
  body_type?: string | null;
  fuel_type?: string | null;
  drive_train?: string | null;
  trim?: string | null;
  engine?: string | null;
  make: RawMake | null;
}

/** The collateral's `base_object`: the vehicle. VIN is `identification_number`. */
export interface RawBaseObject {
  id: number;
  model_id: number | null;
  identification_number: string | null;
  created_at: string | null;
  updated_at: string | null;
  object_properties: RawObjectProperties | null;
  object_model: RawObjectModel | null;
  properties: RawProperty[] | null;
}

/** `assignment.primary_collateral`. Note the provider's own spelling `deliquent_since`. */
export interface RawCollateral {
  id: number;
  object_id: number | null;
  orders_id: number | null;
  contract_date: string | null;
  deliquent_since: string | null;
  chargeoff_date: string | null;
  original_loan_amount: RawScalar;
  payment_amount: RawScalar;
  past_due_amount: RawScalar;
  unpaid_balance: RawScalar;
  additional_info: string | null;
  is_primary: RawScalar;
  status: RawScalar;
  status_date: string | null;
  is_damaged: RawScalar;
  display_string: string | null;
  created_at: string | null;
  updated_at: string | null;
  base_object: RawBaseObject | null;
  [other: string]: unknown;
}

/** One assignment as `GET /api/v150/assignments` and `PUT /api/v130/assignments/{id}` answer it. */
export interface RawAssignment {
  id: number;
  client_id: RawScalar;
  owner_id: RawScalar;
  lienholder: RawScalar;
  collector_id: RawScalar;
  status_date: string | null;
  note: string | null;
  reason: string | null;
  parent_id: RawScalar;
  is_lender: RawScalar;
  order_type: RawScalar;
  client_accountno: string | null;
  lien_accountno: string | null;
  company_orderno: RawScalar;
  is_violent: RawScalar;
  expiration: string | null;
  accepted_date: string | null;
  created_at: string | null;
  updated_at: string | null;
  deleted_at: string | null;
  parent_case: RawScalar;
  reopen_num: RawScalar;
  is_latest_case: RawScalar;
  assignment_situation: RawScalar;
  recovery_situation: RawScalar;
  /** Null, or left out entirely, when the assignment has none. */
  primary_collateral?: RawCollateral | null;
  /**
   * Not in the seed's assignment body: the simulator keeps the assignment's status here.
   * The PUT accepts `status`; the seed's answer shows no top-level `status`, so a real
   * answer may omit it and the mapping treats it as optional.
   */
  status?: RawScalar;
  [other: string]: unknown;
}

/**
 * One item of `GET /api/v130/assignments/{id}/collaterals`. The public documentation lists
 * "vin, year, make, model, license_no, license_state, balances, status": that much is all the
 * graph relies on. `id` (the collateral) and `object_id` (the vehicle) are read when present and
 * may be missing; the balances are read under the assignment body's names. The simulator sends
 * this whole shape, ids included.
 */
export interface RawCollateralListItem {
  id?: RawScalar;
  object_id?: RawScalar;
  is_primary: RawScalar;
  vin: string | null;
  year: RawScalar;
  make: string | null;
  model: string | null;
  license_no: string | null;
  license_state: string | null;
  original_loan_amount: RawScalar;
  payment_amount: RawScalar;
  past_due_amount: RawScalar;
  unpaid_balance: RawScalar;
  status: RawScalar;
  status_date: string | null;
  contract_date: string | null;
  deliquent_since: string | null;
  chargeoff_date: string | null;
  is_damaged: RawScalar;
  display_string: string | null;
}

/** `PUT /api/v130/assignments/{id}` body: a partial update, absent fields stay unchanged. */
export interface RawAssignmentUpdate {
  order_type?: number;
  status?: number;
  status_note?: string;
  collector_id?: number;
}

/** Laravel pagination links. */
export interface RawPageLinks {
  first: string | null;
  last: string | null;
  prev: string | null;
  next: string | null;
}

/** Laravel pagination meta. */
export interface RawPageMeta {
  current_page: number;
  from: number | null;
  last_page: number;
  path: string;
  per_page: number;
  to: number | null;
  total: number;
}

/** `GET /api/v150/assignments` answer. */
export interface RawAssignmentPage {
  data: RawAssignment[];
  links: RawPageLinks;
  meta: RawPageMeta;
}

/** Single-resource envelope: `{data}`, writes add `"status": "success"`. */
export interface RawDataEnvelope<T> {
  data: T;
  status?: string;
}

/**
 * Error body. Not documented by the provider; our reading is Laravel's default shape:
 * `{message}` for 401/404/500 and `{message, errors: {field: [messages]}}` for 422.
 */
export interface RawErrorBody {
  message: string;
  errors?: Record<string, string[]>;
}

/** Query parameters of `GET /api/v150/assignments`. */
export interface RawListQuery {
  ids?: string;
  status?: string;
  acct_no?: string;
  client_id?: string;
  owner_id?: string;
  page?: string;
  per_page?: string;
}

/** How RecoveryConnect writes a number in text: `$27,110.55`. */
export const RECOVERY_CONNECT_NUMBER_FORMAT: NumberFormat = { decimalMark: '.', groupSeparator: ',', currencySymbol: '$' };

/** The zone of RecoveryConnect timestamps without one, unless `RECOVERY_CONNECT_TIME_ZONE` says otherwise. */
export const RECOVERY_CONNECT_DEFAULT_TIME_ZONE = DEFAULT_NAIVE_ZONE;

/** Seconds to wait after a 429 that names no `Retry-After`: Laravel's default throttle window. */
export const RECOVERY_CONNECT_RATE_LIMIT_WINDOW_SECONDS = 60;
