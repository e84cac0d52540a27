import type { CaseUpdatePayload } from '../../src/domain/debt-collection/model';
import { toRawUpdate, wireNumber } from '../../src/providers/debt-collection/client';

const payload: CaseUpdatePayload = {
  requestId: 'fc336b0b-409c-4c66-a26d-ab25b87dcb8f',
  debtorId: '2334546',
  debtorBlock: { limitType: 'LIMITED', endDate: '2027-06-30' },
  agencyCollectionCaseId: 'agency-id-124',
  publicCollectionCaseId: null,
  collectionCaseIds: ['cc-1', 'cc-2'],
  closure: null,
  debts: [
    { debtId: 'debt-1', originalAmount: '249.90', canceledAmount: '0.00', paidAmount: '50.00', currency: 'EUR', block: { limitType: 'UNLIMITED', endDate: '2099-12-31' } },
    { debtId: 'debt-2', originalAmount: '10', canceledAmount: '0', paidAmount: '10', currency: 'EUR', block: null },
  ],
};

describe('wireNumber', () => {
  it('writes decimals that survive a JSON number', () => {
    expect(wireNumber('249.90')).toBe(249.9);
    expect(wireNumber('0.1')).toBe(0.1);
    expect(wireNumber('999999999999999')).toBe(999999999999999);
    expect(wireNumber('1234567890123.45')).toBe(1234567890123.45);
  });

  it('throws rather than send an amount a JSON number would change', () => {
    expect(() => wireNumber('12345678901234567.89')).toThrow(RangeError);
    expect(() => wireNumber('0.10000000000000000001')).toThrow(RangeError);
  });
});

describe('toRawUpdate', () => {
  it('writes the seed shape: numbers, kept blocks, no block where it is removed, no closure while open', () => {
    expect(toRawUpdate(payload)).toStrictEqual({
      requestId: 'fc336b0b-409c-4c66-a26d-ab25b87dcb8f',
      debtors: [
        {
          debtorId: '2334546',
          block: { limitType: 'LIMITED', endDate: '2027-06-30' },
          agencyCollectionCases: [
            {
              agencyCollectionCaseId: 'agency-id-124',
              collectionCaseIds: ['cc-1', 'cc-2'],
              debts: [
                {
                  debtId: 'debt-1',
                  originalAmount: 249.9,
                  canceledAmount: 0,
                  paidAmount: 50,
                  currency: 'EUR',
                  block: { limitType: 'UNLIMITED', endDate: '2099-12-31' },
                },
                { debtId: 'debt-2', originalAmount: 10, canceledAmount: 0, paidAmount: 10, currency: 'EUR' },
              ],
            },
          ],
        },
      ],
    });
  });

  it('writes a closure with its rejection reason, closureReason and the write-off option', () => {
    const raw = toRawUpdate({
      ...payload,
      debtorBlock: null,
      publicCollectionCaseId: 'case-1',
      closure: { type: 'REJECTION', date: '2026-11-20', rejectionReason: 'FRAUD', reason: 'fake identity', writeOffRemainingDebts: false },
    });
    const [debtor] = raw.debtors;
    expect(debtor && 'block' in debtor).toBe(false);
    expect(debtor?.agencyCollectionCases[0]?.publicCollectionCaseId).toBe('case-1');
    expect(debtor?.agencyCollectionCases[0]?.closure).toStrictEqual({
      type: 'REJECTION',
      date: '2026-11-20',
      rejectionReason: 'FRAUD',
      closureReason: 'fake identity',
      options: [{ key: 'WRITE_OFF_REMAINING_DEBTS', value: 'false' }],
    });
  });

  it('leaves out what the caller did not give on a closure', () => {
    const raw = toRawUpdate({
      ...payload,
      closure: { type: 'POSITIVE', date: '2026-11-20', rejectionReason: null, reason: null, writeOffRemainingDebts: null },
    });
    expect(raw.debtors[0]?.agencyCollectionCases[0]?.closure).toStrictEqual({ type: 'POSITIVE', date: '2026-11-20' });
  });
});
