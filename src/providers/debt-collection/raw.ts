/**
 * Magicline debt-collection wire types: what travels over HTTP, as the provider names it. The
 * client and the simulator both build on these, so our reading of the undocumented parts lives
 * here once.
 *
 * The configured base URL is the tenant's `…/v1`; paths below are relative to it.
 *
 * Our readings of what the public documentation leaves open (the simulator follows them):
 * - `GET /debt-collection/cases` takes `debtorId`, `collectionCaseId` and
 *   `agencyCollectionCaseId`, each a comma-separated list of at most 50 ids. At least one is
 *   required. Within a parameter ids are alternatives (OR); parameters combine with AND.
 *   Unknown ids are simply absent. It answers {@link RawCasesPage}: the matching cases grouped
 *   by debtor, in the update's shape plus each debt's `type` and the current `block`s.
 * - `GET /debt-collection/blocked/debtors` and `/blocked/debts` answer every current block.
 * - `POST /debt-collection/update` answers 200 with {@link RawUpdateAnswer}. The provider keeps
 *   every `requestId`: the same id with the same body answers 200 again without a second write;
 *   the same id with another body answers 409 (`errorCode` `REQUEST_ID_REUSED`).
 * - An update naming a closed case answers 409 (`errorCode` `CASE_CLOSED`); an unknown debtor,
 *   case or debt 404.
 * - `reference` in a 400 names the field with indexes, e.g.
 *   `debtors[0].agencyCollectionCases[0].debts[1].paidAmount`.
 * - To remove a block, the update leaves `block` out (the seed: "if no block is sent an existing
 *   block will be removed"). `limitType: DISABLED` is never sent; it is what reads may show for
 *   "no block".
 */

/** The seed's enums, once: the types derive from these lists, and reads and the simulator check against them. */
export const RAW_BLOCK_LIMITS = ['DISABLED', 'LIMITED', 'UNLIMITED'] as const;
export type RawBlockLimit = (typeof RAW_BLOCK_LIMITS)[number];

export interface RawBlock {
  limitType: RawBlockLimit;
  /** `YYYY-MM-DD`. */
  endDate: string;
}

export const RAW_CLOSURE_TYPES = ['POSITIVE', 'NEGATIVE', 'REVERSAL', 'REJECTION'] as const;
export type RawClosureType = (typeof RAW_CLOSURE_TYPES)[number];

export const RAW_REJECTION_REASONS = [
  'CLAIMS_ALREADY_IN_COURT',
  'MISSING_COMPENSATION_BLOCKING_DUNNING_PROCESS',
  'NO_INFORMATION_ABOUT_LEGAL_REPRESENTATIVE',
  'NO_COLLECTION_ABROAD_POSSIBLE',
  'COLLECTING_FROM_INHERIT_NOT_POSSIBLE',
  'CLAIMS_TIME_BARRED_OR_RESIDUAL_DEBT_DISCHARGE_GRANTED',
  'REMAINING_CLAIM_BELOW_LIMIT',
  'NOTIFICATION_OBLIGATIONS_NOT_POSSIBLE',
  'FRAUD',
  'CONFLICT_OF_INTEREST',
  'WITHDRAWN_BY_STUDIO',
  'NO_PROCESSING_AT_ALL',
  'HARD_NEGATIVES_IN_DEBTOR_REGISTER',
  'POSTAL_DELIVERY_NOT_POSSIBLE',
  'CLAIM_INCREASE_IMPORTED_SYSTEM',
] as const;
export type RawRejectionReason = (typeof RAW_REJECTION_REASONS)[number];

export const RAW_CLOSURE_OPTION_KEYS = ['WRITE_OFF_REMAINING_DEBTS'] as const;
export type RawClosureOptionKey = (typeof RAW_CLOSURE_OPTION_KEYS)[number];

/** Whether `value` is one of `values`: narrows a string read from JSON to the enum. */
export function isOneOf<Value extends string>(values: readonly Value[], value: unknown): value is Value {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

export interface RawClosureOption {
  key: RawClosureOptionKey;
  /** `"true"` or `"false"` for WRITE_OFF_REMAINING_DEBTS. */
  value: string;
}

export interface RawClosure {
  type: RawClosureType;
  /** `YYYY-MM-DD`. */
  date: string;
  options?: RawClosureOption[];
  rejectionReason?: RawRejectionReason | null;
  closureReason?: string | null;
}

/** A debt as the update sends it. Amounts are JSON numbers in the debt's currency. */
export interface RawDebtUpdate {
  debtId: string;
  originalAmount: number;
  canceledAmount: number;
  paidAmount: number;
  /** ISO 4217. */
  currency: string;
  /** Absent: an existing block is REMOVED. */
  block?: RawBlock;
}

export interface RawCaseUpdate {
  agencyCollectionCaseId: string;
  publicCollectionCaseId?: string;
  collectionCaseIds: string[];
  /** Absent while the case stays open. */
  closure?: RawClosure;
  /** At least every changed debt. */
  debts: RawDebtUpdate[];
}

export interface RawDebtorUpdate {
  debtorId: string;
  agencyCollectionCases: RawCaseUpdate[];
  /** Absent: an existing block is REMOVED. */
  block?: RawBlock;
}

/** Body of `POST /debt-collection/update`. */
export interface RawUpdateRequest {
  /** UUID chosen by the caller; the idempotency key. */
  requestId: string;
  debtors: RawDebtorUpdate[];
}

/** 200 answer of `POST /debt-collection/update`. */
export interface RawUpdateAnswer {
  requestId: string;
}

/** A debt as the cases read answers it. */
export interface RawDebt {
  debtId: string;
  originalAmount: number;
  canceledAmount: number;
  paidAmount: number;
  currency: string;
  /** e.g. PRINCIPAL_CLAIM, DUNNING_FEE, SALE, FLAT_FEE; the set is not documented. */
  type: string | null;
  block: RawBlock | null;
}

export interface RawCase {
  agencyCollectionCaseId: string;
  publicCollectionCaseId: string | null;
  collectionCaseIds: string[];
  closure: RawClosure | null;
  debts: RawDebt[];
}

export interface RawDebtorCases {
  debtorId: string;
  block: RawBlock | null;
  agencyCollectionCases: RawCase[];
}

/** Answer of `GET /debt-collection/cases`. */
export interface RawCasesPage {
  result: RawDebtorCases[];
}

/** Answer of `GET /debt-collection/blocked/debtors`. */
export interface RawBlockedDebtors {
  result: { debtorId: string; block: RawBlock }[];
}

/** Answer of `GET /debt-collection/blocked/debts`. */
export interface RawBlockedDebts {
  result: { debtorId: string; debtId: string; block: RawBlock }[];
}

/** Body of every error answer (400, 401, 403, 404, 409, 429, 500). */
export interface RawError {
  errorMessage: string;
  errorCode?: string;
  traceId?: string;
  /** The bad field, e.g. `debtors[0].agencyCollectionCases[0].debts[1].paidAmount`. */
  reference?: string;
  args?: unknown[];
  typedArgs?: { value: unknown; type: string }[];
}

/** Most ids a cases read takes per parameter. */
export const MAX_IDS_PER_PARAMETER = 50;

/** The documented rate limit: requests a minute, per endpoint. */
export const RATE_LIMIT_PER_MINUTE = 1000;
