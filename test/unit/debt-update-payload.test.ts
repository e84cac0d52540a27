import type { CaseChanges, DebtCaseModel } from '../../src/domain/debt-collection/model';
import { mergeCaseUpdate, resolveBlock } from '../../src/domain/debt-collection/update-payload';
import { mapCasesAnswer } from '../../src/providers/debt-collection/mapping';
import { debtCollectionFixture } from '../../tools/simulators/fixtures';

const REQUEST_ID = 'fc336b0b-409c-4c66-a26d-ab25b87dcb8f';

function fixtureCase(id: string): DebtCaseModel {
  const found = mapCasesAnswer({ result: debtCollectionFixture.debtors })?.find((read) => read.agencyCollectionCaseId === id);
  if (!found?.ok) throw new Error(`fixture case ${id} is missing or unreadable`);
  return found.debtCase;
}

const noChanges = (agencyCollectionCaseId: string): CaseChanges => ({
  kind: 'update',
  agencyCollectionCaseId,
  debts: [],
  debtorBlock: { kind: 'keep' },
  closure: null,
});

describe('resolveBlock', () => {
  const stored = { limitType: 'LIMITED' as const, endDate: '2027-06-30' };

  it('keeps the stored block unless the caller set or removed it', () => {
    expect(resolveBlock({ kind: 'keep' }, stored)).toBe(stored);
    expect(resolveBlock({ kind: 'keep' }, null)).toBeNull();
    expect(resolveBlock({ kind: 'remove' }, stored)).toBeNull();
    expect(resolveBlock({ kind: 'set', block: { limitType: 'UNLIMITED', endDate: '2030-01-01' } }, stored)).toEqual({
      limitType: 'UNLIMITED',
      endDate: '2030-01-01',
    });
  });
});

describe('mergeCaseUpdate', () => {
  it("sends the debtor's and the debt's stored blocks when the caller did not mention them", () => {
    const payload = mergeCaseUpdate(REQUEST_ID, noChanges('agency-id-124'), fixtureCase('agency-id-124'));

    expect(payload).toEqual({
      requestId: REQUEST_ID,
      debtorId: '2334546',
      debtorBlock: { limitType: 'LIMITED', endDate: '2027-06-30' },
      agencyCollectionCaseId: 'agency-id-124',
      publicCollectionCaseId: null,
      collectionCaseIds: ['123e4567-e89b-42d3-a456-556642440001', '123e4567-e89b-42d3-a456-556642440002'],
      closure: null,
      debts: [
        {
          debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0003',
          originalAmount: '249.90',
          canceledAmount: '0.00',
          paidAmount: '50.00',
          currency: 'EUR',
          block: { limitType: 'UNLIMITED', endDate: '2099-12-31' },
        },
      ],
    });
  });

  it('leaves a block out only when the caller removed it', () => {
    const payload = mergeCaseUpdate(
      REQUEST_ID,
      {
        ...noChanges('agency-id-124'),
        debtorBlock: { kind: 'remove' },
        debts: [
          { inputIndex: 0, debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0003', paidAmount: '60', canceledAmount: '0', block: { kind: 'remove' } },
        ],
      },
      fixtureCase('agency-id-124'),
    );

    expect(payload.debtorBlock).toBeNull();
    expect(payload.debts.map((debt) => debt.block)).toEqual([null]);
  });

  it('sends every debt of the case: the changed ones with the new amounts, the others as stored', () => {
    const payload = mergeCaseUpdate(
      REQUEST_ID,
      {
        ...noChanges('agency-id-123'),
        debts: [{ inputIndex: 0, debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002', paidAmount: '5.5', canceledAmount: '0', block: { kind: 'keep' } }],
      },
      fixtureCase('agency-id-123'),
    );

    expect(payload.debts.map((debt) => [debt.debtId.slice(-4), debt.originalAmount, debt.paidAmount, debt.canceledAmount, debt.currency])).toEqual([
      ['0001', '100.00', '0.00', '0.00', 'EUR'],
      ['0002', '5.50', '5.5', '0', 'EUR'],
    ]);
    expect(payload.publicCollectionCaseId).toBe('case-john-wayne-1');
  });

  it('carries the closure', () => {
    const closure = { type: 'POSITIVE' as const, date: '2026-11-20', rejectionReason: null, reason: null, writeOffRemainingDebts: true };
    const payload = mergeCaseUpdate(REQUEST_ID, { ...noChanges('agency-id-123'), kind: 'close', closure }, fixtureCase('agency-id-123'));
    expect(payload.closure).toBe(closure);
  });

  it('throws rather than silently drop a payment on a debt the case does not have', () => {
    const changes: CaseChanges = {
      ...noChanges('agency-id-123'),
      debts: [{ inputIndex: 0, debtId: 'foreign', paidAmount: '1', canceledAmount: '0', block: { kind: 'keep' } }],
    };
    expect(() => mergeCaseUpdate(REQUEST_ID, changes, fixtureCase('agency-id-123'))).toThrow('not in the case');
    expect(() => mergeCaseUpdate(REQUEST_ID, noChanges('agency-id-124'), fixtureCase('agency-id-123'))).toThrow('another case');
  });
});
