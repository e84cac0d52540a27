/**
 * The assignment statuses of Banco CDC, as the graph names them, and the provider's numbers for
 * them (1–9, in the order of the seed's status table).
 */

/** Banco CDC's numbers of the statuses, 1–9, in the order of the seed's status table. */
export type CdcStatusNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Our names of the statuses; the same strings as the GraphQL enum `CdcAssignmentStatus`. */
export type CdcStatus =
  | 'TYPING'
  | 'ANALYSIS'
  | 'APPROVED'
  | 'REFUSED'
  | 'SIGNATURE'
  | 'SALE_OFF'
  | 'FINISHED'
  | 'CANCELLED'
  | 'SIGNED_CONTRACT';

/** The provider's number of each status (a Record, so the compiler sees every status has one). */
const NUMBER_OF: Readonly<Record<CdcStatus, CdcStatusNumber>> = {
  TYPING: 1,
  ANALYSIS: 2,
  APPROVED: 3,
  REFUSED: 4,
  SIGNATURE: 5,
  SALE_OFF: 6,
  FINISHED: 7,
  CANCELLED: 8,
  SIGNED_CONTRACT: 9,
};

/** The seed's "Description" column, lightly edited; the provider sends no text of its own. */
const DESCRIPTION_OF: Readonly<Record<CdcStatus, string>> = {
  TYPING: 'Creation of the assignment package with the operations.',
  ANALYSIS: 'CDC analyzes the assignment data and the sales agreement.',
  APPROVED: 'The assignment and the agreement are correct to proceed with the sale.',
  REFUSED: 'The assignment and the agreement are not correct to proceed with the sale.',
  SIGNATURE: 'Signing of the sales agreement.',
  SALE_OFF: 'CDC is requesting the buyer to pay for the assignment agreement.',
  FINISHED: 'Assignment completed successfully.',
  CANCELLED: 'The assignment was cancelled; its operations stay out of the pipeline unless it is deleted.',
  SIGNED_CONTRACT: 'The contract is signed by all parties.',
};

/** Every status, in the provider's order (1–9). */
export const CDC_STATUSES: readonly CdcStatus[] = (Object.keys(NUMBER_OF) as CdcStatus[]).sort(
  (a, b) => NUMBER_OF[a] - NUMBER_OF[b],
);

const STATUS_OF: ReadonlyMap<number, CdcStatus> = new Map(CDC_STATUSES.map((status) => [NUMBER_OF[status], status]));

/** The status a provider number stands for, or null for a number the seed does not list. */
export function statusOfNumber(value: number): CdcStatus | null {
  return STATUS_OF.get(value) ?? null;
}

/** The provider's number of a status. */
export function numberOfStatus(status: CdcStatus): CdcStatusNumber {
  return NUMBER_OF[status];
}

/** The seed's description of a status, for people. */
export function describeStatus(status: CdcStatus): string {
  return DESCRIPTION_OF[status];
}
