/**
 * Banco CDC wire data → our model. Nothing here throws. A record is shown whenever the graph can
 * identify it and apply its rules: an assignment needs its `code` and a status the seed lists, an
 * operation its `code`, a history entry its status. Anything else missing or unreadable (a zero
 * `created_at`, an empty purchaser name, an amount in an unknown format) is a null field. A record
 * that cannot be shown is an `UnreadableRecord` in its place, naming it without personal data.
 */
import { statusOfNumber, type CdcStatus } from '../../domain/cdc/status';
import type { CdcAssignmentModel, CdcOperationModel, CdcStatusChangeModel } from '../../domain/cdc/model';
import { unreadableRecord, type UnreadableRecord } from '../../domain/unreadable';
import { calendarDate, decimal, identifier, instant, integer, isRecord, text } from '../values';
import { CDC_NAIVE_ZONE, CDC_NUMBER_FORMAT, statusNumberOf, type RawCdcAssignment, type RawCdcOperation, type RawStatusChange } from './raw';

/** A mapped record, or the record that could not be. */
export type Mapped<T> = T | UnreadableRecord;

type Fields<Raw> = { readonly [K in keyof Raw]?: unknown };

/** Names a record for messages and logs: by its code when it has one, else by its place. */
function unreadable(record: string, reason: string): UnreadableRecord {
  return unreadableRecord('CDC', record, reason);
}

/** The status of a raw record, or why it has none the graph knows. Never echoes anything but the number. */
function readStatus(value: unknown): { status: CdcStatus } | { reason: string } {
  const number = statusNumberOf(value);
  if (number === null) return { reason: 'no number_status' };
  const status = statusOfNumber(number);
  return status === null ? { reason: `unknown status number ${number}` } : { status };
}

/**
 * An assignment from `GET /assignment/list` or `GET /assignment/` (then without operations here).
 * `place` names it when it has no code (`item 3 of the assignment list`).
 */
export function mapAssignment(value: unknown, place: string): Mapped<CdcAssignmentModel> {
  if (!isRecord(value)) return unreadable(place, 'not an object');
  const raw: Fields<RawCdcAssignment> = value;
  const code = identifier(raw.code);
  if (code === null) return unreadable(place, 'no code');
  const read = readStatus(raw.number_status);
  if ('reason' in read) return unreadable(`assignment ${code}`, read.reason);
  const name = text(raw.name_purchaser);
  const document = text(raw.document_purchaser);
  return {
    code,
    number: integer(raw.number_assignment, CDC_NUMBER_FORMAT),
    status: read.status,
    purchaser: name === null && document === null ? null : { name, document },
    saleAmount: decimal(raw.assignment_sale_amount, CDC_NUMBER_FORMAT),
    discountAmount: decimal(raw.assignment_discount_amount, CDC_NUMBER_FORMAT),
    createdAt: instant(raw.created_at, CDC_NAIVE_ZONE),
    operations: null,
  };
}

/** Item `index` (from 0) of `data.operations` of `GET /assignment/`. */
export function mapOperation(value: unknown, assignmentCode: string, index: number): Mapped<CdcOperationModel> {
  const place = `operation ${index + 1} of assignment ${assignmentCode}`;
  if (!isRecord(value)) return unreadable(place, 'not an object');
  const raw: Fields<RawCdcOperation> = value;
  const code = identifier(raw.code);
  if (code === null) return unreadable(place, 'no code');
  return {
    code,
    number: identifier(raw.number_operation),
    financedAmount: decimal(raw.financed_amount, CDC_NUMBER_FORMAT),
    assignmentAmount: decimal(raw.assignment_amount, CDC_NUMBER_FORMAT),
    entryDate: calendarDate(raw.entry_date),
  };
}

/** Item `index` (from 0) of `GET /assignment/status/` data. */
export function mapStatusChange(value: unknown, assignmentCode: string, index: number): Mapped<CdcStatusChangeModel> {
  const place = `status change ${index + 1} of assignment ${assignmentCode}`;
  if (!isRecord(value)) return unreadable(place, 'not an object');
  const raw: Fields<RawStatusChange> = value;
  const read = readStatus(raw.number_status);
  if ('reason' in read) return unreadable(place, read.reason);
  // Kept as written, not trimmed: it is a person's note. Empty (or a placeholder) means none.
  const observation = typeof raw.observation === 'string' && text(raw.observation) !== null ? raw.observation : null;
  return { status: read.status, observation, changedAt: instant(raw.created_at, CDC_NAIVE_ZONE) };
}
