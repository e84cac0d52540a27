import type { CaseUpdateInputModel, CaseUpdateKind, DebtCaseModel } from '../../src/domain/debt-collection/model';
import { calendarDateOf, checkAgainstCase, checkCaseChanges, utcToday } from '../../src/domain/debt-collection/update-rules';
import { mapCasesAnswer } from '../../src/providers/debt-collection/mapping';
import { debtCollectionFixture } from '../../tools/simulators/fixtures';

const TODAY = '2026-11-21';
const EUR_DEBT = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001'; // 100.00 EUR of agency-id-123
const FEE_DEBT = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002'; // 5.50 EUR of agency-id-123
const JPY_DEBT = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0005'; // 1200 JPY of agency-id-126

function fixtureCase(id: string): DebtCaseModel {
  const found = mapCasesAnswer({ result: debtCollectionFixture.debtors })?.find((read) => read.agencyCollectionCaseId === id);
  if (!found?.ok) throw new Error(`fixture case ${id} is missing or unreadable`);
  return found.debtCase;
}

function problems(kind: CaseUpdateKind, input: CaseUpdateInputModel, current?: DebtCaseModel) {
  const check = checkCaseChanges(kind, input, TODAY);
  if (!check.ok) return check.fieldErrors.map(({ path, code }) => ({ path, code }));
  if (!current) throw new Error('expected the input alone to be refused');
  const state = checkAgainstCase(check.changes, current);
  if (state.ok) throw new Error('expected the input to be refused against the case');
  return state.fieldErrors.map(({ path, code }) => ({ path, code }));
}

function accepted(kind: CaseUpdateKind, input: CaseUpdateInputModel, current: DebtCaseModel) {
  const check = checkCaseChanges(kind, input, TODAY);
  if (!check.ok) throw new Error(`expected the input to pass, got ${JSON.stringify(check.fieldErrors)}`);
  expect(checkAgainstCase(check.changes, current)).toEqual({ ok: true });
  return check.changes;
}

const payment = (debtId: string, paidAmount: string, canceledAmount = '0') => ({ debtId, paidAmount, canceledAmount });
const close = (closure: Partial<NonNullable<CaseUpdateInputModel['closure']>>, extra: Partial<CaseUpdateInputModel> = {}) => ({
  agencyCollectionCaseId: 'agency-id-123',
  closure: { type: 'POSITIVE' as const, date: TODAY, ...closure },
  ...extra,
});

describe('checkCaseChanges: the closure', () => {
  it('requires a rejectionReason for a REJECTION', () => {
    expect(problems('close', close({ type: 'REJECTION' }))).toEqual([
      { path: ['input', 'closure', 'rejectionReason'], code: 'REQUIRED' },
    ]);
  });

  it('refuses a rejectionReason on any other closure type', () => {
    expect(problems('close', close({ type: 'NEGATIVE', rejectionReason: 'FRAUD' }))).toEqual([
      { path: ['input', 'closure', 'rejectionReason'], code: 'NOT_ALLOWED' },
    ]);
  });

  it('accepts a REJECTION with its reason', () => {
    const changes = accepted('close', close({ type: 'REJECTION', rejectionReason: 'FRAUD', reason: 'fake identity' }), fixtureCase('agency-id-123'));
    expect(changes.closure).toEqual({
      type: 'REJECTION',
      date: TODAY,
      rejectionReason: 'FRAUD',
      reason: 'fake identity',
      writeOffRemainingDebts: null,
    });
  });

  it('refuses a closure date after today (UTC) and accepts today', () => {
    expect(problems('close', close({ date: '2026-11-22' }))).toEqual([{ path: ['input', 'closure', 'date'], code: 'IN_FUTURE' }]);
    expect(accepted('close', close({ date: TODAY }), fixtureCase('agency-id-123')).closure?.date).toBe(TODAY);
  });

  it('reads the Date scalar output (a JS Date at UTC midnight) as its calendar date', () => {
    const changes = accepted('close', close({ date: new Date('2026-11-20T00:00:00.000Z') }), fixtureCase('agency-id-123'));
    expect(changes.closure?.date).toBe('2026-11-20');
  });

  it('refuses a blank reason', () => {
    expect(problems('close', close({ reason: '  ' }))).toEqual([{ path: ['input', 'closure', 'reason'], code: 'BLANK' }]);
  });

  it('refuses a closure on an update, and a close without one', () => {
    expect(problems('update', close({}, { debts: [payment(EUR_DEBT, '1')] }))).toEqual([{ path: ['input', 'closure'], code: 'NOT_ALLOWED' }]);
    expect(problems('close', { agencyCollectionCaseId: 'agency-id-123' })).toEqual([{ path: ['input', 'closure'], code: 'REQUIRED' }]);
  });
});

describe('checkCaseChanges: amounts and debts', () => {
  it('refuses new negative amounts at their paths (against the case: a stored one may be sent back)', () => {
    expect(
      problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '-1', '-0.01')] }, fixtureCase('agency-id-123')),
    ).toEqual([
      { path: ['input', 'debts', '0', 'paidAmount'], code: 'NEGATIVE' },
      { path: ['input', 'debts', '0', 'canceledAmount'], code: 'NEGATIVE' },
    ]);
  });

  it('refuses more than 15 significant digits, which a JSON number could not carry exactly', () => {
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '12345678901234.56')] })).toEqual([
      { path: ['input', 'debts', '0', 'paidAmount'], code: 'TOO_PRECISE' },
    ]);
    expect(checkCaseChanges('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '1234567890123.45')] }, TODAY).ok).toBe(true);
  });

  it('refuses a debt named twice, at the second mention', () => {
    expect(
      problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '1'), payment(FEE_DEBT, '1'), payment(EUR_DEBT, '2')] }),
    ).toEqual([{ path: ['input', 'debts', '2', 'debtId'], code: 'DUPLICATE' }]);
  });

  it('refuses an update that changes nothing', () => {
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123' })).toEqual([{ path: ['input'], code: 'EMPTY_INPUT' }]);
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [] })).toEqual([{ path: ['input'], code: 'EMPTY_INPUT' }]);
  });

  it('refuses a case id that would split the comma-separated read', () => {
    expect(problems('update', { agencyCollectionCaseId: 'a,b', debts: [payment(EUR_DEBT, '1')] })).toEqual([
      { path: ['input', 'agencyCollectionCaseId'], code: 'INVALID_FORMAT' },
    ]);
  });

  it('normalizes amounts to their value ("10.50" → "10.5")', () => {
    const changes = accepted('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '10.50', '0.00')] }, fixtureCase('agency-id-123'));
    expect(changes.debts).toEqual([{ inputIndex: 0, debtId: EUR_DEBT, paidAmount: '10.5', canceledAmount: '0', block: { kind: 'keep' } }]);
  });
});

describe('checkCaseChanges: blocks', () => {
  it('reads a left-out block as keep, DISABLED as remove, and a limit as set', () => {
    const changes = accepted(
      'update',
      {
        agencyCollectionCaseId: 'agency-id-123',
        debts: [
          payment(EUR_DEBT, '1'),
          { ...payment(FEE_DEBT, '0'), block: { limitType: 'UNLIMITED', endDate: new Date('2030-01-01T00:00:00.000Z') } },
        ],
        debtorBlock: { limitType: 'DISABLED' },
      },
      fixtureCase('agency-id-123'),
    );
    expect(changes.debts.map((debt) => debt.block)).toEqual([
      { kind: 'keep' },
      { kind: 'set', block: { limitType: 'UNLIMITED', endDate: '2030-01-01' } },
    ]);
    expect(changes.debtorBlock).toEqual({ kind: 'remove' });
  });

  it('requires an end date for LIMITED and UNLIMITED, and refuses one for DISABLED', () => {
    expect(
      problems('update', {
        agencyCollectionCaseId: 'agency-id-123',
        debts: [{ ...payment(EUR_DEBT, '1'), block: { limitType: 'LIMITED' } }],
        debtorBlock: { limitType: 'DISABLED', endDate: '2030-01-01' },
      }),
    ).toEqual([
      { path: ['input', 'debts', '0', 'block', 'endDate'], code: 'REQUIRED' },
      { path: ['input', 'debtorBlock', 'endDate'], code: 'NOT_ALLOWED' },
    ]);
  });

  it('refuses an explicit null block: keep or remove is not guessed', () => {
    expect(
      problems('update', {
        agencyCollectionCaseId: 'agency-id-123',
        debts: [{ ...payment(EUR_DEBT, '1'), block: null }],
        debtorBlock: null,
      }),
    ).toEqual([
      { path: ['input', 'debts', '0', 'block'], code: 'NULL_NOT_ALLOWED' },
      { path: ['input', 'debtorBlock'], code: 'NULL_NOT_ALLOWED' },
    ]);
  });
});

describe('checkAgainstCase', () => {
  it('refuses a debt of another case', () => {
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(JPY_DEBT, '1')] }, fixtureCase('agency-id-123'))).toEqual([
      { path: ['input', 'debts', '0', 'debtId'], code: 'UNKNOWN_DEBT' },
    ]);
  });

  it('refuses a third decimal on EUR but accepts trailing zeros', () => {
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '10.005')] }, fixtureCase('agency-id-123'))).toEqual([
      { path: ['input', 'debts', '0', 'paidAmount'], code: 'TOO_MANY_DECIMALS' },
    ]);
    accepted('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '10.500')] }, fixtureCase('agency-id-123'));
  });

  it('refuses any decimal on JPY', () => {
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-126', debts: [payment(JPY_DEBT, '0', '0.5')] }, fixtureCase('agency-id-126'))).toEqual([
      { path: ['input', 'debts', '0', 'canceledAmount'], code: 'TOO_MANY_DECIMALS' },
    ]);
    accepted('update', { agencyCollectionCaseId: 'agency-id-126', debts: [payment(JPY_DEBT, '1200')] }, fixtureCase('agency-id-126'));
  });

  it('refuses canceled + paid above the original amount', () => {
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '60', '40.01')] }, fixtureCase('agency-id-123'))).toEqual([
      { path: ['input', 'debts', '0', 'canceledAmount'], code: 'EXCEEDS_ORIGINAL' },
    ]);
    accepted('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '60', '40')] }, fixtureCase('agency-id-123'));
  });

  it('accepts an overpayment when nothing is canceled', () => {
    accepted('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '150.00')] }, fixtureCase('agency-id-123'));
  });

  it('refuses amounts of a debt whose currency is unknown', () => {
    const current = fixtureCase('agency-id-123');
    const odd = { ...current, debts: current.debts.map((debt) => ({ ...debt, originalAmount: { ...debt.originalAmount, currency: 'XYZ' } })) };
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '1')] }, odd)).toEqual([
      { path: ['input', 'debts', '0'], code: 'UNKNOWN_CURRENCY' },
    ]);
  });
});

describe('checkAgainstCase: what the provider already stores', () => {
  /** agency-id-123 with its first debt as the provider stores it: a negative paid amount, a canceled one past the currency's decimals. */
  function oddCase(): DebtCaseModel {
    const current = fixtureCase('agency-id-123');
    const [first, ...rest] = current.debts;
    if (!first) throw new Error('fixture debt missing');
    return {
      ...current,
      debts: [{ ...first, paidAmount: { amount: '-5.00', currency: 'EUR' }, canceledAmount: { amount: '0.005', currency: 'EUR' } }, ...rest],
    };
  }

  it('accepts the stored negative amount and odd decimals sent back unchanged', () => {
    accepted('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '-5', '0.005')] }, oddCase());
    accepted('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '20', '0.005')] }, oddCase());
  });

  it('does not involve a stored oddity in the update of another debt', () => {
    accepted('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(FEE_DEBT, '5.5')] }, oddCase());
  });

  it('still refuses a negative amount other than the stored one', () => {
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '-4', '0.005')] }, oddCase())).toEqual([
      { path: ['input', 'debts', '0', 'paidAmount'], code: 'NEGATIVE' },
    ]);
  });

  it('accepts a HUF payment of 100.50: ISO 4217 gives HUF two decimals', () => {
    const current = fixtureCase('agency-id-123');
    const huf = { ...current, debts: current.debts.map((debt) => ({ ...debt, originalAmount: { amount: '1000.00', currency: 'HUF' } })) };
    accepted('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '100.50')] }, huf);
    expect(problems('update', { agencyCollectionCaseId: 'agency-id-123', debts: [payment(EUR_DEBT, '100.505')] }, huf)).toEqual([
      { path: ['input', 'debts', '0', 'paidAmount'], code: 'TOO_MANY_DECIMALS' },
    ]);
  });
});

describe('dates', () => {
  it("takes today's date in UTC, whatever the local zone", () => {
    expect(utcToday(Date.parse('2026-11-21T23:30:00-05:00'))).toBe('2026-11-22');
  });

  it('refuses dates that do not exist', () => {
    expect(calendarDateOf('2026-02-30')).toBeNull();
    expect(calendarDateOf('2026-2-3')).toBeNull();
    expect(calendarDateOf(new Date(Number.NaN))).toBeNull();
    expect(calendarDateOf('2028-02-29')).toBe('2028-02-29');
  });
});
