/**
 * The blocks an update must send back, known before anything is sent. The provider REMOVES a
 * block an update leaves out, and the cases read may not state one (no `block` field): such a
 * block is learned from the provider's blocked lists, and when it still cannot be known the
 * update is refused and nothing is sent. Only blocks the caller keeps need knowing: a block the
 * caller sets or removes is sent as asked.
 */
import { BLOCK_UNKNOWN, type BlockListModel, type CaseChanges, type DebtCaseModel, type StoredBlock } from '../../domain/debt-collection/model';

/** What the flow needs to learn blocks: the provider's lists of every current block. */
export interface BlockLists {
  /** Every blocked debtor, by debtor id. */
  blockedDebtors(): Promise<BlockListModel>;
  /** Every blocked debt, by debt id. */
  blockedDebts(): Promise<BlockListModel>;
}

/** Kept blocks the case read did not state: the debtor's, and those of these debts. */
export interface UnknownBlocks {
  readonly debtor: boolean;
  readonly debtIds: readonly string[];
}

/** The kept blocks of `current` that are unknown; empty when the read stated every one needed. */
export function unknownKeptBlocks(changes: CaseChanges, current: DebtCaseModel): UnknownBlocks {
  const changeOf = new Map(changes.debts.map((change) => [change.debtId, change.block.kind]));
  return {
    debtor: changes.debtorBlock.kind === 'keep' && current.debtor.block === BLOCK_UNKNOWN,
    debtIds: current.debts
      .filter((debt) => (changeOf.get(debt.debtId) ?? 'keep') === 'keep' && debt.block === BLOCK_UNKNOWN)
      .map((debt) => debt.debtId),
  };
}

export function hasUnknown(unknown: UnknownBlocks): boolean {
  return unknown.debtor || unknown.debtIds.length > 0;
}

/** The block a list gives an id: its entry, or none when it is not listed (the list is whole). */
export function blockIn(list: BlockListModel, id: string): StoredBlock {
  const listed = list.byId.get(id);
  return listed === undefined ? null : listed;
}

/** `current` with unknown blocks filled from the lists given (a list not given fills nothing). */
export function withListedBlocks(
  current: DebtCaseModel,
  lists: { readonly debtors?: BlockListModel; readonly debts?: BlockListModel },
): DebtCaseModel {
  const { debtors, debts } = lists;
  return {
    ...current,
    debtor:
      current.debtor.block === BLOCK_UNKNOWN && debtors
        ? { ...current.debtor, block: blockIn(debtors, current.debtor.debtorId) }
        : current.debtor,
    debts: current.debts.map((debt) => (debt.block === BLOCK_UNKNOWN && debts ? { ...debt, block: blockIn(debts, debt.debtId) } : debt)),
  };
}

export type LearnedBlocks =
  | { readonly ok: true; readonly debtCase: DebtCaseModel }
  /** Still unknown after reading the lists: the update must not be sent. */
  | { readonly ok: false; readonly unknown: UnknownBlocks };

/**
 * `current` with every kept block known, reading only the lists it needs (in parallel). Rejects
 * when a list cannot be read; the caller sends nothing then either.
 */
export async function learnKeptBlocks(changes: CaseChanges, current: DebtCaseModel, lists: BlockLists): Promise<LearnedBlocks> {
  const unknown = unknownKeptBlocks(changes, current);
  if (!hasUnknown(unknown)) return { ok: true, debtCase: current };
  const [debtors, debts] = await Promise.all([
    unknown.debtor ? lists.blockedDebtors() : undefined,
    unknown.debtIds.length > 0 ? lists.blockedDebts() : undefined,
  ]);
  const learned = withListedBlocks(current, { debtors, debts });
  const left = unknownKeptBlocks(changes, learned);
  return hasUnknown(left) ? { ok: false, unknown: left } : { ok: true, debtCase: learned };
}
