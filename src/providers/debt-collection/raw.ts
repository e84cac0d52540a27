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
 * - Blocks in the cases read: a `block` field that is present states the block (`null`, or a
 *   DISABLED one, for none). A debtor or debt WITHOUT a `block` field says nothing about its
 *   block; the graph then reads the blocked lists below, and never takes "absent" for "none".
 * - `GET /debt-collection/blocked/debtors` and `/blocked/debts` answer EVERY current block in one
 *   answer ({@link RawBlockedDebtors}, {@link RawBlockedDebts}): an id that is not listed has no
 *   block. An answer that says it has more (`hasNext: true`) is not the whole list, so it is not
 *   read as one.
 * - `POST /debt-collection/update` answers 200 with {@link RawUpdateAnswer}. The provider keeps
 *   every `requestId`: the same id with the same body answers 200 again without a second write;
 *   the same id with another body answers 409 (`errorCode` `REQUEST_ID_REUSED`).
 * - An update naming a closed case answers 409 (`errorCode` `CASE_CLOSED`); an unknown debtor,
 *   case or debt 404, whose `reference` names the field (`debtors[0].agencyCollectionCases[0].debts[1].debtId`).
 * - `reference` in a 400 names the field with indexes, e.g.
 *   `debtors[0].agencyCollectionCases[0].debts[1].paidAmount`.
 * - To remove a block, the update leaves `block` out (the seed: "if no block is sent an existing
 *   block will be removed"). `limitType: DISABLED` is never sent; it is what reads may show for
 *   "no block".
 * - Amounts: the update sends JSON numbers; reads may carry numbers or decimal strings
 *   (`"100.50"`, a dot as the decimal separator). The provider may store an amount below zero (a
 *   reversal booked by the studio): reads show it as it is, and an update may send a stored
 *   amount back unchanged; only a NEW negative amount is refused (400).
 * - Transfer runs: `GET /debt-collection/{runId}/debtors?offset&sliceSize` answers
 *   {@link RawRunDebtorsPage}: at most `sliceSize` debtors (1 to {@link MAX_SLICE_SIZE}, default
 *   {@link DEFAULT_SLICE_SIZE}) from `offset` (default 0), `hasNext`, and `offset` = where the
 *   next slice starts, as a decimal string (it may arrive as a number). A debtor of a run is
 *   {@link RawRunDebtor}: its id, its block, and the collection cases the run transferred (the
 *   studio's `collectionCaseId`s with their debts, shaped as the cases read's debts). The agency
 *   gives a case its own `agencyCollectionCaseId` when it first reports on it.
 * - `POST /debt-collection/{runId}/confirmTransfer` takes no body and answers 200 (no body is
 *   documented; the graph reads none). Confirming a confirmed run answers 200 again and changes
 *   nothing; a confirmed run still answers its debtors, the same slices as before. An unknown
 *   run is 404 on both routes (`errorCode` `NOT_FOUND`, `reference` `runId`).
 * - Scopes: every read needs the API key's DEBT_COLLECTION_READ scope, the update and
 *   confirmTransfer DEBT_COLLECTION_WRITE. A 403 is a missing scope.
 */

/** The provider's API scopes. */
export type RawScope = 'DEBT_COLLECTION_READ' | 'DEBT_COLLECTION_WRITE';

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

/** A debt as the cases read (and a run) answers it. Amounts may also arrive as decimal strings. */
export interface RawDebt {
  debtId: string;
  originalAmount: number;
  canceledAmount: number;
  paidAmount: number;
  currency: string;
  /** e.g. PRINCIPAL_CLAIM, DUNNING_FEE, SALE, FLAT_FEE; the set is not documented. */
  type: string | null;
  /** Present: the block (null or DISABLED: none). Absent: not stated (see the readings above). */
  block?: RawBlock | null;
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
  /** Present: the block (null or DISABLED: none). Absent: not stated. */
  block?: RawBlock | null;
  agencyCollectionCases: RawCase[];
}

/** Answer of `GET /debt-collection/cases`. */
export interface RawCasesPage {
  result: RawDebtorCases[];
}

/** Answer of `GET /debt-collection/blocked/debtors`: every blocked debtor. */
export interface RawBlockedDebtors {
  result: { debtorId: string; block: RawBlock }[];
  /** Never true in our reading; `true` means the list is not whole. */
  hasNext?: boolean;
}

/** Answer of `GET /debt-collection/blocked/debts`: every blocked debt. */
export interface RawBlockedDebts {
  result: { debtorId: string; debtId: string; block: RawBlock }[];
  /** Never true in our reading; `true` means the list is not whole. */
  hasNext?: boolean;
}

/** A collection case as a run transfers it: the studio's id and its debts. */
export interface RawRunCollectionCase {
  collectionCaseId: string;
  debts: RawDebt[];
}

/** A debtor of a transfer run. */
export interface RawRunDebtor {
  debtorId: string;
  block?: RawBlock | null;
  collectionCases: RawRunCollectionCase[];
}

/** Answer of `GET /debt-collection/{runId}/debtors`. */
export interface RawRunDebtorsPage {
  result: RawRunDebtor[];
  hasNext: boolean;
  /** Where the next slice starts: a decimal string (read from a number too). */
  offset: string;
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

/**
 * Most debtors one slice of a run may hold: our reading, kept by the graph's rule (written there,
 * since src/domain imports nothing from here) and by the simulator.
 */
export { MAX_SLICE_SIZE } from '../../domain/debt-collection/run-rules';

/** The slice size when `sliceSize` is left out. */
export const DEFAULT_SLICE_SIZE = 10;

/** The documented rate limit: requests a minute, per endpoint. */
export const RATE_LIMIT_PER_MINUTE = 1000;
