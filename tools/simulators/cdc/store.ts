import { randomUUID } from 'node:crypto';
import {
  assignmentNumberOf,
  statusNumberOf,
  type RawAssignmentDetail,
  type RawCdcAssignment,
  type RawCdcOperation,
  type RawLaunchData,
  type RawLaunchRequest,
  type RawStatusChange,
} from '../../../src/providers/cdc/raw';
import type { CdcFixtureAssignment } from '../fixtures';
import { formatBrasiliaDate, formatBrasiliaDateTime } from './brasilia-time';
import { isKnownStatus } from './status-rules';

/** In-memory CDC assignments. Everything handed out is a copy, so callers cannot change the store. */
export interface CdcStore {
  /** Every assignment, by `number_assignment` ascending, without operations or history. */
  list(): RawCdcAssignment[];
  detail(code: string): RawAssignmentDetail | undefined;
  /** Oldest first. */
  history(code: string): RawStatusChange[] | undefined;
  currentStatus(code: string): number | undefined;
  /** Sets the status and appends it to the history; false when the code is unknown. No rules here. */
  setStatus(code: string, numberStatus: number, observation: string, now: Date): boolean;
  /** Creates an assignment in status 1 (Typing). */
  launch(request: RawLaunchRequest, now: Date): RawLaunchData;
  remove(code: string): boolean;
}

interface StoredAssignment {
  assignment: RawCdcAssignment;
  operations: RawCdcOperation[];
  history: RawStatusChange[];
}

const TYPING = 1;

/** Deep-clones the seed, and refuses a seed the provider could not have produced. */
export function createCdcStore(seed: readonly CdcFixtureAssignment[]): CdcStore {
  const assignments = new Map<string, StoredAssignment>();
  // Operations by code, so a launch naming a known operation carries its real data.
  const knownOperations = new Map<string, RawCdcOperation>();
  for (const item of seed) {
    const stored = cloneSeed(item);
    if (assignments.has(stored.assignment.code)) throw new Error(`Duplicate CDC assignment code ${stored.assignment.code}.`);
    // A seed may write numbers as strings, as CDC may: read them as the client does.
    const status = statusNumberOf(stored.assignment.number_status);
    if (status === null || !isKnownStatus(status)) {
      throw new Error(`CDC assignment ${stored.assignment.code} has unknown status ${String(stored.assignment.number_status)}.`);
    }
    assignments.set(stored.assignment.code, stored);
    for (const operation of stored.operations) {
      if (!knownOperations.has(operation.code)) knownOperations.set(operation.code, structuredClone(operation));
    }
  }
  const numberOf = (assignment: RawCdcAssignment): number => assignmentNumberOf(assignment.number_assignment) ?? 0;
  let lastNumber = Math.max(0, ...[...assignments.values()].map((stored) => numberOf(stored.assignment)));

  return {
    list() {
      return [...assignments.values()]
        .map((stored) => ({ ...stored.assignment }))
        .sort((a, b) => numberOf(a) - numberOf(b));
    },
    detail(code) {
      const stored = assignments.get(code);
      if (stored === undefined) return undefined;
      return { assignment: { ...stored.assignment }, operations: structuredClone(stored.operations) };
    },
    history(code) {
      const stored = assignments.get(code);
      return stored === undefined ? undefined : structuredClone(stored.history);
    },
    currentStatus(code) {
      const stored = assignments.get(code);
      return stored === undefined ? undefined : (statusNumberOf(stored.assignment.number_status) ?? undefined);
    },
    setStatus(code, numberStatus, observation, now) {
      const stored = assignments.get(code);
      if (stored === undefined) return false;
      stored.assignment.number_status = numberStatus;
      stored.history.push({ number_status: numberStatus, observation, created_at: formatBrasiliaDateTime(now) });
      return true;
    },
    launch(request, now) {
      lastNumber += 1;
      const createdAt = formatBrasiliaDateTime(now);
      const assignment: RawCdcAssignment = {
        code: randomUUID(),
        number_assignment: lastNumber,
        document_purchaser: request.document_purchaser,
        name_purchaser: request.name_purchaser,
        number_status: TYPING,
        // CDC prices the package later; nothing is known at launch.
        assignment_sale_amount: null,
        assignment_discount_amount: null,
        created_at: createdAt,
      };
      const operations = request.operations.map(
        (code) => structuredClone(knownOperations.get(code)) ?? placeholderOperation(code, now),
      );
      assignments.set(assignment.code, {
        assignment,
        operations,
        history: [{ number_status: TYPING, observation: '', created_at: createdAt }],
      });
      return { code: assignment.code, number_assignment: lastNumber };
    },
    remove: (code) => assignments.delete(code),
  };
}

/** Copies field by field, so the fixture's extra keys (operations, history) stay off the wire shape. */
function cloneSeed(item: CdcFixtureAssignment): StoredAssignment {
  return {
    assignment: {
      code: item.code,
      number_assignment: item.number_assignment,
      document_purchaser: item.document_purchaser,
      name_purchaser: item.name_purchaser,
      number_status: item.number_status,
      assignment_sale_amount: item.assignment_sale_amount,
      assignment_discount_amount: item.assignment_discount_amount,
      created_at: item.created_at,
    },
    operations: item.operations.map((operation) => structuredClone(operation)),
    history: item.status_history.map((change) => structuredClone(change)),
  };
}

/**
 * An operation the simulator has never seen (our reading: the documentation does not say how CDC
 * answers an unknown operation code). Amounts are unknown, so null; the entry date is the launch's.
 */
function placeholderOperation(code: string, now: Date): RawCdcOperation {
  return { code, number_operation: code, financed_amount: null, assignment_amount: null, entry_date: formatBrasiliaDate(now) };
}
