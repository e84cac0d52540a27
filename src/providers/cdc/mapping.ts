/**
 * Banco CDC wire data → our model. Nothing here throws: a record the graph can not show (a
 * status number the seed does not list, no code, an unreadable timestamp) comes back as a
 * reason to leave it out, so one odd record never fails a whole answer.
 */
import type {
  CdcAssignmentModel,
  CdcOperationModel,
  CdcStatusChangeModel,
  SkippedRecord,
} from '../../domain/cdc/model';
import { statusOfNumber } from '../../domain/cdc/status';
import { calendarDate, decimal, identifier, instant, integer, isRecord, text } from '../values';
import type { RawCdcAssignment, RawCdcOperation, RawStatusChange } from './raw';

/** CDC's timestamps (`2026-10-01 09:00:00`) are Brasília time, UTC−03:00 (see raw.ts). */
export const BRASILIA_OFFSET_MINUTES = -180;

/** A mapped record, or why it was left out. */
export type Mapped<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly skipped: SkippedRecord };

type Fields<Raw> = { readonly [K in keyof Raw]?: unknown };

function skip(kind: SkippedRecord['kind'], assignmentCode: string | null, reason: string): Mapped<never> {
  return { ok: false, skipped: { kind, assignmentCode, reason } };
}

/** The status of a raw record, or why it has none the graph knows. Never echoes anything but the number. */
function readStatus(value: unknown): { status: ReturnType<typeof statusOfNumber>; reason: string } {
  const status = statusOfNumber(value);
  return { status, reason: typeof value === 'number' ? `unknown status number ${value}` : 'no number_status' };
}

/** An assignment from `GET /assignment/list` or `GET /assignment/` (then without operations here). */
export function mapAssignment(value: unknown): Mapped<CdcAssignmentModel> {
  if (!isRecord(value)) return skip('assignment', null, 'not an object');
  const raw: Fields<RawCdcAssignment> = value;
  const code = identifier(raw.code);
  if (code === null) return skip('assignment', null, 'no code');
  const { status, reason } = readStatus(raw.number_status);
  if (status === null) return skip('assignment', code, reason);
  const number = integer(raw.number_assignment);
  if (number === null) return skip('assignment', code, 'no number_assignment');
  const createdAt = instant(raw.created_at, BRASILIA_OFFSET_MINUTES);
  if (createdAt === null) return skip('assignment', code, 'unreadable created_at');
  const name = text(raw.name_purchaser);
  const document = text(raw.document_purchaser);
  // Say which field is missing, never what the purchaser fields hold.
  if (name === null || document === null) return skip('assignment', code, 'no purchaser name or document');
  return {
    ok: true,
    value: {
      code,
      number,
      status,
      purchaser: { name, document },
      saleAmount: decimal(raw.assignment_sale_amount),
      discountAmount: decimal(raw.assignment_discount_amount),
      createdAt,
      operations: null,
    },
  };
}

/** An item of `data.operations` of `GET /assignment/`. */
export function mapOperation(value: unknown, assignmentCode: string): Mapped<CdcOperationModel> {
  if (!isRecord(value)) return skip('operation', assignmentCode, 'not an object');
  const raw: Fields<RawCdcOperation> = value;
  const code = identifier(raw.code);
  if (code === null) return skip('operation', assignmentCode, 'no code');
  const number = identifier(raw.number_operation);
  if (number === null) return skip('operation', assignmentCode, 'no number_operation');
  return {
    ok: true,
    value: {
      code,
      number,
      financedAmount: decimal(raw.financed_amount),
      assignmentAmount: decimal(raw.assignment_amount),
      entryDate: calendarDate(raw.entry_date),
    },
  };
}

/** An item of `GET /assignment/status/` data. */
export function mapStatusChange(value: unknown, assignmentCode: string): Mapped<CdcStatusChangeModel> {
  if (!isRecord(value)) return skip('statusChange', assignmentCode, 'not an object');
  const raw: Fields<RawStatusChange> = value;
  const { status, reason } = readStatus(raw.number_status);
  if (status === null) return skip('statusChange', assignmentCode, reason);
  const changedAt = instant(raw.created_at, BRASILIA_OFFSET_MINUTES);
  if (changedAt === null) return skip('statusChange', assignmentCode, 'unreadable created_at');
  // Kept as written, not trimmed: it is a person's note. Empty means none.
  const observation = typeof raw.observation === 'string' && raw.observation.trim() !== '' ? raw.observation : null;
  return { ok: true, value: { status, observation, changedAt } };
}

/** Maps every item; what can not be shown is left out and listed in `skipped`. */
export function mapAll<T>(items: readonly unknown[], map: (item: unknown) => Mapped<T>): { values: T[]; skipped: SkippedRecord[] } {
  const values: T[] = [];
  const skipped: SkippedRecord[] = [];
  for (const item of items) {
    const mapped = map(item);
    if (mapped.ok) values.push(mapped.value);
    else skipped.push(mapped.skipped);
  }
  return { values, skipped };
}
