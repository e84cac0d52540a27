/**
 * The idempotency key of the debt-collection mutations: `requestId`, normalized, and the
 * fingerprint of the caller's input a requestId is bound to (src/application/debt-collection/ports.ts
 * has the store that keeps them).
 */
import { createHash } from 'node:crypto';
import type { BlockInputModel, CaseUpdateInputModel, CaseUpdateKind } from '../../domain/debt-collection/model';
import { exact } from '../../domain/debt-collection/money';
import { calendarDateOf } from '../../domain/debt-collection/update-rules';

/** UUIDs are case-insensitive; the store and the wire use lower case. */
export function normalizeRequestId(requestId: string): string {
  return requestId.toLowerCase();
}

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Same value, same key: `"10.50"` and `"10.5"` are the same amount. */
function amountKey(text: string): string {
  return DECIMAL.test(text) ? exact(text).toFixed() : text;
}

function dateKey(value: string | Date | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  return calendarDateOf(value) ?? String(value);
}

function blockKey(block: BlockInputModel | null | undefined) {
  if (block === null || block === undefined) return block;
  return { limitType: block.limitType, endDate: dateKey(block.endDate) };
}

/**
 * Fingerprint of the caller's input (not of the merged payload, which changes with the case):
 * the mutation, the case, and the changes with amounts and dates normalized and debts in id
 * order. Absent and null stay distinct, since they mean different things for blocks.
 */
export function inputFingerprint(kind: CaseUpdateKind, input: CaseUpdateInputModel): string {
  const debts =
    input.debts == null
      ? input.debts
      : input.debts
          .map((debt) => ({
            debtId: debt.debtId,
            paidAmount: amountKey(debt.paidAmount),
            canceledAmount: amountKey(debt.canceledAmount),
            block: blockKey(debt.block),
          }))
          .sort((a, b) => (a.debtId < b.debtId ? -1 : a.debtId > b.debtId ? 1 : 0));
  const closure =
    input.closure == null
      ? input.closure
      : {
          type: input.closure.type,
          date: dateKey(input.closure.date),
          rejectionReason: input.closure.rejectionReason ?? null,
          reason: input.closure.reason ?? null,
          writeOffRemainingDebts: input.closure.writeOffRemainingDebts ?? null,
        };
  const normalized = {
    kind,
    agencyCollectionCaseId: input.agencyCollectionCaseId,
    debts,
    debtorBlock: blockKey(input.debtorBlock),
    closure,
  };
  return createHash('sha256').update(JSON.stringify(normalized)).digest('hex');
}
