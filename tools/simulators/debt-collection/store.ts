import type {
  RawBlock,
  RawBlockedDebtors,
  RawBlockedDebts,
  RawCase,
  RawDebtorCases,
  RawUpdateRequest,
} from '../../../src/providers/debt-collection/raw';
import type { CasesFilter } from './cases-query';

/** In-memory debtors and their cases. Everything handed out is a copy. */
export interface DebtorStore {
  /** Matching cases grouped by debtor, in stored order; debtors without a match are left out. */
  cases(filter: CasesFilter): RawDebtorCases[];
  blockedDebtors(): RawBlockedDebtors;
  blockedDebts(): RawBlockedDebts;
  /** A copy of one debtor, for checks before an update. */
  debtor(debtorId: string): RawDebtorCases | undefined;
  /** Applies an update already checked against the store (`update-check.ts`). */
  apply(update: RawUpdateRequest): void;
}

export function createDebtorStore(seed: readonly RawDebtorCases[]): DebtorStore {
  const debtors = seed.map((debtor) => structuredClone(debtor));
  assertUniqueIds(debtors);
  const byId = new Map(debtors.map((debtor) => [debtor.debtorId, debtor]));

  return {
    cases(filter) {
      return debtors.flatMap((debtor) => {
        const matching = debtor.agencyCollectionCases.filter((kase) => caseMatches(debtor.debtorId, kase, filter));
        return matching.length === 0 ? [] : [structuredClone({ ...debtor, agencyCollectionCases: matching })];
      });
    },
    blockedDebtors() {
      const result = debtors.flatMap(({ debtorId, block }) => (isBlocking(block) ? [{ debtorId, block: { ...block } }] : []));
      return { result };
    },
    blockedDebts() {
      const result = debtors.flatMap(({ debtorId, agencyCollectionCases }) =>
        agencyCollectionCases.flatMap(({ debts }) =>
          debts.flatMap(({ debtId, block }) => (isBlocking(block) ? [{ debtorId, debtId, block: { ...block } }] : [])),
        ),
      );
      return { result };
    },
    debtor(debtorId) {
      const debtor = byId.get(debtorId);
      return debtor === undefined ? undefined : structuredClone(debtor);
    },
    apply(update) {
      for (const debtorUpdate of update.debtors) {
        const debtor = found(byId.get(debtorUpdate.debtorId), debtorUpdate.debtorId);
        // The seed: "If no block is sent an existing block will be removed."
        debtor.block = copyBlock(debtorUpdate.block);
        for (const caseUpdate of debtorUpdate.agencyCollectionCases) {
          const id = caseUpdate.agencyCollectionCaseId;
          const kase = found(debtor.agencyCollectionCases.find((c) => c.agencyCollectionCaseId === id), id);
          if (caseUpdate.publicCollectionCaseId !== undefined) kase.publicCollectionCaseId = caseUpdate.publicCollectionCaseId;
          for (const debtUpdate of caseUpdate.debts) {
            const debt = found(kase.debts.find((d) => d.debtId === debtUpdate.debtId), debtUpdate.debtId);
            debt.canceledAmount = debtUpdate.canceledAmount;
            debt.paidAmount = debtUpdate.paidAmount;
            debt.block = copyBlock(debtUpdate.block); // absent removes, as for the debtor
          }
          const { closure } = caseUpdate;
          if (closure !== undefined) {
            kase.closure = {
              type: closure.type,
              date: closure.date,
              options: structuredClone(closure.options ?? []),
              rejectionReason: closure.rejectionReason ?? null,
              closureReason: closure.closureReason ?? null,
            };
          }
        }
      }
    },
  };
}

/** The fixture's note: `limitType` DISABLED means no block, so blocked reads leave it out. */
function isBlocking(block: RawBlock | null | undefined): block is RawBlock {
  return block != null && block.limitType !== 'DISABLED';
}

function copyBlock(block: RawBlock | undefined): RawBlock | null {
  return block === undefined ? null : { limitType: block.limitType, endDate: block.endDate };
}

function caseMatches(debtorId: string, kase: RawCase, filter: CasesFilter): boolean {
  const { debtorIds, collectionCaseIds, agencyCollectionCaseIds } = filter;
  return (
    (debtorIds === undefined || debtorIds.has(debtorId)) &&
    (collectionCaseIds === undefined || kase.collectionCaseIds.some((id) => collectionCaseIds.has(id))) &&
    (agencyCollectionCaseIds === undefined || agencyCollectionCaseIds.has(kase.agencyCollectionCaseId))
  );
}

/** `apply` runs only after the checks: a miss here is a bug in the simulator, not a 404. */
function found<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new Error(`Debt-collection store: ${id} vanished between check and apply.`);
  return value;
}

/** Ids the update addresses must be unambiguous, or lookups would silently pick the first. */
function assertUniqueIds(debtors: readonly RawDebtorCases[]): void {
  const seen = new Set<string>();
  const claim = (kind: string, id: string): void => {
    const key = `${kind}:${id}`;
    if (seen.has(key)) throw new Error(`Debt-collection simulator: duplicate ${kind} ${id}.`);
    seen.add(key);
  };
  for (const debtor of debtors) {
    claim('debtorId', debtor.debtorId);
    for (const kase of debtor.agencyCollectionCases) {
      claim('agencyCollectionCaseId', kase.agencyCollectionCaseId);
      for (const debt of kase.debts) claim('debtId', debt.debtId);
    }
  }
}
