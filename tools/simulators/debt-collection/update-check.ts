import type { RawDebt, RawDebtUpdate, RawUpdateRequest } from '../../../src/providers/debt-collection/raw';
import { exceedsOriginal, fitsMinorUnits, sameAmount, toDecimal } from './amounts';
import { fieldPath, indexPath } from './body-reader';
import { ErrorCode, type SimError } from './errors';
import type { DebtorStore } from './store';

/**
 * Checks a well-formed update against what is stored, in document order, first problem wins:
 * unknown debtor / case (or a case of another debtor) / debt (or a debt of another case) → 404;
 * a closed case → 409 CASE_CLOSED; `collectionCaseIds` other than the stored set, a debt's
 * `originalAmount` or `currency` other than the stored one, or a NEW paid or canceled amount that
 * is negative, has more decimals than the currency, or makes canceled + paid exceed the original
 * (our reading of the seed: only an overpayment with nothing canceled may) → 400. An amount sent
 * back as it is stored is accepted whatever it is (raw.ts). Changes nothing.
 */
export function checkAgainstStore(update: RawUpdateRequest, store: DebtorStore): SimError | undefined {
  for (const [debtorIndex, debtorUpdate] of update.debtors.entries()) {
    const debtorPath = indexPath('debtors', debtorIndex);
    const debtor = store.debtor(debtorUpdate.debtorId);
    if (debtor === undefined) return notFound(fieldPath(debtorPath, 'debtorId'), 'Unknown debtor.');

    for (const [caseIndex, caseUpdate] of debtorUpdate.agencyCollectionCases.entries()) {
      const casePath = indexPath(fieldPath(debtorPath, 'agencyCollectionCases'), caseIndex);
      const kase = debtor.agencyCollectionCases.find((c) => c.agencyCollectionCaseId === caseUpdate.agencyCollectionCaseId);
      const caseIdPath = fieldPath(casePath, 'agencyCollectionCaseId');
      if (kase === undefined) return notFound(caseIdPath, 'Unknown collection case for this debtor.');
      if (kase.closure !== null) {
        return { status: 409, errorCode: ErrorCode.caseClosed, message: 'The collection case is closed.', reference: caseIdPath };
      }
      if (!sameSet(caseUpdate.collectionCaseIds, kase.collectionCaseIds)) {
        return badValue(fieldPath(casePath, 'collectionCaseIds'), 'collectionCaseIds must be the ids of this collection case.');
      }

      for (const [debtIndex, debtUpdate] of caseUpdate.debts.entries()) {
        const debtPath = indexPath(fieldPath(casePath, 'debts'), debtIndex);
        const debt = kase.debts.find((d) => d.debtId === debtUpdate.debtId);
        if (debt === undefined) return notFound(fieldPath(debtPath, 'debtId'), 'Unknown debt for this collection case.');
        if (debtUpdate.currency !== debt.currency) {
          return badValue(fieldPath(debtPath, 'currency'), `currency must be the debt's currency, ${debt.currency}.`);
        }
        if (!sameAmount(debtUpdate.originalAmount, debt.originalAmount)) {
          return badValue(fieldPath(debtPath, 'originalAmount'), 'originalAmount must be the transferred amount.');
        }
        const problem = checkNewAmounts(debtUpdate, debt, debtPath);
        if (problem !== undefined) return problem;
      }
    }
  }
  return undefined;
}

/** The paid and canceled amounts that differ from the stored ones must be valid new amounts. */
function checkNewAmounts(sent: RawDebtUpdate, stored: RawDebt, debtPath: string): SimError | undefined {
  const amounts = [
    ['canceledAmount', sent.canceledAmount, stored.canceledAmount],
    ['paidAmount', sent.paidAmount, stored.paidAmount],
  ] as const;
  for (const [name, amount, storedAmount] of amounts) {
    if (sameAmount(amount, storedAmount)) continue;
    const reference = fieldPath(debtPath, name);
    if (toDecimal(amount).isNegative()) return badValue(reference, `${reference} must not be negative.`);
    if (!fitsMinorUnits(amount, sent.currency)) return badValue(reference, `${reference} has more decimals than ${sent.currency} allows.`);
  }
  const unchanged = amounts.every(([, amount, storedAmount]) => sameAmount(amount, storedAmount));
  if (!unchanged && exceedsOriginal(sent.originalAmount, sent.canceledAmount, sent.paidAmount)) {
    return badValue(fieldPath(debtPath, 'canceledAmount'), 'canceledAmount + paidAmount exceed originalAmount; only an overpayment with nothing canceled may.');
  }
  return undefined;
}

function notFound(reference: string, message: string): SimError {
  return { status: 404, errorCode: ErrorCode.notFound, message, reference };
}

function badValue(reference: string, message: string): SimError {
  return { status: 400, errorCode: ErrorCode.invalidValue, message, reference };
}

function sameSet(sent: readonly string[], stored: readonly string[]): boolean {
  const a = new Set(sent);
  const b = new Set(stored);
  return a.size === b.size && [...a].every((id) => b.has(id));
}
