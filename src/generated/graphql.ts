/* eslint-disable */
import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { AssignmentModel, CollateralModel, VehicleModel, LicensePlateModel, VehiclePropertyModel, AssignmentPageModel, UpdateAssignmentSuccessModel } from '../domain/assignment/model';
import { PageInfoModel } from '../domain/page';
import { FieldErrorModel, NotFoundErrorModel, ValidationErrorModel, ProviderErrorModel, ConflictErrorModel, RateLimitedErrorModel, ServiceUnavailableErrorModel, WriteOutcomeUnknownModel } from '../domain/errors';
import { CdcAssignmentModel, CdcPurchaserModel, CdcOperationModel, CdcStatusChangeModel, SetCdcStatusSuccessModel, CdcStatusNotPermittedModel } from '../domain/cdc/model';
import { MoneyModel, BlockModel, DebtModel, DebtorModel, DebtCaseModel, CaseClosureModel, ClosureOptionModel, CaseTotalsModel, UpdateCollectionCaseSuccessModel, CloseCollectionCaseSuccessModel, CollectionRunModel, RunDebtorsSliceModel, ConfirmCollectionTransferSuccessModel } from '../domain/debt-collection/model';
import { GraphQLContext } from '../graphql/context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 4217 currency code, e.g. `EUR`. */
  Currency: { input: string; output: string; }
  /** A calendar date without time or zone, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An instant in time, RFC 3339 with a zone (UTC on output), e.g. `2026-03-10T18:27:04.000Z`. */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number carried as a string, e.g. `"27110.55"`. Used for money amounts so
   * no client or server ever does float arithmetic on them. Input accepts a decimal string or an
   * integer; never a float.
   */
  Decimal: { input: string; output: string; }
  /** A UUID, e.g. `fc336b0b-409c-4c66-a26d-ab25b87dcb8f`. */
  UUID: { input: string; output: string; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  link__Import: { input: unknown; output: unknown; }
};

/** A repossession assignment (an order) at RecoveryConnect. */
export type Assignment = {
  __typename?: 'Assignment';
  acceptedDate?: Maybe<Scalars['DateTime']['output']>;
  assignmentSituation?: Maybe<Scalars['String']['output']>;
  clientAccountNumber?: Maybe<Scalars['String']['output']>;
  clientId?: Maybe<Scalars['ID']['output']>;
  /**
   * Every collateral of the assignment; the primary one carries the full vehicle history. Read
   * with a call of its own: null, with an error at this path, when that call fails (the rest of
   * the assignment stays). One RecoveryConnect sent in a form the graph cannot read is null in its place, with an error.
   */
  collaterals?: Maybe<Array<Maybe<Collateral>>>;
  collectorId?: Maybe<Scalars['ID']['output']>;
  companyOrderNumber?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  isLatestCase?: Maybe<Scalars['Boolean']['output']>;
  isLender?: Maybe<Scalars['Boolean']['output']>;
  isViolent?: Maybe<Scalars['Boolean']['output']>;
  lienAccountNumber?: Maybe<Scalars['String']['output']>;
  lienholderId?: Maybe<Scalars['ID']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  orderType?: Maybe<Scalars['Int']['output']>;
  ownerId?: Maybe<Scalars['ID']['output']>;
  parentCaseId?: Maybe<Scalars['ID']['output']>;
  parentId?: Maybe<Scalars['ID']['output']>;
  primaryCollateral?: Maybe<Collateral>;
  reason?: Maybe<Scalars['String']['output']>;
  recoverySituation?: Maybe<Scalars['String']['output']>;
  /** How many times the case was reopened (the provider's `reopen_num`). */
  reopenCount?: Maybe<Scalars['Int']['output']>;
  /** The assignment's status code, when the provider sends one. */
  status?: Maybe<Scalars['Int']['output']>;
  statusDate?: Maybe<Scalars['DateTime']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type AssignmentFilter = {
  /** The client's account number. */
  accountNumber?: InputMaybe<Scalars['String']['input']>;
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** At most 250 ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Scalars['Int']['input']>;
};

export type AssignmentPage = {
  __typename?: 'AssignmentPage';
  /** In RecoveryConnect's order. One sent without an id is null in its place, with an error naming it. */
  items: Array<Maybe<Assignment>>;
  pageInfo: PageInfo;
};

/** A block of a debtor or a debt for future collection cases. */
export type Block = {
  __typename?: 'Block';
  /** Until when the block holds. */
  endDate?: Maybe<Scalars['Date']['output']>;
  limitType: BlockLimit;
};

/**
 * A block to set. Leaving a block out of an input KEEPS the current one; `{limitType: DISABLED}`
 * removes it. `endDate` is required for LIMITED and UNLIMITED, and not allowed for DISABLED.
 */
export type BlockInput = {
  endDate?: InputMaybe<Scalars['Date']['input']>;
  limitType: BlockLimit;
};

/** How far a block reaches. DISABLED means no block: it is only ever sent, to remove one. */
export type BlockLimit =
  | 'DISABLED'
  | 'LIMITED'
  | 'UNLIMITED';

/** How and when a case was closed. */
export type CaseClosure = {
  __typename?: 'CaseClosure';
  /** Null when the provider sent a date that cannot be read. */
  date?: Maybe<Scalars['Date']['output']>;
  options: Array<ClosureOption>;
  reason?: Maybe<Scalars['String']['output']>;
  /** Set for REJECTION; null when the provider sent a reason this graph does not know. */
  rejectionReason?: Maybe<RejectionReason>;
  /** Null when the provider sent a closure type this graph does not know (the case is closed all the same). */
  type?: Maybe<ClosureType>;
  /** Whether canceled amounts are written off and not opened again. */
  writeOffRemainingDebts: Scalars['Boolean']['output'];
};

/** The sums of a case's debts in one currency. */
export type CaseTotals = {
  __typename?: 'CaseTotals';
  canceled: Money;
  currency: Scalars['Currency']['output'];
  /** The sum of each debt's open amount. */
  open: Money;
  original: Money;
  paid: Money;
};

/**
 * A credit assignment at Banco CDC: a package of credit operations sold to a purchaser.
 * Times are UTC instants (Banco CDC writes Brasília time); amounts are BRL. A field Banco CDC
 * left out or sent in a form the graph cannot read (a zero date, an empty name) is null.
 */
export type CdcAssignment = {
  __typename?: 'CdcAssignment';
  /**
   * The statuses a partner may set now, so a client offers only the changes that will work.
   * Empty when a partner cannot change the assignment any more. The current status is not
   * listed (setting it again succeeds and changes nothing).
   */
  allowedNextStatuses: Array<CdcAssignmentStatus>;
  code: Scalars['ID']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  discountAmount?: Maybe<Scalars['Decimal']['output']>;
  /** Banco CDC's assignment number. */
  number?: Maybe<Scalars['Int']['output']>;
  /**
   * The credit operations in the assignment. Null, with an error, when they could not be read
   * from Banco CDC; an operation Banco CDC sent without a code is null in its place, with an error.
   */
  operations?: Maybe<Array<Maybe<CdcOperation>>>;
  /** Null when Banco CDC sent neither a name nor a document. */
  purchaser?: Maybe<CdcPurchaser>;
  saleAmount?: Maybe<Scalars['Decimal']['output']>;
  status: CdcAssignmentStatus;
  /** What the status means, from Banco CDC's documentation. */
  statusDescription: Scalars['String']['output'];
  /**
   * Every status the assignment has had, oldest first. Null, with an error, when the history
   * could not be read; an entry with a status the graph does not know is null in its place, with an error.
   */
  statusHistory?: Maybe<Array<Maybe<CdcStatusChange>>>;
};

/** Where a CDC assignment is in its workflow (Banco CDC's status numbers 1 to 9, in this order). */
export type CdcAssignmentStatus =
  /** 2: CDC analyzes the assignment and the sales agreement. Set by the partner. */
  | 'ANALYSIS'
  /** 3: the assignment may proceed to the sale. Set by CDC. */
  | 'APPROVED'
  /** 8: the assignment was cancelled. Set by the partner or CDC. */
  | 'CANCELLED'
  /** 7: the assignment is complete. Set by CDC. */
  | 'FINISHED'
  /** 4: the assignment may not proceed to the sale. Set by CDC. */
  | 'REFUSED'
  /** 6: CDC asks the buyer to pay. Set by CDC. */
  | 'SALE_OFF'
  /** 5: the sales agreement is being signed. Set by the partner. */
  | 'SIGNATURE'
  /** 9: every party signed the contract. Set by the system, only from SIGNATURE. */
  | 'SIGNED_CONTRACT'
  /** 1: the assignment package is being put together. Set by the partner. */
  | 'TYPING';

/** One credit operation of an assignment. */
export type CdcOperation = {
  __typename?: 'CdcOperation';
  assignmentAmount?: Maybe<Scalars['Decimal']['output']>;
  code: Scalars['ID']['output'];
  entryDate?: Maybe<Scalars['Date']['output']>;
  financedAmount?: Maybe<Scalars['Decimal']['output']>;
  number?: Maybe<Scalars['String']['output']>;
};

/** Who buys the assignment. */
export type CdcPurchaser = {
  __typename?: 'CdcPurchaser';
  /** CPF or CNPJ, as Banco CDC sends it. */
  document?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
};

/** One entry of an assignment's status history. */
export type CdcStatusChange = {
  __typename?: 'CdcStatusChange';
  changedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The note given with the change; null when there was none. */
  observation?: Maybe<Scalars['String']['output']>;
  status: CdcAssignmentStatus;
};

/**
 * A partner may not make this change now: decided by the graph from Banco CDC's rules before
 * sending anything, or by Banco CDC itself (its return code 400-30).
 */
export type CdcStatusNotPermitted = ResultError & {
  __typename?: 'CdcStatusNotPermitted';
  /** What a partner may set instead (as `CdcAssignment.allowedNextStatuses`); may be empty. */
  allowedStatuses: Array<CdcAssignmentStatus>;
  /** The assignment's status as last read from Banco CDC. */
  currentStatus: CdcAssignmentStatus;
  message: Scalars['String']['output'];
  requestedStatus: CdcAssignmentStatus;
};

/** Closes an open case, with the final amounts and blocks (left out: kept). */
export type CloseCollectionCaseInput = {
  agencyCollectionCaseId: Scalars['ID']['input'];
  closure: ClosureInput;
  debtorBlock?: InputMaybe<BlockInput>;
  debts?: InputMaybe<Array<DebtUpdateInput>>;
  /** The idempotency key, as for updateCollectionCase. */
  requestId?: InputMaybe<Scalars['UUID']['input']>;
};

export type CloseCollectionCaseResult = CloseCollectionCaseSuccess | ConflictError | NotFoundError | ProviderError | RateLimitedError | ServiceUnavailableError | ValidationError | WriteOutcomeUnknown;

export type CloseCollectionCaseSuccess = {
  __typename?: 'CloseCollectionCaseSuccess';
  /** The case as the provider holds it after closing. */
  debtCase: DebtCase;
  requestId: Scalars['UUID']['output'];
};

export type ClosureInput = {
  /** Not after today (UTC). */
  date: Scalars['Date']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  /** Required for REJECTION, not allowed otherwise. */
  rejectionReason?: InputMaybe<RejectionReason>;
  type: ClosureType;
  /** Write off the canceled amounts. Left out: not sent. */
  writeOffRemainingDebts?: InputMaybe<Scalars['Boolean']['input']>;
};

export type ClosureOption = {
  __typename?: 'ClosureOption';
  key: ClosureOptionKey;
  /** For WRITE_OFF_REMAINING_DEBTS: `true` or `false`. */
  value: Scalars['String']['output'];
};

export type ClosureOptionKey =
  | 'WRITE_OFF_REMAINING_DEBTS';

export type ClosureType =
  | 'NEGATIVE'
  | 'POSITIVE'
  | 'REJECTION'
  | 'REVERSAL';

/** What secures the loan: here always a vehicle. Placeholders such as "No Data" read as null. */
export type Collateral = {
  __typename?: 'Collateral';
  additionalInfo?: Maybe<Scalars['String']['output']>;
  chargeoffDate?: Maybe<Scalars['Date']['output']>;
  contractDate?: Maybe<Scalars['Date']['output']>;
  delinquentSince?: Maybe<Scalars['Date']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  /** Null when RecoveryConnect sent the collateral without its id (its collateral list documents none). */
  id?: Maybe<Scalars['ID']['output']>;
  isDamaged?: Maybe<Scalars['Boolean']['output']>;
  isPrimary?: Maybe<Scalars['Boolean']['output']>;
  originalLoanAmount?: Maybe<Scalars['Decimal']['output']>;
  pastDueAmount?: Maybe<Scalars['Decimal']['output']>;
  paymentAmount?: Maybe<Scalars['Decimal']['output']>;
  status?: Maybe<Scalars['Int']['output']>;
  statusDate?: Maybe<Scalars['DateTime']['output']>;
  unpaidBalance?: Maybe<Scalars['Decimal']['output']>;
  vehicle?: Maybe<Vehicle>;
};

/**
 * A transfer run: debts a studio handed over to the agency. Read its debtors, then confirm the
 * transfer with `confirmCollectionTransfer`. Confirming changes nothing that is read here: a
 * confirmed run answers the same debtors. Reading it needs `collections:read`, also as a mutation's
 * result.
 */
export type CollectionRun = {
  __typename?: 'CollectionRun';
  /**
   * The run's debtors, one slice at a time: `offset` from 0, `sliceSize` from 1 to 100 (else
   * BAD_USER_INPUT, and nothing is sent). Read on from `nextOffset` while `hasNext`.
   */
  debtors: CollectionRunDebtors;
  runId: Scalars['ID']['output'];
};


/**
 * A transfer run: debts a studio handed over to the agency. Read its debtors, then confirm the
 * transfer with `confirmCollectionTransfer`. Confirming changes nothing that is read here: a
 * confirmed run answers the same debtors. Reading it needs `collections:read`, also as a mutation's
 * result.
 */
export type CollectionRunDebtorsArgs = {
  offset?: InputMaybe<Scalars['Int']['input']>;
  sliceSize?: InputMaybe<Scalars['Int']['input']>;
};

/** One slice of a run's debtors. */
export type CollectionRunDebtors = {
  __typename?: 'CollectionRunDebtors';
  /** Whether more debtors follow this slice. */
  hasNext: Scalars['Boolean']['output'];
  items: Array<Debtor>;
  /** Where the next slice starts (the `offset` to ask for); null when there is none. */
  nextOffset?: Maybe<Scalars['Int']['output']>;
};

/**
 * The provider answers a confirmation of a confirmed run as a success too, so sending it again (after
 * a lost answer, say) is safe. An unknown run is a NotFoundError (resource `CollectionRun`).
 */
export type ConfirmCollectionTransferResult = ConfirmCollectionTransferSuccess | NotFoundError | ProviderError | RateLimitedError | ServiceUnavailableError | WriteOutcomeUnknown;

export type ConfirmCollectionTransferSuccess = {
  __typename?: 'ConfirmCollectionTransferSuccess';
  /** The confirmed run. */
  run: CollectionRun;
};

/**
 * The request contradicts the provider's current state or an earlier request, e.g. the case is
 * closed, or the requestId was used before with other input. Sending it again will not help.
 */
export type ConflictError = ResultError & {
  __typename?: 'ConflictError';
  message: Scalars['String']['output'];
  /**
   * The idempotency key of the write this error answers, on mutations that have one (the
   * debt-collection case updates): send the same input with this requestId again to retry safely.
   * Null on queries' errors and on mutations without one.
   */
  requestId?: Maybe<Scalars['UUID']['output']>;
};

/** One debt of a case. Amounts are totals in the debt's currency, not changes. */
export type Debt = {
  __typename?: 'Debt';
  /**
   * The debt's current block, null when there is none. When the provider's read does not state it,
   * it is taken from the provider's blocked-debts list; when that cannot be read, this field alone
   * is null with a PROVIDER_ERROR at its path.
   */
  block?: Maybe<Block>;
  canceledAmount: Money;
  /**
   * On a transfer run's debt (`Debtor.transferredDebts`): the studio's collection case it was
   * transferred in; the agency gives that case its agencyCollectionCaseId when it first reports on
   * it. Null on a case's debts (the provider's cases read does not say which of the case's
   * collectionCaseIds a debt belongs to).
   */
  collectionCaseId?: Maybe<Scalars['ID']['output']>;
  debtId: Scalars['ID']['output'];
  /** What is still owed: max(0, original − paid − canceled). An overpayment owes nothing. */
  openAmount: Money;
  originalAmount: Money;
  paidAmount: Money;
  /** The provider's debt type, e.g. `PRINCIPAL_CLAIM`, `DUNNING_FEE`; the provider does not document the set. */
  type?: Maybe<Scalars['String']['output']>;
};

/** A case the agency holds: one or more of the provider's collection cases of one debtor. */
export type DebtCase = {
  __typename?: 'DebtCase';
  /** The agency's own id for the case. */
  agencyCollectionCaseId: Scalars['ID']['output'];
  /** Null while the case is open. */
  closure?: Maybe<CaseClosure>;
  /** The provider's collection cases aggregated in this case. */
  collectionCaseIds: Array<Scalars['ID']['output']>;
  debtor: Debtor;
  debts: Array<Debt>;
  isClosed: Scalars['Boolean']['output'];
  /** A customer-facing id used in correspondence, when it differs. */
  publicCollectionCaseId?: Maybe<Scalars['String']['output']>;
  /** One entry per currency of the debts, sorted by currency code. */
  totals: Array<CaseTotals>;
};

/**
 * A debt's new totals. `paidAmount` and `canceledAmount` are totals, not changes: send 60.00 when
 * 50.00 was paid before and 10.00 now. At most the currency's decimal places by ISO 4217 (EUR 2,
 * HUF 2, JPY 0, BHD 3) and 15 significant digits; not negative, except that the amount the provider
 * already stores may be sent back as it is. canceled + paid may not exceed the original amount,
 * except that an overpayment with nothing canceled is accepted.
 */
export type DebtUpdateInput = {
  /** Left out: the debt's current block is kept. */
  block?: InputMaybe<BlockInput>;
  canceledAmount: Scalars['Decimal']['input'];
  debtId: Scalars['ID']['input'];
  paidAmount: Scalars['Decimal']['input'];
};

/** A debtor whose debts the agency collects. */
export type Debtor = {
  __typename?: 'Debtor';
  /**
   * The debtor's current block, null when there is none. When the provider's read does not state it,
   * it is taken from the provider's blocked-debtors list; when that cannot be read, this field alone
   * is null with a PROVIDER_ERROR at its path.
   */
  block?: Maybe<Block>;
  /**
   * Every case of this debtor at the agency. A case the provider sends in a form that cannot be read
   * is null in its place, with a PROVIDER_ERROR at that path naming it; the others are kept.
   */
  cases: Array<Maybe<DebtCase>>;
  debtorId: Scalars['ID']['output'];
  /**
   * Only for a debtor read from a transfer run (`CollectionRun.debtors`): the debts the run
   * transferred, each with the `collectionCaseId` it came in, before the agency reports on them.
   * Null when the debtor was reached another way, or (with a PROVIDER_ERROR at this path) when the
   * provider sent them in a form that cannot be read.
   */
  transferredDebts?: Maybe<Array<Debt>>;
};

/** One problem with one input field. */
export type FieldError = {
  __typename?: 'FieldError';
  /** Machine-readable reason, e.g. `NULL_NOT_ALLOWED`, `EMPTY_INPUT`, `OUT_OF_RANGE`. */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** Path of the field in the operation's arguments, e.g. `["input", "statusNote"]`. */
  path: Array<Scalars['String']['output']>;
};

export type LicensePlate = {
  __typename?: 'LicensePlate';
  expiresOn?: Maybe<Scalars['Date']['output']>;
  number?: Maybe<Scalars['String']['output']>;
  state?: Maybe<Scalars['String']['output']>;
};

/** An exact amount of money. `amount` has at least the currency's minor digits (`"100.00"` EUR, `"1200"` JPY). */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  currency: Scalars['Currency']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Closes an open case, with its final payments, cancellations and blocks. */
  closeCollectionCase: CloseCollectionCaseResult;
  /** Confirms that the agency retrieved a transfer run (its debtors). Safe to send again. */
  confirmCollectionTransfer: ConfirmCollectionTransferResult;
  /**
   * Moves an assignment to another status, as the partner. Sent to Banco CDC at most once; when
   * the outcome of the call is unknown the assignment is read again to find out.
   */
  setCdcStatus: SetCdcStatusResult;
  updateAssignment: UpdateAssignmentResult;
  /** Reports payments, cancellations and blocks of an open case; the case stays open. */
  updateCollectionCase: UpdateCollectionCaseResult;
};


export type MutationCloseCollectionCaseArgs = {
  input: CloseCollectionCaseInput;
};


export type MutationConfirmCollectionTransferArgs = {
  runId: Scalars['ID']['input'];
};


export type MutationSetCdcStatusArgs = {
  input: SetCdcStatusInput;
};


export type MutationUpdateAssignmentArgs = {
  id: Scalars['ID']['input'];
  input: UpdateAssignmentInput;
};


export type MutationUpdateCollectionCaseArgs = {
  input: UpdateCollectionCaseInput;
};

/** The thing asked for does not exist at the provider. */
export type NotFoundError = ResultError & {
  __typename?: 'NotFoundError';
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  /**
   * The idempotency key of the write this error answers, on mutations that have one (the
   * debt-collection case updates): send the same input with this requestId again to retry safely.
   * Null on queries' errors and on mutations without one.
   */
  requestId?: Maybe<Scalars['UUID']['output']>;
  /** The kind of thing, e.g. `Assignment`. */
  resource: Scalars['String']['output'];
};

/** Where a page of a list is, and whether there is more. */
export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  lastPage: Scalars['Int']['output'];
  page: Scalars['Int']['output'];
  perPage: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** The outside system a `ProviderError` comes from. */
export type Provider =
  | 'CDC'
  | 'DEBT_COLLECTION'
  | 'RECOVERY_CONNECT';

/**
 * The provider failed or could not be reached. When `retryable` is true the same request may
 * be sent again, after `retryAfterSeconds` when it is given.
 */
export type ProviderError = ResultError & {
  __typename?: 'ProviderError';
  message: Scalars['String']['output'];
  provider: Provider;
  /** The provider's own error code or HTTP status, when it sent one. */
  providerCode?: Maybe<Scalars['String']['output']>;
  /** The provider's own reference of the failed call (a trace id or request code) to quote to its support, when it sent one. */
  providerReference?: Maybe<Scalars['String']['output']>;
  /**
   * The idempotency key of the write this error answers, on mutations that have one (the
   * debt-collection case updates): send the same input with this requestId again to retry safely.
   * Null on queries' errors and on mutations without one.
   */
  requestId?: Maybe<Scalars['UUID']['output']>;
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
  retryable: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One assignment; null when it does not exist. */
  assignment?: Maybe<Assignment>;
  /**
   * A page of assignments. `perPage` is 1 to 250; more is an error, not a silent cap. Null means the
   * default. Null, with an error, when the page could not be read.
   */
  assignments?: Maybe<AssignmentPage>;
  /**
   * One assignment; null when it does not exist. Null with an error when Banco CDC sent it in a
   * form the graph cannot read (no code, a status the documentation does not list).
   */
  cdcAssignment?: Maybe<CdcAssignment>;
  /**
   * Every assignment of the partner, in Banco CDC's order. One Banco CDC sent in a form the graph
   * cannot read is null in its place, with an error naming it. Null, with an error, when the list
   * could not be read.
   */
  cdcAssignments?: Maybe<Array<Maybe<CdcAssignment>>>;
  /** A transfer run; null when the provider knows no run with this id. */
  collectionRun?: Maybe<CollectionRun>;
  /** One case; null when the agency holds no case with this id. */
  debtCase?: Maybe<DebtCase>;
  /**
   * Cases by ids. Within one argument ids are alternatives; arguments given together must all
   * match (AND), as at the provider. At least one argument is required (else BAD_USER_INPUT); an
   * empty list matches nothing. At most 500 ids an argument. Cases come in the order of the ids of
   * the first argument given among agencyCollectionCaseIds, collectionCaseIds, debtorIds. A case the
   * provider sends in a form that cannot be read is null in its place, with a PROVIDER_ERROR at that
   * path naming it; the other cases are kept.
   */
  debtCases?: Maybe<Array<Maybe<DebtCase>>>;
};


export type QueryAssignmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAssignmentsArgs = {
  filter?: InputMaybe<AssignmentFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCdcAssignmentArgs = {
  code: Scalars['ID']['input'];
};


export type QueryCollectionRunArgs = {
  runId: Scalars['ID']['input'];
};


export type QueryDebtCaseArgs = {
  agencyCollectionCaseId: Scalars['ID']['input'];
};


export type QueryDebtCasesArgs = {
  agencyCollectionCaseIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  collectionCaseIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  debtorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The provider is rate limiting requests. Send the same request again after `retryAfterSeconds`. */
export type RateLimitedError = ResultError & {
  __typename?: 'RateLimitedError';
  message: Scalars['String']['output'];
  /**
   * The idempotency key of the write this error answers, on mutations that have one (the
   * debt-collection case updates): send the same input with this requestId again to retry safely.
   * Null on queries' errors and on mutations without one.
   */
  requestId?: Maybe<Scalars['UUID']['output']>;
  retryAfterSeconds: Scalars['Int']['output'];
};

/** Why the agency rejected a case (closure type REJECTION). */
export type RejectionReason =
  | 'CLAIMS_ALREADY_IN_COURT'
  | 'CLAIMS_TIME_BARRED_OR_RESIDUAL_DEBT_DISCHARGE_GRANTED'
  | 'CLAIM_INCREASE_IMPORTED_SYSTEM'
  | 'COLLECTING_FROM_INHERIT_NOT_POSSIBLE'
  | 'CONFLICT_OF_INTEREST'
  | 'FRAUD'
  | 'HARD_NEGATIVES_IN_DEBTOR_REGISTER'
  | 'MISSING_COMPENSATION_BLOCKING_DUNNING_PROCESS'
  | 'NOTIFICATION_OBLIGATIONS_NOT_POSSIBLE'
  | 'NO_COLLECTION_ABROAD_POSSIBLE'
  | 'NO_INFORMATION_ABOUT_LEGAL_REPRESENTATIVE'
  | 'NO_PROCESSING_AT_ALL'
  | 'POSTAL_DELIVERY_NOT_POSSIBLE'
  | 'REMAINING_CLAIM_BELOW_LIMIT'
  | 'WITHDRAWN_BY_STUDIO';

/** What every error returned as data has: a message a person can read. */
export type ResultError = {
  message: Scalars['String']['output'];
};

/**
 * The graph did not run the write now, and nothing was sent to the provider. Send the same request
 * again (with the same requestId, where the mutation has one) after `retryAfterSeconds`.
 */
export type ServiceUnavailableError = ResultError & {
  __typename?: 'ServiceUnavailableError';
  message: Scalars['String']['output'];
  reason: ServiceUnavailableReason;
  /** The write's idempotency key, on mutations that have one: send it again with the retry. */
  requestId?: Maybe<Scalars['UUID']['output']>;
  retryAfterSeconds: Scalars['Int']['output'];
};

/** Why the graph did not run a write now (nothing was sent to the provider). */
export type ServiceUnavailableReason =
  /** The audit trail cannot record the attempt, and no write runs unrecorded. */
  | 'AUDIT_UNAVAILABLE'
  /** Too little of the request's deadline is left for the provider call to finish; a write is never cut off mid-call. */
  | 'NOT_ENOUGH_TIME'
  /** The shared state that orders and deduplicates writes (Redis: the write locks, the requestId store) cannot be reached. */
  | 'SHARED_STATE_UNAVAILABLE'
  /** Another write of the same record (debtor, assignment, CDC code) holds its write lock past the time this request may wait. */
  | 'WRITE_LOCK_BUSY';

export type SetCdcStatusInput = {
  code: Scalars['ID']['input'];
  /** A note kept with the change: at most 500 characters, not blank. Null is the same as leaving it out. */
  observation?: InputMaybe<Scalars['String']['input']>;
  status: CdcAssignmentStatus;
};

export type SetCdcStatusResult = CdcStatusNotPermitted | NotFoundError | ProviderError | ServiceUnavailableError | SetCdcStatusSuccess | ValidationError | WriteOutcomeUnknown;

/** The status was set (or the assignment had it already: then nothing was sent). */
export type SetCdcStatusSuccess = {
  __typename?: 'SetCdcStatusSuccess';
  /** The assignment as Banco CDC has it after the change. */
  assignment: CdcAssignment;
  previousStatus: CdcAssignmentStatus;
};

/**
 * A partial update: only the fields present are changed. A field cannot be cleared, so an
 * explicit null is rejected, and so is an empty input.
 */
export type UpdateAssignmentInput = {
  collectorId?: InputMaybe<Scalars['ID']['input']>;
  orderType?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Scalars['Int']['input']>;
  /** At most 1000 characters. */
  statusNote?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateAssignmentResult = NotFoundError | ProviderError | RateLimitedError | ServiceUnavailableError | UpdateAssignmentSuccess | ValidationError | WriteOutcomeUnknown;

export type UpdateAssignmentSuccess = {
  __typename?: 'UpdateAssignmentSuccess';
  assignment: Assignment;
};

/**
 * Payments, cancellations and blocks for an open case. Debts left out keep their amounts; blocks
 * left out are kept.
 */
export type UpdateCollectionCaseInput = {
  agencyCollectionCaseId: Scalars['ID']['input'];
  /** Left out: the debtor's current block is kept. */
  debtorBlock?: InputMaybe<BlockInput>;
  debts?: InputMaybe<Array<DebtUpdateInput>>;
  /**
   * The idempotency key: the same requestId with the same input answers the same success without
   * a second write; with other input, a ConflictError. Generated when left out.
   */
  requestId?: InputMaybe<Scalars['UUID']['input']>;
};

export type UpdateCollectionCaseResult = ConflictError | NotFoundError | ProviderError | RateLimitedError | ServiceUnavailableError | UpdateCollectionCaseSuccess | ValidationError | WriteOutcomeUnknown;

export type UpdateCollectionCaseSuccess = {
  __typename?: 'UpdateCollectionCaseSuccess';
  /** The case as the provider holds it after the update. */
  debtCase: DebtCase;
  requestId: Scalars['UUID']['output'];
};

/** The input was rejected; nothing was sent to the provider unless the provider itself rejected it. */
export type ValidationError = ResultError & {
  __typename?: 'ValidationError';
  fieldErrors: Array<FieldError>;
  message: Scalars['String']['output'];
  /**
   * The idempotency key of the write this error answers, on mutations that have one (the
   * debt-collection case updates): send the same input with this requestId again to retry safely.
   * Null on queries' errors and on mutations without one.
   */
  requestId?: Maybe<Scalars['UUID']['output']>;
};

/**
 * A vehicle. Each property's current value is the latest non-empty entry of its history, else
 * the provider's snapshot; placeholders (`""`, `"-undefined"`, `"No Data"`, `"N/A"`, `"null"`, …) are null.
 *
 * The key is not resolvable here: RecoveryConnect has no route that finds a vehicle by its id, so
 * vehicles are reached through their assignment. Other subgraphs may add fields to Vehicle (the
 * router fetches those with the id this subgraph gives), but a router never asks this subgraph for
 * a vehicle it did not hand out, which it could only answer with null.
 */
export type Vehicle = {
  __typename?: 'Vehicle';
  bodyType?: Maybe<Scalars['String']['output']>;
  color?: Maybe<Scalars['String']['output']>;
  driveTrain?: Maybe<Scalars['String']['output']>;
  engine?: Maybe<Scalars['String']['output']>;
  fuelType?: Maybe<Scalars['String']['output']>;
  /**
   * RecoveryConnect's id of the vehicle. Null for a vehicle only its collateral list names (the
   * documented list carries no ids): such a vehicle is shown, but no other subgraph can add to it.
   */
  id?: Maybe<Scalars['ID']['output']>;
  keyCode?: Maybe<Scalars['String']['output']>;
  licensePlate?: Maybe<LicensePlate>;
  make?: Maybe<Scalars['String']['output']>;
  model?: Maybe<Scalars['String']['output']>;
  /** Recorded property values, oldest first. Empty entries are left out unless asked for. */
  propertyHistory: Array<VehicleProperty>;
  sellingDealer?: Maybe<Scalars['String']['output']>;
  trim?: Maybe<Scalars['String']['output']>;
  vin?: Maybe<Scalars['String']['output']>;
  year?: Maybe<Scalars['Int']['output']>;
};


/**
 * A vehicle. Each property's current value is the latest non-empty entry of its history, else
 * the provider's snapshot; placeholders (`""`, `"-undefined"`, `"No Data"`, `"N/A"`, `"null"`, …) are null.
 *
 * The key is not resolvable here: RecoveryConnect has no route that finds a vehicle by its id, so
 * vehicles are reached through their assignment. Other subgraphs may add fields to Vehicle (the
 * router fetches those with the id this subgraph gives), but a router never asks this subgraph for
 * a vehicle it did not hand out, which it could only answer with null.
 */
export type VehiclePropertyHistoryArgs = {
  includeEmpty?: Scalars['Boolean']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

/** One recorded value of a vehicle property. */
export type VehicleProperty = {
  __typename?: 'VehicleProperty';
  name: Scalars['String']['output'];
  recordedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the value came from, e.g. `Purchase` or `User Input`. */
  source?: Maybe<Scalars['String']['output']>;
  /** Null when the entry was empty or a placeholder. */
  value?: Maybe<Scalars['String']['output']>;
};

/**
 * The write was sent, and whether the provider applied it is not known: its answer was lost (a
 * timeout, a broken connection, a server error after sending) and reading the record back could not
 * settle it. The write may have happened. A retry is safe: on mutations with a `requestId`, send the
 * same input with this requestId (the graph then checks the provider's state first and never applies
 * it twice); each mutation's description says what a retry needs otherwise.
 */
export type WriteOutcomeUnknown = ResultError & {
  __typename?: 'WriteOutcomeUnknown';
  message: Scalars['String']['output'];
  provider: Provider;
  /** The provider's own reference of the call, to quote to its support, when it sent one. */
  providerReference?: Maybe<Scalars['String']['output']>;
  /** The write's idempotency key, on mutations that have one: retry with it. */
  requestId?: Maybe<Scalars['UUID']['output']>;
  /** Wait this long before the retry, when the provider or the graph says so. */
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

export type Link__Purpose =
  | 'EXECUTION'
  | 'SECURITY';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Assignment: Assignment;
  CdcAssignment: CdcAssignment;
  DebtCase: DebtCase;
  Debtor: Debtor;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Assignment:
    ( { __typename: 'Assignment' }
    & GraphQLRecursivePick<FederationTypes['Assignment'], {"id":true}> );
  CdcAssignment:
    ( { __typename: 'CdcAssignment' }
    & GraphQLRecursivePick<FederationTypes['CdcAssignment'], {"code":true}> );
  DebtCase:
    ( { __typename: 'DebtCase' }
    & GraphQLRecursivePick<FederationTypes['DebtCase'], {"agencyCollectionCaseId":true}> );
  Debtor:
    ( { __typename: 'Debtor' }
    & GraphQLRecursivePick<FederationTypes['Debtor'], {"debtorId":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  CloseCollectionCaseResult:
    | ( CloseCollectionCaseSuccessModel )
    | ( ConflictErrorModel )
    | ( NotFoundErrorModel )
    | ( ProviderErrorModel )
    | ( RateLimitedErrorModel )
    | ( ServiceUnavailableErrorModel )
    | ( ValidationErrorModel )
    | ( WriteOutcomeUnknownModel )
  ;
  ConfirmCollectionTransferResult:
    | ( ConfirmCollectionTransferSuccessModel )
    | ( NotFoundErrorModel )
    | ( ProviderErrorModel )
    | ( RateLimitedErrorModel )
    | ( ServiceUnavailableErrorModel )
    | ( WriteOutcomeUnknownModel )
  ;
  SetCdcStatusResult:
    | ( CdcStatusNotPermittedModel )
    | ( NotFoundErrorModel )
    | ( ProviderErrorModel )
    | ( ServiceUnavailableErrorModel )
    | ( SetCdcStatusSuccessModel )
    | ( ValidationErrorModel )
    | ( WriteOutcomeUnknownModel )
  ;
  UpdateAssignmentResult:
    | ( NotFoundErrorModel )
    | ( ProviderErrorModel )
    | ( RateLimitedErrorModel )
    | ( ServiceUnavailableErrorModel )
    | ( UpdateAssignmentSuccessModel )
    | ( ValidationErrorModel )
    | ( WriteOutcomeUnknownModel )
  ;
  UpdateCollectionCaseResult:
    | ( ConflictErrorModel )
    | ( NotFoundErrorModel )
    | ( ProviderErrorModel )
    | ( RateLimitedErrorModel )
    | ( ServiceUnavailableErrorModel )
    | ( UpdateCollectionCaseSuccessModel )
    | ( ValidationErrorModel )
    | ( WriteOutcomeUnknownModel )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  ResultError:
    | ( CdcStatusNotPermittedModel )
    | ( ConflictErrorModel )
    | ( NotFoundErrorModel )
    | ( ProviderErrorModel )
    | ( RateLimitedErrorModel )
    | ( ServiceUnavailableErrorModel )
    | ( ValidationErrorModel )
    | ( WriteOutcomeUnknownModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Assignment: ResolverTypeWrapper<AssignmentModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AssignmentFilter: AssignmentFilter;
  AssignmentPage: ResolverTypeWrapper<AssignmentPageModel>;
  Block: ResolverTypeWrapper<BlockModel>;
  BlockInput: BlockInput;
  BlockLimit: BlockLimit;
  CaseClosure: ResolverTypeWrapper<CaseClosureModel>;
  CaseTotals: ResolverTypeWrapper<CaseTotalsModel>;
  CdcAssignment: ResolverTypeWrapper<CdcAssignmentModel>;
  CdcAssignmentStatus: CdcAssignmentStatus;
  CdcOperation: ResolverTypeWrapper<CdcOperationModel>;
  CdcPurchaser: ResolverTypeWrapper<CdcPurchaserModel>;
  CdcStatusChange: ResolverTypeWrapper<CdcStatusChangeModel>;
  CdcStatusNotPermitted: ResolverTypeWrapper<CdcStatusNotPermittedModel>;
  CloseCollectionCaseInput: CloseCollectionCaseInput;
  CloseCollectionCaseResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CloseCollectionCaseResult']>;
  CloseCollectionCaseSuccess: ResolverTypeWrapper<CloseCollectionCaseSuccessModel>;
  ClosureInput: ClosureInput;
  ClosureOption: ResolverTypeWrapper<ClosureOptionModel>;
  ClosureOptionKey: ClosureOptionKey;
  ClosureType: ClosureType;
  Collateral: ResolverTypeWrapper<CollateralModel>;
  CollectionRun: ResolverTypeWrapper<CollectionRunModel>;
  CollectionRunDebtors: ResolverTypeWrapper<RunDebtorsSliceModel>;
  ConfirmCollectionTransferResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ConfirmCollectionTransferResult']>;
  ConfirmCollectionTransferSuccess: ResolverTypeWrapper<ConfirmCollectionTransferSuccessModel>;
  ConflictError: ResolverTypeWrapper<ConflictErrorModel>;
  Currency: ResolverTypeWrapper<Scalars['Currency']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Debt: ResolverTypeWrapper<DebtModel>;
  DebtCase: ResolverTypeWrapper<DebtCaseModel>;
  DebtUpdateInput: DebtUpdateInput;
  Debtor: ResolverTypeWrapper<DebtorModel>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  FieldError: ResolverTypeWrapper<FieldErrorModel>;
  LicensePlate: ResolverTypeWrapper<LicensePlateModel>;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotFoundError: ResolverTypeWrapper<NotFoundErrorModel>;
  PageInfo: ResolverTypeWrapper<PageInfoModel>;
  Provider: Provider;
  ProviderError: ResolverTypeWrapper<ProviderErrorModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateLimitedError: ResolverTypeWrapper<RateLimitedErrorModel>;
  RejectionReason: RejectionReason;
  ResultError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['ResultError']>;
  ServiceUnavailableError: ResolverTypeWrapper<ServiceUnavailableErrorModel>;
  ServiceUnavailableReason: ServiceUnavailableReason;
  SetCdcStatusInput: SetCdcStatusInput;
  SetCdcStatusResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SetCdcStatusResult']>;
  SetCdcStatusSuccess: ResolverTypeWrapper<SetCdcStatusSuccessModel>;
  UUID: ResolverTypeWrapper<Scalars['UUID']['output']>;
  UpdateAssignmentInput: UpdateAssignmentInput;
  UpdateAssignmentResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['UpdateAssignmentResult']>;
  UpdateAssignmentSuccess: ResolverTypeWrapper<UpdateAssignmentSuccessModel>;
  UpdateCollectionCaseInput: UpdateCollectionCaseInput;
  UpdateCollectionCaseResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['UpdateCollectionCaseResult']>;
  UpdateCollectionCaseSuccess: ResolverTypeWrapper<UpdateCollectionCaseSuccessModel>;
  ValidationError: ResolverTypeWrapper<ValidationErrorModel>;
  Vehicle: ResolverTypeWrapper<VehicleModel>;
  VehicleProperty: ResolverTypeWrapper<VehiclePropertyModel>;
  WriteOutcomeUnknown: ResolverTypeWrapper<WriteOutcomeUnknownModel>;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  federation__Scope: ResolverTypeWrapper<Scalars['federation__Scope']['output']>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  link__Purpose: Link__Purpose;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Assignment: AssignmentModel;
  ID: Scalars['ID']['output'];
  AssignmentFilter: AssignmentFilter;
  AssignmentPage: AssignmentPageModel;
  Block: BlockModel;
  BlockInput: BlockInput;
  CaseClosure: CaseClosureModel;
  CaseTotals: CaseTotalsModel;
  CdcAssignment: CdcAssignmentModel;
  CdcOperation: CdcOperationModel;
  CdcPurchaser: CdcPurchaserModel;
  CdcStatusChange: CdcStatusChangeModel;
  CdcStatusNotPermitted: CdcStatusNotPermittedModel;
  CloseCollectionCaseInput: CloseCollectionCaseInput;
  CloseCollectionCaseResult: ResolversUnionTypes<ResolversParentTypes>['CloseCollectionCaseResult'];
  CloseCollectionCaseSuccess: CloseCollectionCaseSuccessModel;
  ClosureInput: ClosureInput;
  ClosureOption: ClosureOptionModel;
  Collateral: CollateralModel;
  CollectionRun: CollectionRunModel;
  CollectionRunDebtors: RunDebtorsSliceModel;
  ConfirmCollectionTransferResult: ResolversUnionTypes<ResolversParentTypes>['ConfirmCollectionTransferResult'];
  ConfirmCollectionTransferSuccess: ConfirmCollectionTransferSuccessModel;
  ConflictError: ConflictErrorModel;
  Currency: Scalars['Currency']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Debt: DebtModel;
  DebtCase: DebtCaseModel;
  DebtUpdateInput: DebtUpdateInput;
  Debtor: DebtorModel;
  Decimal: Scalars['Decimal']['output'];
  FieldError: FieldErrorModel;
  LicensePlate: LicensePlateModel;
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  NotFoundError: NotFoundErrorModel;
  PageInfo: PageInfoModel;
  ProviderError: ProviderErrorModel;
  Query: Record<PropertyKey, never>;
  RateLimitedError: RateLimitedErrorModel;
  ResultError: ResolversInterfaceTypes<ResolversParentTypes>['ResultError'];
  ServiceUnavailableError: ServiceUnavailableErrorModel;
  SetCdcStatusInput: SetCdcStatusInput;
  SetCdcStatusResult: ResolversUnionTypes<ResolversParentTypes>['SetCdcStatusResult'];
  SetCdcStatusSuccess: SetCdcStatusSuccessModel;
  UUID: Scalars['UUID']['output'];
  UpdateAssignmentInput: UpdateAssignmentInput;
  UpdateAssignmentResult: ResolversUnionTypes<ResolversParentTypes>['UpdateAssignmentResult'];
  UpdateAssignmentSuccess: UpdateAssignmentSuccessModel;
  UpdateCollectionCaseInput: UpdateCollectionCaseInput;
  UpdateCollectionCaseResult: ResolversUnionTypes<ResolversParentTypes>['UpdateCollectionCaseResult'];
  UpdateCollectionCaseSuccess: UpdateCollectionCaseSuccessModel;
  ValidationError: ValidationErrorModel;
  Vehicle: VehicleModel;
  VehicleProperty: VehiclePropertyModel;
  WriteOutcomeUnknown: WriteOutcomeUnknownModel;
  federation__FieldSet: Scalars['federation__FieldSet']['output'];
  federation__Scope: Scalars['federation__Scope']['output'];
  link__Import: Scalars['link__Import']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
};

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CostDirectiveArgs = {
  weight: Scalars['Int']['input'];
};

export type CostDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = CostDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  requireOneSlicingArgument?: Maybe<Scalars['Boolean']['input']>;
  sizedFields?: Maybe<Array<Scalars['String']['input']>>;
  slicingArguments?: Maybe<Array<Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type RequiresScopesDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AssignmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Assignment'] = ResolversParentTypes['Assignment'], FederationReferenceType extends FederationReferenceTypes['Assignment'] = FederationReferenceTypes['Assignment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Assignment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acceptedDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  assignmentSituation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientAccountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  collaterals?: Resolver<Maybe<Array<Maybe<ResolversTypes['Collateral']>>>, ParentType, ContextType>;
  collectorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  companyOrderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isLatestCase?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isLender?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isViolent?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  lienAccountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lienholderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orderType?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ownerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  parentCaseId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  primaryCollateral?: Resolver<Maybe<ResolversTypes['Collateral']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recoverySituation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reopenCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  statusDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AssignmentPageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AssignmentPage'] = ResolversParentTypes['AssignmentPage']> = {
  items?: Resolver<Array<Maybe<ResolversTypes['Assignment']>>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type BlockResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Block'] = ResolversParentTypes['Block']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  limitType?: Resolver<ResolversTypes['BlockLimit'], ParentType, ContextType>;
};

export type CaseClosureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CaseClosure'] = ResolversParentTypes['CaseClosure']> = {
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ClosureOption']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rejectionReason?: Resolver<Maybe<ResolversTypes['RejectionReason']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['ClosureType']>, ParentType, ContextType>;
  writeOffRemainingDebts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CaseTotalsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CaseTotals'] = ResolversParentTypes['CaseTotals']> = {
  canceled?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  original?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CdcAssignmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CdcAssignment'] = ResolversParentTypes['CdcAssignment'], FederationReferenceType extends FederationReferenceTypes['CdcAssignment'] = FederationReferenceTypes['CdcAssignment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CdcAssignment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allowedNextStatuses?: Resolver<Array<ResolversTypes['CdcAssignmentStatus']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  discountAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  operations?: Resolver<Maybe<Array<Maybe<ResolversTypes['CdcOperation']>>>, ParentType, ContextType>;
  purchaser?: Resolver<Maybe<ResolversTypes['CdcPurchaser']>, ParentType, ContextType>;
  saleAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CdcAssignmentStatus'], ParentType, ContextType>;
  statusDescription?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statusHistory?: Resolver<Maybe<Array<Maybe<ResolversTypes['CdcStatusChange']>>>, ParentType, ContextType>;
};

export type CdcOperationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CdcOperation'] = ResolversParentTypes['CdcOperation']> = {
  assignmentAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entryDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  financedAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CdcPurchaserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CdcPurchaser'] = ResolversParentTypes['CdcPurchaser']> = {
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CdcStatusChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CdcStatusChange'] = ResolversParentTypes['CdcStatusChange']> = {
  changedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  observation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CdcAssignmentStatus'], ParentType, ContextType>;
};

export type CdcStatusNotPermittedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CdcStatusNotPermitted'] = ResolversParentTypes['CdcStatusNotPermitted']> = {
  allowedStatuses?: Resolver<Array<ResolversTypes['CdcAssignmentStatus']>, ParentType, ContextType>;
  currentStatus?: Resolver<ResolversTypes['CdcAssignmentStatus'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestedStatus?: Resolver<ResolversTypes['CdcAssignmentStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CloseCollectionCaseResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CloseCollectionCaseResult'] = ResolversParentTypes['CloseCollectionCaseResult']> = {
  __resolveType: TypeResolveFn<'CloseCollectionCaseSuccess' | 'ConflictError' | 'NotFoundError' | 'ProviderError' | 'RateLimitedError' | 'ServiceUnavailableError' | 'ValidationError' | 'WriteOutcomeUnknown', ParentType, ContextType>;
};

export type CloseCollectionCaseSuccessResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CloseCollectionCaseSuccess'] = ResolversParentTypes['CloseCollectionCaseSuccess']> = {
  debtCase?: Resolver<ResolversTypes['DebtCase'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ClosureOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClosureOption'] = ResolversParentTypes['ClosureOption']> = {
  key?: Resolver<ResolversTypes['ClosureOptionKey'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CollateralResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Collateral'] = ResolversParentTypes['Collateral']> = {
  additionalInfo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  chargeoffDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  contractDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  delinquentSince?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  isDamaged?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isPrimary?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  originalLoanAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  pastDueAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  paymentAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  statusDate?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  unpaidBalance?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
};

export type CollectionRunResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CollectionRun'] = ResolversParentTypes['CollectionRun']> = {
  debtors?: Resolver<ResolversTypes['CollectionRunDebtors'], ParentType, ContextType, RequireFields<CollectionRunDebtorsArgs, 'offset' | 'sliceSize'>>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CollectionRunDebtorsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CollectionRunDebtors'] = ResolversParentTypes['CollectionRunDebtors']> = {
  hasNext?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['Debtor']>, ParentType, ContextType>;
  nextOffset?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ConfirmCollectionTransferResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConfirmCollectionTransferResult'] = ResolversParentTypes['ConfirmCollectionTransferResult']> = {
  __resolveType: TypeResolveFn<'ConfirmCollectionTransferSuccess' | 'NotFoundError' | 'ProviderError' | 'RateLimitedError' | 'ServiceUnavailableError' | 'WriteOutcomeUnknown', ParentType, ContextType>;
};

export type ConfirmCollectionTransferSuccessResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConfirmCollectionTransferSuccess'] = ResolversParentTypes['ConfirmCollectionTransferSuccess']> = {
  run?: Resolver<ResolversTypes['CollectionRun'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ConflictErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictError'] = ResolversParentTypes['ConflictError']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['UUID']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface CurrencyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Currency'], any> {
  name: 'Currency';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DebtResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Debt'] = ResolversParentTypes['Debt']> = {
  block?: Resolver<Maybe<ResolversTypes['Block']>, ParentType, ContextType>;
  canceledAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  collectionCaseId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  debtId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  originalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  paidAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DebtCaseResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DebtCase'] = ResolversParentTypes['DebtCase'], FederationReferenceType extends FederationReferenceTypes['DebtCase'] = FederationReferenceTypes['DebtCase']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DebtCase']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agencyCollectionCaseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  closure?: Resolver<Maybe<ResolversTypes['CaseClosure']>, ParentType, ContextType>;
  collectionCaseIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  debtor?: Resolver<ResolversTypes['Debtor'], ParentType, ContextType>;
  debts?: Resolver<Array<ResolversTypes['Debt']>, ParentType, ContextType>;
  isClosed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  publicCollectionCaseId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  totals?: Resolver<Array<ResolversTypes['CaseTotals']>, ParentType, ContextType>;
};

export type DebtorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Debtor'] = ResolversParentTypes['Debtor'], FederationReferenceType extends FederationReferenceTypes['Debtor'] = FederationReferenceTypes['Debtor']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Debtor']> | FederationReferenceType, FederationReferenceType, ContextType>;
  block?: Resolver<Maybe<ResolversTypes['Block']>, ParentType, ContextType>;
  cases?: Resolver<Array<Maybe<ResolversTypes['DebtCase']>>, ParentType, ContextType>;
  debtorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  transferredDebts?: Resolver<Maybe<Array<ResolversTypes['Debt']>>, ParentType, ContextType>;
};

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type FieldErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FieldError'] = ResolversParentTypes['FieldError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LicensePlateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LicensePlate'] = ResolversParentTypes['LicensePlate']> = {
  expiresOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  closeCollectionCase?: Resolver<ResolversTypes['CloseCollectionCaseResult'], ParentType, ContextType, RequireFields<MutationCloseCollectionCaseArgs, 'input'>>;
  confirmCollectionTransfer?: Resolver<ResolversTypes['ConfirmCollectionTransferResult'], ParentType, ContextType, RequireFields<MutationConfirmCollectionTransferArgs, 'runId'>>;
  setCdcStatus?: Resolver<ResolversTypes['SetCdcStatusResult'], ParentType, ContextType, RequireFields<MutationSetCdcStatusArgs, 'input'>>;
  updateAssignment?: Resolver<ResolversTypes['UpdateAssignmentResult'], ParentType, ContextType, RequireFields<MutationUpdateAssignmentArgs, 'id' | 'input'>>;
  updateCollectionCase?: Resolver<ResolversTypes['UpdateCollectionCaseResult'], ParentType, ContextType, RequireFields<MutationUpdateCollectionCaseArgs, 'input'>>;
};

export type NotFoundErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotFoundError'] = ResolversParentTypes['NotFoundError']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['UUID']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastPage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  page?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  perPage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProviderErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProviderError'] = ResolversParentTypes['ProviderError']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  providerCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  providerReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['UUID']>, ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  retryable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  assignment?: Resolver<Maybe<ResolversTypes['Assignment']>, ParentType, ContextType, RequireFields<QueryAssignmentArgs, 'id'>>;
  assignments?: Resolver<Maybe<ResolversTypes['AssignmentPage']>, ParentType, ContextType, RequireFields<QueryAssignmentsArgs, 'page' | 'perPage'>>;
  cdcAssignment?: Resolver<Maybe<ResolversTypes['CdcAssignment']>, ParentType, ContextType, RequireFields<QueryCdcAssignmentArgs, 'code'>>;
  cdcAssignments?: Resolver<Maybe<Array<Maybe<ResolversTypes['CdcAssignment']>>>, ParentType, ContextType>;
  collectionRun?: Resolver<Maybe<ResolversTypes['CollectionRun']>, ParentType, ContextType, RequireFields<QueryCollectionRunArgs, 'runId'>>;
  debtCase?: Resolver<Maybe<ResolversTypes['DebtCase']>, ParentType, ContextType, RequireFields<QueryDebtCaseArgs, 'agencyCollectionCaseId'>>;
  debtCases?: Resolver<Maybe<Array<Maybe<ResolversTypes['DebtCase']>>>, ParentType, ContextType, Partial<QueryDebtCasesArgs>>;
};

export type RateLimitedErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RateLimitedError'] = ResolversParentTypes['RateLimitedError']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['UUID']>, ParentType, ContextType>;
  retryAfterSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ResultErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResultError'] = ResolversParentTypes['ResultError']> = {
  __resolveType: TypeResolveFn<'CdcStatusNotPermitted' | 'ConflictError' | 'NotFoundError' | 'ProviderError' | 'RateLimitedError' | 'ServiceUnavailableError' | 'ValidationError' | 'WriteOutcomeUnknown', ParentType, ContextType>;
};

export type ServiceUnavailableErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceUnavailableError'] = ResolversParentTypes['ServiceUnavailableError']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ServiceUnavailableReason'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['UUID']>, ParentType, ContextType>;
  retryAfterSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SetCdcStatusResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SetCdcStatusResult'] = ResolversParentTypes['SetCdcStatusResult']> = {
  __resolveType: TypeResolveFn<'CdcStatusNotPermitted' | 'NotFoundError' | 'ProviderError' | 'ServiceUnavailableError' | 'SetCdcStatusSuccess' | 'ValidationError' | 'WriteOutcomeUnknown', ParentType, ContextType>;
};

export type SetCdcStatusSuccessResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SetCdcStatusSuccess'] = ResolversParentTypes['SetCdcStatusSuccess']> = {
  assignment?: Resolver<ResolversTypes['CdcAssignment'], ParentType, ContextType>;
  previousStatus?: Resolver<ResolversTypes['CdcAssignmentStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface UuidScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['UUID'], any> {
  name: 'UUID';
}

export type UpdateAssignmentResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpdateAssignmentResult'] = ResolversParentTypes['UpdateAssignmentResult']> = {
  __resolveType: TypeResolveFn<'NotFoundError' | 'ProviderError' | 'RateLimitedError' | 'ServiceUnavailableError' | 'UpdateAssignmentSuccess' | 'ValidationError' | 'WriteOutcomeUnknown', ParentType, ContextType>;
};

export type UpdateAssignmentSuccessResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpdateAssignmentSuccess'] = ResolversParentTypes['UpdateAssignmentSuccess']> = {
  assignment?: Resolver<ResolversTypes['Assignment'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UpdateCollectionCaseResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpdateCollectionCaseResult'] = ResolversParentTypes['UpdateCollectionCaseResult']> = {
  __resolveType: TypeResolveFn<'ConflictError' | 'NotFoundError' | 'ProviderError' | 'RateLimitedError' | 'ServiceUnavailableError' | 'UpdateCollectionCaseSuccess' | 'ValidationError' | 'WriteOutcomeUnknown', ParentType, ContextType>;
};

export type UpdateCollectionCaseSuccessResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpdateCollectionCaseSuccess'] = ResolversParentTypes['UpdateCollectionCaseSuccess']> = {
  debtCase?: Resolver<ResolversTypes['DebtCase'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['UUID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ValidationErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ValidationError'] = ResolversParentTypes['ValidationError']> = {
  fieldErrors?: Resolver<Array<ResolversTypes['FieldError']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['UUID']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type VehicleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Vehicle'] = ResolversParentTypes['Vehicle']> = {
  bodyType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  color?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  driveTrain?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  engine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fuelType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  keyCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  licensePlate?: Resolver<Maybe<ResolversTypes['LicensePlate']>, ParentType, ContextType>;
  make?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  propertyHistory?: Resolver<Array<ResolversTypes['VehicleProperty']>, ParentType, ContextType, RequireFields<VehiclePropertyHistoryArgs, 'includeEmpty'>>;
  sellingDealer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trim?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type VehiclePropertyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VehicleProperty'] = ResolversParentTypes['VehicleProperty']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WriteOutcomeUnknownResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WriteOutcomeUnknown'] = ResolversParentTypes['WriteOutcomeUnknown']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  providerReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['UUID']>, ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Federation__ScopeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Scope'], any> {
  name: 'federation__Scope';
}

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = GraphQLContext> = {
  Assignment?: AssignmentResolvers<ContextType>;
  AssignmentPage?: AssignmentPageResolvers<ContextType>;
  Block?: BlockResolvers<ContextType>;
  CaseClosure?: CaseClosureResolvers<ContextType>;
  CaseTotals?: CaseTotalsResolvers<ContextType>;
  CdcAssignment?: CdcAssignmentResolvers<ContextType>;
  CdcOperation?: CdcOperationResolvers<ContextType>;
  CdcPurchaser?: CdcPurchaserResolvers<ContextType>;
  CdcStatusChange?: CdcStatusChangeResolvers<ContextType>;
  CdcStatusNotPermitted?: CdcStatusNotPermittedResolvers<ContextType>;
  CloseCollectionCaseResult?: CloseCollectionCaseResultResolvers<ContextType>;
  CloseCollectionCaseSuccess?: CloseCollectionCaseSuccessResolvers<ContextType>;
  ClosureOption?: ClosureOptionResolvers<ContextType>;
  Collateral?: CollateralResolvers<ContextType>;
  CollectionRun?: CollectionRunResolvers<ContextType>;
  CollectionRunDebtors?: CollectionRunDebtorsResolvers<ContextType>;
  ConfirmCollectionTransferResult?: ConfirmCollectionTransferResultResolvers<ContextType>;
  ConfirmCollectionTransferSuccess?: ConfirmCollectionTransferSuccessResolvers<ContextType>;
  ConflictError?: ConflictErrorResolvers<ContextType>;
  Currency?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Debt?: DebtResolvers<ContextType>;
  DebtCase?: DebtCaseResolvers<ContextType>;
  Debtor?: DebtorResolvers<ContextType>;
  Decimal?: GraphQLScalarType;
  FieldError?: FieldErrorResolvers<ContextType>;
  LicensePlate?: LicensePlateResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NotFoundError?: NotFoundErrorResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProviderError?: ProviderErrorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RateLimitedError?: RateLimitedErrorResolvers<ContextType>;
  ResultError?: ResultErrorResolvers<ContextType>;
  ServiceUnavailableError?: ServiceUnavailableErrorResolvers<ContextType>;
  SetCdcStatusResult?: SetCdcStatusResultResolvers<ContextType>;
  SetCdcStatusSuccess?: SetCdcStatusSuccessResolvers<ContextType>;
  UUID?: GraphQLScalarType;
  UpdateAssignmentResult?: UpdateAssignmentResultResolvers<ContextType>;
  UpdateAssignmentSuccess?: UpdateAssignmentSuccessResolvers<ContextType>;
  UpdateCollectionCaseResult?: UpdateCollectionCaseResultResolvers<ContextType>;
  UpdateCollectionCaseSuccess?: UpdateCollectionCaseSuccessResolvers<ContextType>;
  ValidationError?: ValidationErrorResolvers<ContextType>;
  Vehicle?: VehicleResolvers<ContextType>;
  VehicleProperty?: VehiclePropertyResolvers<ContextType>;
  WriteOutcomeUnknown?: WriteOutcomeUnknownResolvers<ContextType>;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  link__Import?: GraphQLScalarType;
};

export type DirectiveResolvers<ContextType = GraphQLContext> = {
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  cost?: CostDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
  requiresScopes?: RequiresScopesDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
