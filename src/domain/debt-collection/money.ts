/**
 * Money arithmetic, exact: decimal.js with enough precision that no sum of amounts is ever
 * rounded, and currency minor units from the ISO 4217 table (the `currency-codes` package: EUR 2,
 * HUF 2, JPY 0, BHD 3, CLF 4). Not Intl: its CLDR data gives the digits people usually write
 * (HUF 0), not the ones ISO 4217 defines and providers book. No float touches an amount.
 */
import { code as iso4217 } from 'currency-codes';
import Decimal from 'decimal.js';
import type { CaseTotalsModel, DebtModel, MoneyModel } from './model';

/**
 * A Decimal whose arithmetic keeps 200 significant digits: the default 20 would round a sum of
 * large amounts. Amounts have at most 17 (what a JSON number carries), so nothing rounds here.
 */
export const Exact = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -200, toExpPos: 200 });
export type Exact = Decimal;

/**
 * Most significant digits an amount may have: every decimal of up to 15 significant digits
 * survives the trip through a JSON number (an IEEE double) and back unchanged.
 */
export const MAX_SIGNIFICANT_DIGITS = 15;

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** True for a code of the ISO 4217 table (upper case, as ISO writes it). */
export function isKnownCurrency(currency: string): boolean {
  return minorUnits(currency) !== null;
}

/**
 * Decimal places of the currency's minor unit by ISO 4217 (EUR 2, HUF 2, JPY 0, BHD 3, CLF 4), or
 * null for a code the table does not hold: guessing is not allowed with money.
 */
export function minorUnits(currency: string): number | null {
  // The package upper-cases what it is given; ISO codes are upper case, and so must ours be.
  if (!CURRENCY_CODE.test(currency)) return null;
  return iso4217(currency)?.digits ?? null;
}

/** The exact value of a decimal string. Throws on text that is not a decimal (a programming error). */
export function exact(text: string): Exact {
  return new Exact(text);
}

/**
 * Significant digits that matter for the amount: trailing zeros of the fraction do not
 * (`"10.50"` is 10.5), zeros of the integer part do (`"1000"` has 4).
 */
export function significantDigits(text: string): number {
  const value = exact(text);
  return value.isZero() ? 1 : value.sd(true);
}

/**
 * The amount as text, padded to the currency's minor digits (`100` EUR → `"100.00"`) but never
 * rounded: a provider value with more decimals keeps them all.
 */
export function formatAmount(value: Exact, currency: string): string {
  const digits = minorUnits(currency);
  if (digits === null || value.decimalPlaces() > digits) return value.toFixed();
  return value.toFixed(digits);
}

/** The amount in its currency, formatted by {@link formatAmount}. */
export function money(value: Exact, currency: string): MoneyModel {
  return { amount: formatAmount(value, currency), currency };
}

/** What is still owed: max(0, original − paid − canceled). An overpayment owes nothing. */
export function openAmount(original: Exact, paid: Exact, canceled: Exact): Exact {
  const open = original.minus(paid).minus(canceled);
  return open.isNegative() ? new Exact(0) : open;
}

/** The case's sums, one entry per currency, sorted by currency code. */
export function caseTotals(debts: readonly DebtModel[]): CaseTotalsModel[] {
  const sums = new Map<string, { original: Exact; paid: Exact; canceled: Exact; open: Exact }>();
  for (const debt of debts) {
    const currency = debt.originalAmount.currency;
    const sum = sums.get(currency) ?? { original: new Exact(0), paid: new Exact(0), canceled: new Exact(0), open: new Exact(0) };
    sums.set(currency, {
      original: sum.original.plus(debt.originalAmount.amount),
      paid: sum.paid.plus(debt.paidAmount.amount),
      canceled: sum.canceled.plus(debt.canceledAmount.amount),
      open: sum.open.plus(debt.openAmount.amount),
    });
  }
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, sum]) => ({
      currency,
      original: money(sum.original, currency),
      paid: money(sum.paid, currency),
      canceled: money(sum.canceled, currency),
      open: money(sum.open, currency),
    }));
}
