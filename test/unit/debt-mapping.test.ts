import type { CaseChanges, CaseUpdatePayload } from '../../src/domain/debt-collection/model';
import { inputPathOfReference, mapCasesAnswer, parseReference, readBlock } from '../../src/providers/debt-collection/mapping';
import type { RawDebtorCases } from '../../src/providers/debt-collection/raw';
import { debtCollectionFixture } from '../../tools/simulators/fixtures';

function debtor(overrides: Record<string, unknown> = {}, caseOverrides: Record<string, unknown> = {}, debtOverrides: Record<string, unknown> = {}) {
  return {
    debtorId: 'd-1',
    block: null,
    ...overrides,
    agencyCollectionCases: [
      {
        agencyCollectionCaseId: 'c-1',
        publicCollectionCaseId: null,
        collectionCaseIds: ['cc-1'],
        closure: null,
        ...caseOverrides,
        debts: [{ debtId: 'debt-1', originalAmount: 10, canceledAmount: 0, paidAmount: 2.5, currency: 'EUR', type: 'SALE', block: null, ...debtOverrides }],
      },
    ],
  };
}

function reasonOf(body: unknown): string {
  const [first] = mapCasesAnswer(body) ?? [];
  if (!first || first.ok) throw new Error('expected one unreadable case');
  return first.reason;
}

describe('mapCasesAnswer', () => {
  it('maps the fixture: padded exact amounts, open amounts, blocks, closure', () => {
    const cases = mapCasesAnswer({ result: debtCollectionFixture.debtors satisfies readonly RawDebtorCases[] });
    const byId = new Map(cases?.map((read) => [read.agencyCollectionCaseId, read]));

    const c124 = byId.get('agency-id-124');
    expect(c124).toMatchObject({ ok: true, debtorId: '2334546' });
    expect(c124?.ok && c124.debtCase).toEqual({
      agencyCollectionCaseId: 'agency-id-124',
      publicCollectionCaseId: null,
      collectionCaseIds: ['123e4567-e89b-42d3-a456-556642440001', '123e4567-e89b-42d3-a456-556642440002'],
      debtor: { debtorId: '2334546', block: { limitType: 'LIMITED', endDate: '2027-06-30' } },
      closure: null,
      debts: [
        {
          debtId: '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0003',
          type: 'SALE',
          originalAmount: { amount: '249.90', currency: 'EUR' },
          paidAmount: { amount: '50.00', currency: 'EUR' },
          canceledAmount: { amount: '0.00', currency: 'EUR' },
          openAmount: { amount: '199.90', currency: 'EUR' },
          block: { limitType: 'UNLIMITED', endDate: '2099-12-31' },
        },
      ],
    });
    const c125 = byId.get('agency-id-125');
    expect(c125?.ok && c125.debtCase.closure).toEqual({
      type: 'POSITIVE',
      date: '2026-10-15',
      reason: null,
      rejectionReason: null,
      writeOffRemainingDebts: false,
      options: [],
    });
    const c126 = byId.get('agency-id-126');
    expect(c126?.ok && c126.debtCase.debts[0]?.originalAmount).toEqual({ amount: '1200', currency: 'JPY' });
  });

  it('reads a closure with options, a known rejection reason and a closure reason', () => {
    const closure = {
      type: 'REJECTION',
      date: '2026-11-01',
      options: [{ key: 'WRITE_OFF_REMAINING_DEBTS', value: 'true' }, { key: 'SOMETHING_NEW', value: 'x' }],
      rejectionReason: 'FRAUD',
      closureReason: 'fake identity',
    };
    const [read] = mapCasesAnswer({ result: [debtor({}, { closure })] }) ?? [];
    expect(read?.ok && read.debtCase.closure).toEqual({
      type: 'REJECTION',
      date: '2026-11-01',
      reason: 'fake identity',
      rejectionReason: 'FRAUD',
      writeOffRemainingDebts: true,
      options: [{ key: 'WRITE_OFF_REMAINING_DEBTS', value: 'true' }],
    });
  });

  it('reads a stored DISABLED block as no block', () => {
    const [read] = mapCasesAnswer({ result: [debtor({ block: { limitType: 'DISABLED', endDate: '2020-01-01' } })] }) ?? [];
    expect(read?.ok && read.debtCase.debtor.block).toBeNull();
  });

  it('reports a case unreadable rather than invent an amount, a currency, a block or a closure', () => {
    expect(reasonOf({ result: [debtor({}, {}, { paidAmount: 'lots' })] })).toBe('debt 0: unreadable amount');
    expect(reasonOf({ result: [debtor({}, {}, { originalAmount: 1e-7 })] })).toBe('debt 0: unreadable amount');
    expect(reasonOf({ result: [debtor({}, {}, { currency: 'XYZ' })] })).toBe('debt 0: unknown currency');
    expect(reasonOf({ result: [debtor({}, {}, { block: { limitType: 'SOMETIMES', endDate: '2030-01-01' } })] })).toBe(
      'debt 0: block: unknown limitType',
    );
    expect(reasonOf({ result: [debtor({ block: { limitType: 'LIMITED' } })] })).toBe('debtor block: no end date');
    expect(reasonOf({ result: [debtor({}, { closure: 'closed' })] })).toBe('closure: not an object');
    expect(reasonOf({ result: [debtor({}, { collectionCaseIds: ['ok', null] })] })).toBe('unreadable collection case id');
  });

  it('keeps the keys of an unreadable case, so only that case fails', () => {
    const [read] = mapCasesAnswer({ result: [debtor({}, {}, { currency: null })] }) ?? [];
    expect(read).toMatchObject({ ok: false, debtorId: 'd-1', agencyCollectionCaseId: 'c-1', collectionCaseIds: ['cc-1'] });
  });

  it('leaves out debtors and cases without ids, and answers null without a result list', () => {
    expect(mapCasesAnswer({ result: [debtor({ debtorId: null }), 'junk', debtor({}, { agencyCollectionCaseId: '' })] })).toEqual([]);
    expect(mapCasesAnswer({ results: [] })).toBeNull();
    expect(mapCasesAnswer(undefined)).toBeNull();
  });
});

describe('readBlock', () => {
  it('accepts a timestamp end date as its calendar date', () => {
    expect(readBlock({ limitType: 'UNLIMITED', endDate: '2099-12-31T00:00:00Z' })).toEqual({
      ok: true,
      value: { limitType: 'UNLIMITED', endDate: '2099-12-31' },
    });
  });
});

describe('parseReference', () => {
  it('splits names and indexes', () => {
    expect(parseReference('debtors[0].agencyCollectionCases[0].debts[1].paidAmount')).toEqual([
      'debtors',
      0,
      'agencyCollectionCases',
      0,
      'debts',
      1,
      'paidAmount',
    ]);
    expect(parseReference('requestId')).toEqual(['requestId']);
    expect(parseReference('debtors[x]')).toBeNull();
    expect(parseReference('')).toBeNull();
  });
});

describe('inputPathOfReference', () => {
  const payload: CaseUpdatePayload = {
    requestId: 'r',
    debtorId: 'd-1',
    debtorBlock: { limitType: 'LIMITED', endDate: '2030-01-01' },
    agencyCollectionCaseId: 'c-1',
    publicCollectionCaseId: null,
    collectionCaseIds: ['cc-1'],
    closure: null,
    debts: ['debt-a', 'debt-b', 'debt-c'].map((debtId) => ({
      debtId,
      originalAmount: '10',
      canceledAmount: '0',
      paidAmount: '0',
      currency: 'EUR',
      block: null,
    })),
  };
  // The caller named debt-c first and debt-b second; debt-a only travels along.
  const changes: CaseChanges = {
    kind: 'close',
    agencyCollectionCaseId: 'c-1',
    debts: [
      { inputIndex: 0, debtId: 'debt-c', paidAmount: '1', canceledAmount: '0', block: { kind: 'set', block: { limitType: 'LIMITED', endDate: '2030-01-01' } } },
      { inputIndex: 1, debtId: 'debt-b', paidAmount: '1', canceledAmount: '0', block: { kind: 'keep' } },
    ],
    debtorBlock: { kind: 'keep' },
    closure: { type: 'POSITIVE', date: '2026-01-01', rejectionReason: null, reason: 'r', writeOffRemainingDebts: null },
  };
  const path = (reference: string | null, requestIdGiven = true) => inputPathOfReference(reference, payload, changes, requestIdGiven);
  const debts = 'debtors[0].agencyCollectionCases[0].debts';

  it("maps a debt field to the caller's index of that debt", () => {
    expect(path(`${debts}[2].paidAmount`)).toEqual(['input', 'debts', '0', 'paidAmount']);
    expect(path(`${debts}[1].canceledAmount`)).toEqual(['input', 'debts', '1', 'canceledAmount']);
    expect(path(`${debts}[2].block.endDate`)).toEqual(['input', 'debts', '0', 'block', 'endDate']);
  });

  it('answers ["input"] for what the caller did not send', () => {
    expect(path(`${debts}[0].paidAmount`)).toEqual(['input']);
    expect(path(`${debts}[1].originalAmount`)).toEqual(['input']);
    expect(path(`${debts}[1].block.endDate`)).toEqual(['input']);
    expect(path('debtors[0].block.limitType')).toEqual(['input']);
    expect(path('requestId', false)).toEqual(['input']);
    expect(path('somewhere.else')).toEqual(['input']);
    expect(path(null)).toEqual(['input']);
    expect(path('debtors[0].agencyCollectionCases[0].debts[9].paidAmount')).toEqual(['input']);
  });

  it('maps closure fields by our names', () => {
    expect(path('debtors[0].agencyCollectionCases[0].closure.closureReason')).toEqual(['input', 'closure', 'reason']);
    expect(path('debtors[0].agencyCollectionCases[0].closure.options[0].value')).toEqual(['input', 'closure', 'writeOffRemainingDebts']);
    expect(path('debtors[0].agencyCollectionCases[0].closure')).toEqual(['input', 'closure']);
    expect(path('requestId')).toEqual(['input', 'requestId']);
  });
});
