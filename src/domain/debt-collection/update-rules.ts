/**
 * What makes a debt-collection update or closure valid. Pure: the clock's "today" and the case's
 * current state are arguments. Two steps, because the second needs the case:
 *
 * 1. {@link checkCaseChanges}: the input alone (nulls, amounts, blocks, closure, dates).
 * 2. {@link checkAgainstCase}: the input against the case as the provider holds it (decimals fit
 *    the debt's currency, no new negative amount, canceled + paid fit the original amount). What
 *    the provider already stores is never refused: an amount sent back unchanged passes, even a
 *    negative one or one with more decimals than its currency has, so a stored oddity cannot block
 *    every later update of the case. Debts that are not in the case are {@link missingDebt}.
 *
 * Invalid input never reaches the provider. Paths are input paths, e.g.
 * `["input", "debts", "0", "paidAmount"]`.
 */
import { fieldError, type FieldErrorModel } from '../errors';
import { isWireId } from './ids';
import type {
  BlockChange,
  BlockInputModel,
  CaseChanges,
  CaseUpdateInputModel,
  CaseUpdateKind,
  ClosureChange,
  ClosureInputModel,
  DebtCaseModel,
  DebtChange,
} from './model';
import { exact, MAX_SIGNIFICANT_DIGITS, minorUnits, significantDigits } from './money';

export type ChangesCheck =
  | { readonly ok: true; readonly changes: CaseChanges }
  | { readonly ok: false; readonly fieldErrors: readonly FieldErrorModel[] };

export type StateCheck = { readonly ok: true } | { readonly ok: false; readonly fieldErrors: readonly FieldErrorModel[] };

const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's date in UTC, `YYYY-MM-DD`: the provider's calendar. */
export function utcToday(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

/**
 * A calendar date from the `Date` scalar's output (a JS Date at UTC midnight) or from text;
 * null when it is no real date.
 */
export function calendarDateOf(value: string | Date): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const match = DATE.exec(value);
  if (!match) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** Step 1: the input alone. `today` is `YYYY-MM-DD` in UTC. */
export function checkCaseChanges(kind: CaseUpdateKind, input: CaseUpdateInputModel, today: string): ChangesCheck {
  const errors: FieldErrorModel[] = [];
  const at = (...path: string[]) => ['input', ...path];

  if (!isWireId(input.agencyCollectionCaseId)) {
    errors.push(fieldError(at('agencyCollectionCaseId'), 'INVALID_FORMAT', 'A case id is 1 to 200 characters, without commas.'));
  }
  if (input.debts === null) {
    errors.push(fieldError(at('debts'), 'NULL_NOT_ALLOWED', 'Leave debts out to change none.'));
  }

  const debts: DebtChange[] = [];
  const seen = new Set<string>();
  (input.debts ?? []).forEach((debt, index) => {
    const path = (...rest: string[]) => at('debts', String(index), ...rest);
    if (!isWireId(debt.debtId)) {
      errors.push(fieldError(path('debtId'), 'INVALID_FORMAT', 'A debt id is 1 to 200 characters, without commas.'));
    } else if (seen.has(debt.debtId)) {
      errors.push(fieldError(path('debtId'), 'DUPLICATE', 'Name each debt once.'));
    }
    seen.add(debt.debtId);
    const problems = [checkAmount(debt.paidAmount, path('paidAmount')), checkAmount(debt.canceledAmount, path('canceledAmount'))]
      .filter((problem) => problem !== null);
    errors.push(...problems);
    const amountsOk = problems.length === 0;
    const block = checkBlock(debt.block, path('block'), errors);
    if (amountsOk && block) {
      debts.push({
        inputIndex: index,
        debtId: debt.debtId,
        paidAmount: exact(debt.paidAmount).toFixed(),
        canceledAmount: exact(debt.canceledAmount).toFixed(),
        block,
      });
    }
  });

  const debtorBlock = checkBlock(input.debtorBlock, at('debtorBlock'), errors);

  let closure: ClosureChange | null = null;
  if (kind === 'update') {
    if (input.closure != null) {
      errors.push(fieldError(at('closure'), 'NOT_ALLOWED', 'An update keeps the case open; use closeCollectionCase to close it.'));
    }
    if ((input.debts ?? []).length === 0 && input.debtorBlock === undefined) {
      errors.push(fieldError(at(), 'EMPTY_INPUT', 'Give at least one debt or the debtor block to change.'));
    }
  } else if (input.closure == null) {
    errors.push(fieldError(at('closure'), 'REQUIRED', 'Closing needs a closure.'));
  } else {
    closure = checkClosure(input.closure, today, errors);
  }

  if (errors.length > 0 || !debtorBlock) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    changes: { kind, agencyCollectionCaseId: input.agencyCollectionCaseId, debts, debtorBlock, closure },
  };
}

/**
 * A problem with one amount, or null. The sign and the decimals per currency are step 2: they
 * need the debt (its currency, and what it stores now).
 */
function checkAmount(text: string, path: string[]) {
  if (!DECIMAL.test(text)) return fieldError(path, 'INVALID_FORMAT', 'An amount is a decimal such as "12.50".');
  if (significantDigits(text) > MAX_SIGNIFICANT_DIGITS) {
    return fieldError(path, 'TOO_PRECISE', `An amount has at most ${MAX_SIGNIFICANT_DIGITS} significant digits.`);
  }
  return null;
}

/** The block change, or null (with errors pushed) when the input is invalid. */
function checkBlock(block: BlockInputModel | null | undefined, path: string[], errors: FieldErrorModel[]): BlockChange | null {
  if (block === undefined) return { kind: 'keep' };
  if (block === null) {
    // Null would be ambiguous between "keep" and "remove": neither is guessed.
    errors.push(fieldError(path, 'NULL_NOT_ALLOWED', 'Leave the block out to keep it, or send limitType DISABLED to remove it.'));
    return null;
  }
  const endDate = block.endDate ?? null;
  if (block.limitType === 'DISABLED') {
    if (endDate !== null) {
      errors.push(fieldError([...path, 'endDate'], 'NOT_ALLOWED', 'Removing a block (DISABLED) takes no end date.'));
      return null;
    }
    return { kind: 'remove' };
  }
  if (endDate === null) {
    errors.push(fieldError([...path, 'endDate'], 'REQUIRED', `A ${block.limitType} block needs an end date.`));
    return null;
  }
  const date = calendarDateOf(endDate);
  if (date === null) {
    errors.push(fieldError([...path, 'endDate'], 'INVALID_FORMAT', 'A date is YYYY-MM-DD.'));
    return null;
  }
  return { kind: 'set', block: { limitType: block.limitType, endDate: date } };
}

function checkClosure(closure: ClosureInputModel, today: string, errors: FieldErrorModel[]): ClosureChange | null {
  const at = (field: string) => ['input', 'closure', field];
  const before = errors.length;
  const rejectionReason = closure.rejectionReason ?? null;
  if (closure.type === 'REJECTION' && rejectionReason === null) {
    errors.push(fieldError(at('rejectionReason'), 'REQUIRED', 'A REJECTION needs a rejectionReason.'));
  }
  if (closure.type !== 'REJECTION' && rejectionReason !== null) {
    errors.push(fieldError(at('rejectionReason'), 'NOT_ALLOWED', 'Only a REJECTION has a rejectionReason.'));
  }
  const date = calendarDateOf(closure.date);
  if (date === null) {
    errors.push(fieldError(at('date'), 'INVALID_FORMAT', 'A date is YYYY-MM-DD.'));
  } else if (date > today) {
    errors.push(fieldError(at('date'), 'IN_FUTURE', `The closure date cannot be after today (${today}, UTC).`));
  }
  const reason = closure.reason ?? null;
  if (reason !== null && reason.trim() === '') {
    errors.push(fieldError(at('reason'), 'BLANK', 'The reason is empty; leave it out instead.'));
  }
  if (errors.length > before || date === null) return null;
  return {
    type: closure.type,
    date,
    rejectionReason,
    reason,
    writeOffRemainingDebts: closure.writeOffRemainingDebts ?? null,
  };
}

/** The first debt the changes name that the case does not hold (a NotFoundError), or null. */
export function missingDebt(changes: CaseChanges, current: DebtCaseModel): string | null {
  const held = new Set(current.debts.map((debt) => debt.debtId));
  return changes.debts.find((change) => !held.has(change.debtId))?.debtId ?? null;
}

/**
 * Step 2: the changes against the case as the provider holds it now. The caller of this checks
 * first that the case exists and is open (NotFoundError, ConflictError).
 */
export function checkAgainstCase(changes: CaseChanges, current: DebtCaseModel): StateCheck {
  const errors: FieldErrorModel[] = [];
  const debtsById = new Map(current.debts.map((debt) => [debt.debtId, debt]));
  for (const change of changes.debts) {
    const path = (...rest: string[]) => ['input', 'debts', String(change.inputIndex), ...rest];
    const debt = debtsById.get(change.debtId);
    if (!debt) {
      errors.push(fieldError(path('debtId'), 'UNKNOWN_DEBT', 'This debt does not belong to the case.'));
      continue;
    }
    const currency = debt.originalAmount.currency;
    const digits = minorUnits(currency);
    if (digits === null) {
      errors.push(fieldError(path(), 'UNKNOWN_CURRENCY', `The debt's currency ${currency} is unknown; its amounts cannot be checked.`));
      continue;
    }
    const paid = exact(change.paidAmount);
    const canceled = exact(change.canceledAmount);
    let amountsOk = true;
    const amounts = [
      ['paidAmount', paid, debt.paidAmount.amount],
      ['canceledAmount', canceled, debt.canceledAmount.amount],
    ] as const;
    for (const [field, value, stored] of amounts) {
      // What the provider stores is sent back as it is; only a new value must be a valid one.
      if (value.equals(stored)) continue;
      if (value.isNegative()) {
        amountsOk = false;
        errors.push(fieldError(path(field), 'NEGATIVE', `An amount cannot be negative (only the stored ${stored} may be sent back as it is).`));
      } else if (value.decimalPlaces() > digits) {
        amountsOk = false;
        errors.push(fieldError(path(field), 'TOO_MANY_DECIMALS', `${currency} amounts have at most ${digits} decimal places.`));
      }
    }
    // The seed: canceled + paid must not exceed the original, except that a payment above the
    // original is accepted (the rest is booked to the debtor) when nothing is canceled.
    const unchanged = amounts.every(([, value, stored]) => value.equals(stored));
    if (amountsOk && !unchanged && !canceled.isZero() && canceled.plus(paid).greaterThan(debt.originalAmount.amount)) {
      errors.push(
        fieldError(
          path('canceledAmount'),
          'EXCEEDS_ORIGINAL',
          'canceledAmount + paidAmount exceed the original amount; only an overpayment with nothing canceled is accepted.',
        ),
      );
    }
  }
  return errors.length > 0 ? { ok: false, fieldErrors: errors } : { ok: true };
}
