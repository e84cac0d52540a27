/**
 * The update the graph sends: the caller's changes merged into the case as the provider holds it.
 *
 * The provider REMOVES a stored block when an update leaves `block` out, so nothing here leaves a
 * block out by accident: a block the caller did not mention is sent as it is stored (keep); only
 * `{limitType: DISABLED}` (remove) leaves it out. A kept block must be KNOWN (current-blocks.ts
 * learns the ones a read did not state): an unknown one throws here rather than be sent as none.
 * Every debt of the case is sent, with its original amount and currency from the provider and
 * the caller's new amounts where given.
 */
import {
  BLOCK_UNKNOWN,
  type BlockChange,
  type BlockModel,
  type CaseChanges,
  type CaseUpdatePayload,
  type DebtCaseModel,
  type DebtPayload,
  type StoredBlock,
} from './model';

/** The block to send: the stored one unless the caller set or removed it. Null = leave out. */
export function resolveBlock(change: BlockChange, stored: StoredBlock): BlockModel | null {
  switch (change.kind) {
    case 'keep':
      if (stored === BLOCK_UNKNOWN) throw new Error('resolveBlock: a kept block is unknown; learn it before merging');
      return stored;
    case 'remove':
      return null;
    case 'set':
      return change.block;
  }
}

/** The whole update for `current`, which must be the case `changes` names, read just before. */
export function mergeCaseUpdate(requestId: string, changes: CaseChanges, current: DebtCaseModel): CaseUpdatePayload {
  if (changes.agencyCollectionCaseId !== current.agencyCollectionCaseId) {
    throw new Error('mergeCaseUpdate: the changes name another case');
  }
  const changeById = new Map(changes.debts.map((change) => [change.debtId, change]));
  const debts = current.debts.map((debt): DebtPayload => {
    const change = changeById.get(debt.debtId);
    return {
      debtId: debt.debtId,
      originalAmount: debt.originalAmount.amount,
      currency: debt.originalAmount.currency,
      paidAmount: change?.paidAmount ?? debt.paidAmount.amount,
      canceledAmount: change?.canceledAmount ?? debt.canceledAmount.amount,
      block: resolveBlock(change?.block ?? { kind: 'keep' }, debt.block),
    };
  });
  if (changes.debts.some((change) => !current.debts.some((debt) => debt.debtId === change.debtId))) {
    // checkAgainstCase refuses foreign debts first; dropping one silently here would lose a payment.
    throw new Error('mergeCaseUpdate: a changed debt is not in the case');
  }
  return {
    requestId,
    debtorId: current.debtor.debtorId,
    debtorBlock: resolveBlock(changes.debtorBlock, current.debtor.block),
    agencyCollectionCaseId: current.agencyCollectionCaseId,
    publicCollectionCaseId: current.publicCollectionCaseId,
    collectionCaseIds: current.collectionCaseIds,
    closure: changes.closure,
    debts,
  };
}
