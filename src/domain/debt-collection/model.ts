/**
 * Our model of Magicline debt-collection data, the shape resolvers return, and of the changes a
 * caller asks for. Amounts are exact decimal strings in the debt's currency, never floats; dates
 * are `YYYY-MM-DD`; a block the provider stores as DISABLED is no block (null).
 */
import type { UnreadableRecord } from '../unreadable';

export type BlockLimit = 'DISABLED' | 'LIMITED' | 'UNLIMITED';

export type ClosureType = 'POSITIVE' | 'NEGATIVE' | 'REVERSAL' | 'REJECTION';

export type RejectionReason =
  | 'CLAIMS_ALREADY_IN_COURT'
  | 'MISSING_COMPENSATION_BLOCKING_DUNNING_PROCESS'
  | 'NO_INFORMATION_ABOUT_LEGAL_REPRESENTATIVE'
  | 'NO_COLLECTION_ABROAD_POSSIBLE'
  | 'COLLECTING_FROM_INHERIT_NOT_POSSIBLE'
  | 'CLAIMS_TIME_BARRED_OR_RESIDUAL_DEBT_DISCHARGE_GRANTED'
  | 'REMAINING_CLAIM_BELOW_LIMIT'
  | 'NOTIFICATION_OBLIGATIONS_NOT_POSSIBLE'
  | 'FRAUD'
  | 'CONFLICT_OF_INTEREST'
  | 'WITHDRAWN_BY_STUDIO'
  | 'NO_PROCESSING_AT_ALL'
  | 'HARD_NEGATIVES_IN_DEBTOR_REGISTER'
  | 'POSTAL_DELIVERY_NOT_POSSIBLE'
  | 'CLAIM_INCREASE_IMPORTED_SYSTEM';

export type ClosureOptionKey = 'WRITE_OFF_REMAINING_DEBTS';

/** An exact amount in a currency. */
export interface MoneyModel {
  /** Exact decimal string, at least the currency's minor digits (`"100.00"` EUR, `"1200"` JPY). */
  readonly amount: string;
  /** ISO 4217. */
  readonly currency: string;
}

/** A current block (never DISABLED: that reads as no block). */
export interface BlockModel {
  readonly limitType: Exclude<BlockLimit, 'DISABLED'>;
  /** `YYYY-MM-DD`. */
  readonly endDate: string;
}

/** A read that did not state a block (the field was absent): it may be there or not. */
export const BLOCK_UNKNOWN = 'UNKNOWN';

/**
 * A block as a read knows it: the block, `null` for none, or {@link BLOCK_UNKNOWN} when the read
 * did not say. Unknown is never taken for none: an update sending "none" would remove a block.
 */
export type StoredBlock = BlockModel | null | typeof BLOCK_UNKNOWN;

/**
 * A provider's list of current blocks (debtors' or debts'), by id. An id it does not list has
 * no block; one whose entry could not be read is {@link BLOCK_UNKNOWN}.
 */
export interface BlockListModel {
  readonly byId: ReadonlyMap<string, StoredBlock>;
}

export interface DebtModel {
  readonly debtId: string;
  /** The provider's debt type (e.g. PRINCIPAL_CLAIM); the set is not documented. */
  readonly type: string | null;
  readonly originalAmount: MoneyModel;
  readonly paidAmount: MoneyModel;
  readonly canceledAmount: MoneyModel;
  /** max(0, original − paid − canceled). */
  readonly openAmount: MoneyModel;
  readonly block: StoredBlock;
  /** Only on a run's debts: the studio's collection case the run transferred the debt in. */
  readonly collectionCaseId?: string;
}

export interface ClosureOptionModel {
  readonly key: ClosureOptionKey;
  readonly value: string;
}

/** A stored closure: the case is closed. Parts the provider sent in a form we cannot read are null. */
export interface CaseClosureModel {
  /** Null when the provider sent a type the seed does not list. */
  readonly type: ClosureType | null;
  /** `YYYY-MM-DD`; null when unreadable. */
  readonly date: string | null;
  readonly reason: string | null;
  /** Null when absent or a value the seed does not list. */
  readonly rejectionReason: RejectionReason | null;
  readonly writeOffRemainingDebts: boolean;
  readonly options: readonly ClosureOptionModel[];
}

/** A debtor as a case read (or a run) shows it: the id and the current debtor block. */
export interface DebtorModel {
  readonly debtorId: string;
  readonly block: StoredBlock;
  /**
   * Only on a run's debtors: the debts the run transferred, each with its `collectionCaseId`; or,
   * when they cannot be read, why (that field alone fails).
   */
  readonly transferredDebts?: readonly DebtModel[] | UnreadableRecord;
}

/** A transfer run: the provider's id. Its debtors are read in slices. */
export interface CollectionRunModel {
  readonly runId: string;
}

/** One slice of a run's debtors. */
export interface RunDebtorsSliceModel {
  readonly items: readonly DebtorModel[];
  readonly hasNext: boolean;
  /** Where the next slice starts; null when there is none. */
  readonly nextOffset: number | null;
}

export interface ConfirmCollectionTransferSuccessModel {
  readonly __typename: 'ConfirmCollectionTransferSuccess';
  readonly run: CollectionRunModel;
}

/** The keys of a case, whether or not the rest of it could be read. */
export interface CaseKeysModel {
  readonly debtorId: string;
  readonly agencyCollectionCaseId: string;
  readonly collectionCaseIds: readonly string[];
}

/** One agency collection case, as the provider holds it now. */
export interface DebtCaseModel {
  readonly agencyCollectionCaseId: string;
  readonly publicCollectionCaseId: string | null;
  readonly collectionCaseIds: readonly string[];
  readonly debtor: DebtorModel;
  readonly debts: readonly DebtModel[];
  readonly closure: CaseClosureModel | null;
}

/** The sums of a case's debts in one currency. */
export interface CaseTotalsModel {
  readonly currency: string;
  readonly original: MoneyModel;
  readonly paid: MoneyModel;
  readonly canceled: MoneyModel;
  readonly open: MoneyModel;
}

export interface UpdateCollectionCaseSuccessModel {
  readonly __typename: 'UpdateCollectionCaseSuccess';
  readonly debtCase: DebtCaseModel;
  readonly requestId: string;
}

export interface CloseCollectionCaseSuccessModel {
  readonly __typename: 'CloseCollectionCaseSuccess';
  readonly debtCase: DebtCaseModel;
  readonly requestId: string;
}

/**
 * A block as the caller gives it, after GraphQL coercion. `endDate` may be a `Date`: the
 * graphql-scalars `Date` scalar parses input to a JS Date at UTC midnight, whatever codegen says.
 */
export interface BlockInputModel {
  readonly limitType: BlockLimit;
  readonly endDate?: string | Date | null;
}

export interface DebtUpdateInputModel {
  readonly debtId: string;
  /** Decimal strings (the Decimal scalar's output). Totals, not deltas. */
  readonly paidAmount: string;
  readonly canceledAmount: string;
  readonly block?: BlockInputModel | null;
}

export interface ClosureInputModel {
  readonly type: ClosureType;
  readonly date: string | Date;
  readonly rejectionReason?: RejectionReason | null;
  readonly reason?: string | null;
  readonly writeOffRemainingDebts?: boolean | null;
}

/** The caller's input to either mutation; `closure` only for closing. */
export interface CaseUpdateInputModel {
  readonly requestId?: string | null;
  readonly agencyCollectionCaseId: string;
  readonly debts?: readonly DebtUpdateInputModel[] | null;
  readonly debtorBlock?: BlockInputModel | null;
  readonly closure?: ClosureInputModel | null;
}

/** Which mutation: an update keeps the case open, a close closes it. */
export type CaseUpdateKind = 'update' | 'close';

/** What happens to a block: absent in the input = keep, DISABLED = remove, else set. */
export type BlockChange =
  | { readonly kind: 'keep' }
  | { readonly kind: 'remove' }
  | { readonly kind: 'set'; readonly block: BlockModel };

/** One debt's change, validated against nothing but itself. */
export interface DebtChange {
  /** Index in the caller's `debts`, for error paths. */
  readonly inputIndex: number;
  readonly debtId: string;
  /** Canonical decimal strings. */
  readonly paidAmount: string;
  readonly canceledAmount: string;
  readonly block: BlockChange;
}

export interface ClosureChange {
  readonly type: ClosureType;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly rejectionReason: RejectionReason | null;
  readonly reason: string | null;
  /** Null when the caller left it out: no option is sent. */
  readonly writeOffRemainingDebts: boolean | null;
}

/** The caller's changes to one case, checked for everything that needs no provider state. */
export interface CaseChanges {
  readonly kind: CaseUpdateKind;
  readonly agencyCollectionCaseId: string;
  readonly debts: readonly DebtChange[];
  readonly debtorBlock: BlockChange;
  /** Present exactly when closing. */
  readonly closure: ClosureChange | null;
}

/** A debt as the update sends it: amounts as exact decimal strings; the client writes numbers. */
export interface DebtPayload {
  readonly debtId: string;
  readonly originalAmount: string;
  readonly canceledAmount: string;
  readonly paidAmount: string;
  readonly currency: string;
  /** Null: left out on the wire, which REMOVES a stored block. */
  readonly block: BlockModel | null;
}

/** The whole update of one case, merged with the provider's current state. */
export interface CaseUpdatePayload {
  readonly requestId: string;
  readonly debtorId: string;
  /** Null: left out on the wire, which REMOVES a stored block. */
  readonly debtorBlock: BlockModel | null;
  readonly agencyCollectionCaseId: string;
  readonly publicCollectionCaseId: string | null;
  readonly collectionCaseIds: readonly string[];
  readonly closure: ClosureChange | null;
  /** Every debt of the case, in the provider's order. */
  readonly debts: readonly DebtPayload[];
}
