/**
 * One update or closure of a case, start to end:
 *
 * 1. requestId store: a replay answers the case as it is now, without a second write (checked
 *    BEFORE the case's state, so replaying a closure succeeds although the case is now closed);
 *    the same requestId with other input is a conflict; an identical request in flight is waited for.
 * 2. The input alone (update-rules step 1).
 * 3. Under the debtor's write lock: read the case fresh; unknown → not found, closed → conflict;
 *    a debt not in the case → not found (the debt); the input against the case (step 2); learn
 *    the kept blocks the read did not state (current-blocks.ts; still unknown → refused, nothing
 *    sent); merge with blocks kept; send.
 * 4. Remember the requestId once the provider accepted it, then read the case back.
 *
 * When the requestId store or the lock cannot be used (`SharedStateUnavailable`: Redis
 * unreachable, the lock held by another replica until the deadline, the lease lost before the
 * write), the outcome is `unavailable` and nothing was sent.
 *
 * Provider calls go through {@link CaseUpdateDeps}; their failures come back as `failed` outcomes
 * for the caller to turn into typed errors (it knows the provider's error bodies).
 */
import { randomUUID } from 'node:crypto';
import type { FieldErrorModel } from '../../domain/errors';
import { learnKeptBlocks, type BlockLists, type UnknownBlocks } from './current-blocks';
import { inputFingerprint, normalizeRequestId } from './idempotency';
import { type RequestIdStore } from './ports';
import { SharedStateUnavailable, type KeyedLock, type LockLease } from '../ports/shared-state';
import type { CaseChanges, CaseUpdateInputModel, CaseUpdateKind, CaseUpdatePayload, DebtCaseModel } from '../../domain/debt-collection/model';
import { mergeCaseUpdate } from '../../domain/debt-collection/update-payload';
import { checkAgainstCase, checkCaseChanges, missingDebt, utcToday } from '../../domain/debt-collection/update-rules';

/** What the flow needs from the provider side (the debt-collection client has all of it). */
export interface CaseUpdateDeps extends BlockLists {
  readCase(agencyCollectionCaseId: string): Promise<DebtCaseModel | null>;
  update(payload: CaseUpdatePayload): Promise<void>;
  readonly requestIds: RequestIdStore;
  readonly writeLocks: KeyedLock;
  now(): number;
}

export type CaseUpdateOutcome =
  | { readonly kind: 'done'; readonly requestId: string; readonly debtCase: DebtCaseModel; readonly replayed: boolean }
  | { readonly kind: 'invalid'; readonly fieldErrors: readonly FieldErrorModel[] }
  /** The case, or a debt the input names that the case does not hold. */
  | { readonly kind: 'not_found'; readonly resource: 'DebtCase' | 'Debt'; readonly id: string; readonly agencyCollectionCaseId: string }
  | { readonly kind: 'conflict'; readonly message: string }
  /** The requestId store or the write lock could not be used: nothing was sent. */
  | { readonly kind: 'unavailable'; readonly message: string; readonly retryAfterSeconds: number; readonly requestId: string }
  /** Kept blocks that could not be known: nothing was sent, so none was removed. */
  | { readonly kind: 'blocks_unknown'; readonly unknown: UnknownBlocks; readonly requestId: string }
  /**
   * A provider call failed. `read`: nothing was sent. `blocks`: reading the blocked lists failed,
   * nothing was sent. `write`: the update was refused or its outcome is unknown; `sent` is what
   * was sent. `reread`: the update WAS accepted (the requestId is remembered), only reading the
   * case back failed.
   */
  | {
      readonly kind: 'failed';
      readonly stage: 'read' | 'blocks' | 'write' | 'reread';
      readonly error: unknown;
      readonly requestId: string;
      readonly sent?: { readonly payload: CaseUpdatePayload; readonly changes: CaseChanges };
    };

type Read = { readonly ok: true; readonly debtCase: DebtCaseModel } | { readonly ok: false; readonly outcome: CaseUpdateOutcome };

/** Runs one update or closure (see the file comment); never throws for provider failures. */
export async function runCaseUpdate(
  kind: CaseUpdateKind,
  input: CaseUpdateInputModel,
  deps: CaseUpdateDeps,
  newRequestId: () => string = randomUUID,
): Promise<CaseUpdateOutcome> {
  const requestId = normalizeRequestId(input.requestId ?? newRequestId());
  let admission;
  try {
    admission = await deps.requestIds.admit(requestId, inputFingerprint(kind, input));
  } catch (error) {
    return unavailable(error, requestId);
  }
  if (admission.kind === 'conflict') {
    return { kind: 'conflict', message: `requestId ${requestId} was already used for a different update.` };
  }
  if (admission.kind === 'replay') return readBack(deps, requestId, admission.agencyCollectionCaseId, true);

  const accepted = { caseId: null as string | null };
  try {
    const check = checkCaseChanges(kind, input, utcToday(deps.now()));
    if (!check.ok) return { kind: 'invalid', fieldErrors: check.fieldErrors };
    const changes = check.changes;

    // A first read names the debtor, whose lock orders this write against the debtor's others.
    const first = await read(deps, changes.agencyCollectionCaseId, requestId);
    if (!first.ok) return first.outcome;
    const refused = await locked(deps, first.debtCase.debtor.debtorId, requestId, async (lease): Promise<CaseUpdateOutcome | null> => {
      const current = await read(deps, changes.agencyCollectionCaseId, requestId);
      if (!current.ok) return current.outcome;
      if (current.debtCase.closure !== null) {
        return { kind: 'conflict', message: 'The case is closed; a closed case cannot be updated or closed again.' };
      }
      const missing = missingDebt(changes, current.debtCase);
      if (missing !== null) {
        return { kind: 'not_found', resource: 'Debt', id: missing, agencyCollectionCaseId: changes.agencyCollectionCaseId };
      }
      const state = checkAgainstCase(changes, current.debtCase);
      if (!state.ok) return { kind: 'invalid', fieldErrors: state.fieldErrors };
      let known: DebtCaseModel;
      try {
        const learned = await learnKeptBlocks(changes, current.debtCase, deps);
        if (!learned.ok) return { kind: 'blocks_unknown', unknown: learned.unknown, requestId };
        known = learned.debtCase;
      } catch (error) {
        return { kind: 'failed', stage: 'blocks', error, requestId };
      }
      const payload = mergeCaseUpdate(requestId, changes, known);
      // Another replica may hold the lock now (a lease that could not be renewed): send nothing.
      if (!lease.held()) {
        return unavailable(new SharedStateUnavailable('The write lock of this debtor was lost before the update could be sent.', 1), requestId);
      }
      try {
        await deps.update(payload);
      } catch (error) {
        return { kind: 'failed', stage: 'write', error, requestId, sent: { payload, changes } };
      }
      accepted.caseId = payload.agencyCollectionCaseId;
      return null;
    });
    if (refused) return refused;
  } finally {
    await admission.settle(accepted.caseId);
  }
  return readBack(deps, requestId, accepted.caseId ?? input.agencyCollectionCaseId, false);
}

/** `task` under the debtor's lock; a lock that cannot be had is the `unavailable` outcome. */
async function locked(
  deps: CaseUpdateDeps,
  debtorId: string,
  requestId: string,
  task: (lease: LockLease) => Promise<CaseUpdateOutcome | null>,
): Promise<CaseUpdateOutcome | null> {
  try {
    return await deps.writeLocks.run(debtorId, task);
  } catch (error) {
    // Thrown by the lock itself (the task returns its outcomes and does not throw these).
    if (error instanceof SharedStateUnavailable) return unavailable(error, requestId);
    throw error;
  }
}

function unavailable(error: unknown, requestId: string): CaseUpdateOutcome {
  if (!(error instanceof SharedStateUnavailable)) throw error;
  return { kind: 'unavailable', message: error.message, retryAfterSeconds: error.retryAfterSeconds, requestId };
}

async function read(deps: CaseUpdateDeps, agencyCollectionCaseId: string, requestId: string): Promise<Read> {
  try {
    const debtCase = await deps.readCase(agencyCollectionCaseId);
    return debtCase
      ? { ok: true, debtCase }
      : { ok: false, outcome: { kind: 'not_found', resource: 'DebtCase', id: agencyCollectionCaseId, agencyCollectionCaseId } };
  } catch (error) {
    return { ok: false, outcome: { kind: 'failed', stage: 'read', error, requestId } };
  }
}

/** The case after an accepted write (or a replay of one): fresh from the provider. */
async function readBack(
  deps: CaseUpdateDeps,
  requestId: string,
  agencyCollectionCaseId: string,
  replayed: boolean,
): Promise<CaseUpdateOutcome> {
  try {
    const debtCase = await deps.readCase(agencyCollectionCaseId);
    if (debtCase) return { kind: 'done', requestId, debtCase, replayed };
    return { kind: 'failed', stage: 'reread', requestId, error: new Error('the updated case is no longer found') };
  } catch (error) {
    return { kind: 'failed', stage: 'reread', error, requestId };
  }
}
