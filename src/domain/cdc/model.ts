/**
 * Our model of Banco CDC data, the shape resolvers return. By the time data is here, statuses
 * are our enum, timestamps ISO 8601 UTC instants (the provider's are Brasília time), amounts
 * exact decimal strings. A field the provider left out or sent unreadable is null; a record the
 * graph cannot show at all (no code, a status the seed does not list) is an
 * {@link UnreadableRecord} in its place.
 */
import type { UnreadableRecord } from '../unreadable';
import type { CdcStatus } from './status';

/** Who buys the assignment. Personal data: never logged. */
export interface CdcPurchaserModel {
  readonly name: string | null;
  /** CPF or CNPJ, digits as the provider sends them. */
  readonly document: string | null;
}

/** One credit operation of an assignment. */
export interface CdcOperationModel {
  readonly code: string;
  readonly number: string | null;
  readonly financedAmount: string | null;
  readonly assignmentAmount: string | null;
  /** `YYYY-MM-DD`. */
  readonly entryDate: string | null;
}

/** A credit assignment. */
export interface CdcAssignmentModel {
  readonly code: string;
  readonly number: number | null;
  readonly status: CdcStatus;
  /** Null when the provider sent neither a name nor a document. */
  readonly purchaser: CdcPurchaserModel | null;
  readonly saleAmount: string | null;
  readonly discountAmount: string | null;
  readonly createdAt: string | null;
  /** Present when read from `GET /assignment/`; null when it came from the list, which has none. */
  readonly operations: readonly (CdcOperationModel | UnreadableRecord)[] | null;
}

/** One entry of an assignment's status history. */
export interface CdcStatusChangeModel {
  readonly status: CdcStatus;
  /** Null when the provider sent none or an empty one. */
  readonly observation: string | null;
  readonly changedAt: string | null;
}

/** The answer of one assignment read. */
export type CdcAssignmentRead =
  | { readonly kind: 'found'; readonly assignment: CdcAssignmentModel }
  /** The provider knows no assignment with this code (400-09), or the code cannot be one. */
  | { readonly kind: 'not_found' }
  /** The provider sent it, but not in a form the graph can show. */
  | { readonly kind: 'unreadable'; readonly record: UnreadableRecord };

/** Every assignment of the partner, in the provider's order; what cannot be read stays in its place. */
export interface CdcAssignmentList {
  readonly assignments: readonly (CdcAssignmentModel | UnreadableRecord)[];
}

/** An assignment's status history, oldest first; what cannot be read stays in its place. */
export interface CdcStatusHistory {
  readonly changes: readonly (CdcStatusChangeModel | UnreadableRecord)[];
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
