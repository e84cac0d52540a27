import type { DebtModel } from '../../src/domain/debt-collection/model';
import {
  caseTotals,
  exact,
  formatAmount,
  isKnownCurrency,
  minorUnits,
  money,
  openAmount,
  significantDigits,
} from '../../src/domain/debt-collection/money';

function debt(currency: string, original: string, paid: string, canceled: string): DebtModel {
  const open = openAmount(exact(original), exact(paid), exact(canceled));
  return {
    debtId: `${currency}-${original}`,
    type: null,
    originalAmount: money(exact(original), currency),
    paidAmount: money(exact(paid), currency),
    canceledAmount: money(exact(canceled), currency),
    openAmount: money(open, currency),
    block: null,
  };
}

describe('minorUnits', () => {
  it('reads the minor digits of each currency from the ISO 4217 table', () => {
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('BHD')).toBe(3);
    expect(minorUnits('CLF')).toBe(4);
  });

  it('gives HUF the 2 digits of ISO 4217, not the 0 of Intl/CLDR', () => {
    expect(new Intl.NumberFormat('en', { style: 'currency', currency: 'HUF' }).resolvedOptions().maximumFractionDigits).toBe(0);
    expect(minorUnits('HUF')).toBe(2);
  });

  it('does not guess for codes the table does not hold, or for lower case', () => {
    expect(minorUnits('XYZ')).toBeNull();
    expect(minorUnits('eur')).toBeNull();
    expect(isKnownCurrency('EURO')).toBe(false);
    expect(isKnownCurrency('HUF')).toBe(true);
  });
});

describe('formatAmount', () => {
  it('pads to the currency minor digits', () => {
    expect(formatAmount(exact('100'), 'EUR')).toBe('100.00');
    expect(formatAmount(exact('5.5'), 'EUR')).toBe('5.50');
    expect(formatAmount(exact('1200'), 'JPY')).toBe('1200');
    expect(formatAmount(exact('100.5'), 'HUF')).toBe('100.50');
    expect(formatAmount(exact('1.5'), 'BHD')).toBe('1.500');
    expect(formatAmount(exact('1'), 'CLF')).toBe('1.0000');
  });

  it('never rounds a value with more decimals than the currency has', () => {
    expect(formatAmount(exact('0.005'), 'EUR')).toBe('0.005');
    expect(formatAmount(exact('1200.5'), 'JPY')).toBe('1200.5');
  });

  it('writes large and tiny values without exponent notation', () => {
    expect(formatAmount(exact('123456789012345'), 'EUR')).toBe('123456789012345.00');
    expect(formatAmount(exact('0.0000001'), 'EUR')).toBe('0.0000001');
  });
});

describe('openAmount', () => {
  it('is original minus paid minus canceled, exactly', () => {
    expect(openAmount(exact('249.9'), exact('50'), exact('0.1')).toFixed()).toBe('199.8');
  });

  it('is zero, not negative, after an overpayment', () => {
    expect(openAmount(exact('100'), exact('120'), exact('0')).toFixed()).toBe('0');
  });
});

describe('significantDigits', () => {
  it('counts integer zeros but not trailing fraction zeros', () => {
    expect(significantDigits('1000')).toBe(4);
    expect(significantDigits('10.50')).toBe(3);
    expect(significantDigits('0.001')).toBe(1);
    expect(significantDigits('0')).toBe(1);
    expect(significantDigits('1234567890123.45')).toBe(15);
  });
});

describe('caseTotals', () => {
  it('sums exactly where floats would not (0.1 + 0.2)', () => {
    const totals = caseTotals([debt('EUR', '0.1', '0', '0'), debt('EUR', '0.2', '0.1', '0')]);

    expect(totals).toEqual([
      {
        currency: 'EUR',
        original: { amount: '0.30', currency: 'EUR' },
        paid: { amount: '0.10', currency: 'EUR' },
        canceled: { amount: '0.00', currency: 'EUR' },
        open: { amount: '0.20', currency: 'EUR' },
      },
    ]);
  });

  it('gives one entry per currency, sorted by code', () => {
    const totals = caseTotals([debt('JPY', '1200', '0', '0'), debt('EUR', '10', '0', '0'), debt('CHF', '5', '0', '0')]);

    expect(totals.map((total) => [total.currency, total.original.amount])).toEqual([
      ['CHF', '5.00'],
      ['EUR', '10.00'],
      ['JPY', '1200'],
    ]);
  });

  it("sums each debt's open amount, so one overpayment does not reduce another debt's open amount", () => {
    const totals = caseTotals([debt('EUR', '100', '150', '0'), debt('EUR', '50', '0', '0')]);

    expect(totals[0]?.open.amount).toBe('50.00');
    expect(totals[0]?.paid.amount).toBe('150.00');
  });

  it('is empty for a case without debts', () => {
    expect(caseTotals([])).toEqual([]);
  });
});
