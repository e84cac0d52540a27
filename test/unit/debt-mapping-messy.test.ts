/**
 * Debt-collection reads of what real providers send (test/fixtures/debt-collection-messy.json and
 * variants): amounts as strings, stored negatives, blocks not stated, missing optional parts,
 * blocked lists and run slices. The readings are in src/providers/debt-collection/raw.ts.
 */
import messy from '../fixtures/debt-collection-messy.json';
import { BLOCK_UNKNOWN, type CaseUpdatePayload } from '../../src/domain/debt-collection/model';
import { mapBlockList, mapCasesAnswer, mapRunDebtorsAnswer, missingOfReference, type MappedCase } from '../../src/providers/debt-collection/mapping';

function byId(cases: readonly MappedCase[] | null): Map<string, MappedCase> {
  return new Map((cases ?? []).map((read) => [read.agencyCollectionCaseId, read]));
}

function readable(read: MappedCase | undefined) {
  if (!read?.ok) throw new Error(`expected a readable case, got ${JSON.stringify(read)}`);
  return read.debtCase;
}

describe('mapCasesAnswer on a messy answer', () => {
  const cases = byId(mapCasesAnswer(messy));

  it('reads amounts given as strings or numbers alike, exactly, a stored negative one included', () => {
    const [first, second] = readable(cases.get('agency-id-123')).debts;
    expect(first?.originalAmount).toEqual({ amount: '100.00', currency: 'EUR' });
    expect(first?.paidAmount).toEqual({ amount: '-5.00', currency: 'EUR' });
    // What is owed after a stored reversal: original − paid, never rounded.
    expect(first?.openAmount).toEqual({ amount: '105.00', currency: 'EUR' });
    expect(second?.paidAmount).toEqual({ amount: '0.00', currency: 'EUR' });
    expect(readable(cases.get('agency-id-124')).debts[0]?.originalAmount).toEqual({ amount: '249.90', currency: 'HUF' });
  });

  it('reads a block field that is missing as UNKNOWN, never as none; a stated null or DISABLED as none', () => {
    const c123 = readable(cases.get('agency-id-123'));
    expect(c123.debtor.block).toBe(BLOCK_UNKNOWN);
    expect(c123.debts.map((debt) => debt.block)).toEqual([BLOCK_UNKNOWN, null]);
    const c124 = readable(cases.get('agency-id-124'));
    expect(c124.debtor.block).toEqual({ limitType: 'LIMITED', endDate: '2027-06-30' });
    expect(c124.debts[0]?.block).toBeNull();
  });

  it('reads missing or unreadable optional parts as null and keeps the record', () => {
    const c123 = readable(cases.get('agency-id-123'));
    expect(c123.publicCollectionCaseId).toBeNull();
    expect(c123.closure).toBeNull();
    expect(c123.debts.map((debt) => debt.type)).toEqual([null, null]);
    expect(c123.debtor.debtorId).toBe('2334545');
    expect(readable(cases.get('agency-id-124')).publicCollectionCaseId).toBe('4711');
    // Closed all the same: the rules need to know that, not the type or date we cannot read.
    expect(readable(cases.get('agency-id-125')).closure).toMatchObject({ type: null, date: null, reason: null, rejectionReason: null });
    expect(readable(cases.get('agency-id-125')).publicCollectionCaseId).toBeNull();
  });

  it('reports only the case whose currency cannot be read, by its keys', () => {
    expect(cases.get('agency-id-126')).toMatchObject({ ok: false, debtorId: '2334548', reason: 'debt 0: unknown currency' });
    expect([...cases.values()].filter((read) => !read.ok)).toHaveLength(1);
  });
});

describe('mapBlockList', () => {
  it('lists each id with its block; DISABLED is none; an unreadable entry is UNKNOWN', () => {
    const list = mapBlockList(
      {
        result: [
          { debtorId: '1', block: { limitType: 'LIMITED', endDate: '2027-01-31' } },
          { debtorId: 2, block: { limitType: 'DISABLED', endDate: '2020-01-01' } },
          { debtorId: '3', block: { limitType: 'FOREVER', endDate: '2030-01-01' } },
        ],
      },
      'debtorId',
    );
    expect(list.ok && [...list.value.byId]).toEqual([
      ['1', { limitType: 'LIMITED', endDate: '2027-01-31' }],
      ['2', null],
      ['3', BLOCK_UNKNOWN],
    ]);
  });

  it('takes an id listed twice with different blocks as UNKNOWN', () => {
    const block = (endDate: string) => ({ debtId: 'd', block: { limitType: 'LIMITED', endDate } });
    const list = mapBlockList({ result: [block('2027-01-01'), block('2028-01-01')] }, 'debtId');
    expect(list.ok && list.value.byId.get('d')).toBe(BLOCK_UNKNOWN);
  });

  it('refuses what is not a whole list: no result, hasNext, an entry without its id', () => {
    expect(mapBlockList({ results: [] }, 'debtorId')).toEqual({ ok: false, reason: 'no result list' });
    expect(mapBlockList({ result: [], hasNext: true, offset: '100' }, 'debtorId')).toEqual({
      ok: false,
      reason: 'the list says it has more (hasNext)',
    });
    expect(mapBlockList({ result: [{ block: { limitType: 'LIMITED', endDate: '2027-01-01' } }] }, 'debtId')).toEqual({
      ok: false,
      reason: 'an entry without a readable debtId',
    });
  });
});

describe('mapRunDebtorsAnswer', () => {
  const debt = { debtId: 'debt-1', originalAmount: '120.00', canceledAmount: 0, paidAmount: 0, currency: 'EUR' };
  const debtor = (debtorId: unknown, extra: Record<string, unknown> = {}) => ({
    debtorId,
    collectionCases: [{ collectionCaseId: 'cc-1', debts: [debt] }],
    ...extra,
  });

  it('reads a slice, with the next offset as text or number', () => {
    const slice = mapRunDebtorsAnswer({ result: [debtor('d-1', { block: null })], hasNext: true, offset: '3' }, 2);
    expect(slice).toMatchObject({ ok: true, value: { hasNext: true, nextOffset: 3 } });
    expect(slice.ok && slice.value.debtors[0]).toMatchObject({
      debtorId: 'd-1',
      block: null,
      transferredDebts: { ok: true, value: [{ debtId: 'debt-1', collectionCaseId: 'cc-1', block: BLOCK_UNKNOWN }] },
    });
    expect(mapRunDebtorsAnswer({ result: [], hasNext: true, offset: 50 }, 0)).toMatchObject({ ok: true, value: { nextOffset: 50 } });
    expect(mapRunDebtorsAnswer({ result: [], hasNext: false, offset: '7' }, 7)).toMatchObject({ ok: true, value: { nextOffset: null } });
  });

  it("keeps a debtor whose transferred debts cannot be read, with why, for that field alone to fail", () => {
    const slice = mapRunDebtorsAnswer({ result: [debtor('d-1', { collectionCases: [{ collectionCaseId: 'cc-9', debts: [{ ...debt, currency: '' }] }] })], hasNext: false }, 0);
    expect(slice.ok && slice.value.debtors[0]?.transferredDebts).toEqual({ ok: false, reason: 'collection case cc-9: debt 0: unknown currency' });
  });

  it('refuses a slice that would lose a debtor or its place: no id, no hasNext, an offset that does not move on', () => {
    expect(mapRunDebtorsAnswer({ result: [debtor(null)], hasNext: false }, 0)).toEqual({
      ok: false,
      reason: 'debtor 0 of the slice has no readable debtorId',
    });
    expect(mapRunDebtorsAnswer({ result: [] }, 0)).toEqual({ ok: false, reason: 'no hasNext' });
    expect(mapRunDebtorsAnswer({ result: [debtor('d-1')], hasNext: true, offset: '2' }, 2)).toEqual({
      ok: false,
      reason: 'hasNext without a next offset after this slice',
    });
    expect(mapRunDebtorsAnswer({ result: [debtor('d-1')], hasNext: true }, 0).ok).toBe(false);
  });
});

describe('missingOfReference', () => {
  const payload: CaseUpdatePayload = {
    requestId: 'r',
    debtorId: 'd-1',
    debtorBlock: null,
    agencyCollectionCaseId: 'c-1',
    publicCollectionCaseId: null,
    collectionCaseIds: ['cc-1'],
    closure: null,
    debts: ['debt-a', 'debt-b'].map((debtId) => ({ debtId, originalAmount: '1', canceledAmount: '0', paidAmount: '0', currency: 'EUR', block: null })),
  };

  it('names the debt, the debtor or the case a 404 refers to; the case when it names nothing we sent', () => {
    expect(missingOfReference('debtors[0].agencyCollectionCases[0].debts[1].debtId', payload)).toEqual({ resource: 'Debt', id: 'debt-b' });
    expect(missingOfReference('debtors[0].debtorId', payload)).toEqual({ resource: 'Debtor', id: 'd-1' });
    expect(missingOfReference('debtors[0].agencyCollectionCases[0].agencyCollectionCaseId', payload)).toEqual({ resource: 'DebtCase', id: 'c-1' });
    expect(missingOfReference('debtors[0].agencyCollectionCases[0].debts[5].debtId', payload)).toEqual({ resource: 'DebtCase', id: 'c-1' });
    expect(missingOfReference(null, payload)).toEqual({ resource: 'DebtCase', id: 'c-1' });
  });
});
