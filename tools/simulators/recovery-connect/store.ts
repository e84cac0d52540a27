import { RECOVERY_CONNECT_NUMBER_FORMAT, type RawAssignment, type RawAssignmentUpdate } from '../../../src/providers/recovery-connect/raw';
import { integer } from '../../../src/providers/values';
import { formatIsoMicros, formatSqlDateTime } from '../common/time';

/** One `status_note` the provider received. Kept internally: the provider never echoes it back. */
export interface StatusNoteEntry {
  note: string;
  /** The status sent in the same update, if any. */
  status: number | undefined;
  /** ISO time of the update. */
  at: string;
}

/** The list endpoint's filters, already validated. */
export interface AssignmentFilter {
  ids?: readonly number[];
  status?: number;
  acctNo?: string;
  clientId?: number;
  ownerId?: number;
}

/** In-memory assignments. Everything handed out is a copy, so callers cannot change the store. */
export interface AssignmentStore {
  /** Matching assignments, sorted by id ascending. */
  list(filter: AssignmentFilter): RawAssignment[];
  has(id: number): boolean;
  get(id: number): RawAssignment | undefined;
  /** Applies a partial update; `undefined` when the id is unknown. */
  update(id: number, update: RawAssignmentUpdate, now: Date): RawAssignment | undefined;
  statusNotes(id: number): StatusNoteEntry[];
}

/**
 * `timeZone`: the provider's app zone, the wall clock of the timestamps it writes without a zone
 * (`updated_at`); the graph reads them in `RECOVERY_CONNECT_TIME_ZONE` (see raw.ts). Default UTC.
 */
export function createAssignmentStore(seed: readonly RawAssignment[], timeZone = 'UTC'): AssignmentStore {
  const assignments = new Map<number, RawAssignment>();
  for (const assignment of seed) {
    if (assignments.has(assignment.id)) throw new Error(`Duplicate assignment id ${String(assignment.id)}.`);
    assignments.set(assignment.id, structuredClone(assignment));
  }
  const notes = new Map<number, StatusNoteEntry[]>();

  return {
    list(filter) {
      return [...assignments.values()]
        .filter((assignment) => matchesFilter(assignment, filter))
        .sort((a, b) => a.id - b.id)
        .map((assignment) => structuredClone(assignment));
    },
    has: (id) => assignments.has(id),
    get(id) {
      const assignment = assignments.get(id);
      return assignment === undefined ? undefined : structuredClone(assignment);
    },
    update(id, update, now) {
      const assignment = assignments.get(id);
      if (assignment === undefined) return undefined;
      applyUpdate(assignment, update, now, timeZone);
      if (update.status_note !== undefined) {
        const history = notes.get(id) ?? [];
        history.push({ note: update.status_note, status: update.status, at: now.toISOString() });
        notes.set(id, history);
      }
      return structuredClone(assignment);
    },
    statusNotes: (id) => structuredClone(notes.get(id) ?? []),
  };
}

/** Only the fields present change; `status_note` deliberately does not touch `note` (see the seed). */
function applyUpdate(assignment: RawAssignment, update: RawAssignmentUpdate, now: Date, timeZone: string): void {
  if (update.order_type !== undefined) assignment.order_type = update.order_type;
  if (update.collector_id !== undefined) assignment.collector_id = update.collector_id;
  if (update.status !== undefined) {
    assignment.status = update.status;
    assignment.status_date = formatIsoMicros(now);
  }
  assignment.updated_at = formatSqlDateTime(now, timeZone);
}

function matchesFilter(assignment: RawAssignment, filter: AssignmentFilter): boolean {
  return (
    (filter.ids === undefined || filter.ids.includes(assignment.id)) &&
    numberMatches(assignment.status, filter.status) &&
    numberMatches(assignment.client_id, filter.clientId) &&
    numberMatches(assignment.owner_id, filter.ownerId) &&
    (filter.acctNo === undefined || assignment.client_accountno === filter.acctNo)
  );
}

/** Compares as numbers, read as the client reads them: the provider sends some numbers as strings. */
function numberMatches(value: unknown, wanted: number | undefined): boolean {
  return wanted === undefined || integer(value, RECOVERY_CONNECT_NUMBER_FORMAT) === wanted;
}
