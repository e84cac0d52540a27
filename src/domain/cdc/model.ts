/**
 * Our model of Banco CDC data, the shape resolvers return. By the time data is here, statuses
 * are our enum, timestamps ISO 8601 UTC instants (the provider's are Brasília time), amounts
 * exact decimal strings.
 */
import type { CdcStatus } from './status';

/** Who buys the assignment. */
export interface CdcPurchaserModel {
  readonly name: string;
  /** CPF or CNPJ, digits as the provider sends them. Personal data: never logged. */
  readonly document: string;
}

/** One credit operation of an assignment. */
export interface CdcOperationModel {
  readonly code: string;
  readonly number: string;
  readonly financedAmount: string | null;
  readonly assignmentAmount: string | null;
  /** `YYYY-MM-DD`. */
  readonly entryDate: string | null;
}

/** A credit assignment. */
export interface CdcAssignmentModel {
  readonly code: string;
  readonly number: number;
  readonly status: CdcStatus;
  readonly purchaser: CdcPurchaserModel;
  readonly saleAmount: string | null;
  readonly discountAmount: string | null;
  readonly createdAt: string;
  /** Present when read from `GET /assignment/`; null when it came from the list, which has none. */
  readonly operations: readonly CdcOperationModel[] | null;
}

/** One entry of an assignment's status history. */
export interface CdcStatusChangeModel {
  readonly status: CdcStatus;
  /** Null when the provider sent none or an empty one. */
  readonly observation: string | null;
  readonly changedAt: string;
}

/**
 * Something the provider sent that the graph cannot show (a status number the seed does not
 * list, a missing code, an unreadable timestamp): left out, and logged by the resolver. Never
 * carries personal data, so it can be logged as it is.
 */
export interface SkippedRecord {
  readonly kind: 'assignment' | 'operation' | 'statusChange';
  /** The assignment it belongs to, when known. */
  readonly assignmentCode: string | null;
  readonly reason: string;
}

/** The answer of one assignment read. */
export type CdcAssignmentRead =
  | { readonly kind: 'found'; readonly assignment: CdcAssignmentModel; readonly skipped: readonly SkippedRecord[] }
  /** The provider knows no assignment with this code (400-09), or the code cannot be one. */
  | { readonly kind: 'not_found' }
  /** The provider sent it, but not in a form the graph can show. */
  | { readonly kind: 'unreadable'; readonly skipped: readonly SkippedRecord[] };

/** Every assignment of the partner, and what had to be left out. */
export interface CdcAssignmentList {
  readonly assignments: readonly CdcAssignmentModel[];
  readonly skipped: readonly SkippedRecord[];
}

/** An assignment's status history, oldest first, and what had to be left out. */
export interface CdcStatusHistory {
  readonly changes: readonly CdcStatusChangeModel[];
  readonly skipped: readonly SkippedRecord[];
}

/** `setCdcStatus` succeeded: the assignment as it is now and the status it had before. */
export interface SetCdcStatusSuccessModel {
  readonly __typename: 'SetCdcStatusSuccess';
  readonly assignment: CdcAssignmentModel;
  readonly previousStatus: CdcStatus;
}

/** A partner may not make this change (our rules, or the provider's 400-30). */
export interface CdcStatusNotPermittedModel {
  readonly __typename: 'CdcStatusNotPermitted';
  readonly message: string;
  readonly currentStatus: CdcStatus;
  readonly requestedStatus: CdcStatus;
  readonly allowedStatuses: readonly CdcStatus[];
}

/** A validated `setCdcStatus` input. */
export interface CdcStatusRequest {
  readonly code: string;
  readonly status: CdcStatus;
  /** Absent when none was given. */
  readonly observation?: string;
}
