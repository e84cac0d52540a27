import { Decimal } from 'decimal.js';
import { isKnownCurrency, minorUnits as isoMinorUnits } from '../../../src/domain/debt-collection/money';

/**
 * Money on this wire is a JSON number, i.e. a double. Each one is turned into a Decimal through
 * its shortest text (`String(n)`: 249.9 → "249.9", not 249.900000000000005…), and all sums and
 * comparisons happen on Decimals; doubles are never added.
 */
export function toDecimal(amount: number): Decimal {
  return new Decimal(String(amount));
}

/** An ISO 4217 code: three upper-case letters the table holds (the graph's table, one reading). */
export function isCurrencyCode(value: string): boolean {
  return isKnownCurrency(value);
}

/** The currency's minor units by ISO 4217: EUR 2, HUF 2, JPY 0, BHD 3, CLF 4. */
export function minorUnits(currency: string): number {
  const digits = isoMinorUnits(currency);
  if (digits === null) throw new Error(`No minor units known for ${currency}.`);
  return digits;
}

/** Our reading: an amount may not be more precise than its currency's minor unit (no 0.001 EUR). */
export function fitsMinorUnits(amount: number, currency: string): boolean {
  return toDecimal(amount).decimalPlaces() <= minorUnits(currency);
}

/**
 * Our reading of the seed, which says both "canceled + paid should not be higher than original"
 * and "if paidAmount is higher than original amount, the loose rest will still be booked to the
 * debtor": the sum may exceed the original only as an overpayment, i.e. when nothing is canceled.
 */
export function exceedsOriginal(original: number, canceled: number, paid: number): boolean {
  const canceledAmount = toDecimal(canceled);
  return !canceledAmount.isZero() && canceledAmount.plus(toDecimal(paid)).greaterThan(toDecimal(original));
}

/** Equal as amounts (100 and 100.00 are the same), never as doubles. */
export function sameAmount(a: number, b: number): boolean {
  return toDecimal(a).equals(toDecimal(b));
}
