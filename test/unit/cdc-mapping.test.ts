import fixture from '../../fixtures/cdc.json';
import { mapAll, mapAssignment, mapOperation, mapStatusChange } from '../../src/providers/cdc/mapping';

const FIRST = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';

/** A fresh copy of fixture assignment `code`, so a test may change it freely. */
function seed(code: string): Record<string, unknown> {
  const found = fixture.assignments.find((assignment) => assignment.code === code);
  if (!found) throw new Error(`fixture assignment ${code} is missing`);
  return structuredClone(found);
}

describe('CDC mapping', () => {
  it('maps the fixture assignment, Brasília time to UTC and amounts to exact decimals', () => {
    expect(mapAssignment(seed(FIRST))).toEqual({
      ok: true,
      value: {
        code: FIRST,
        number: 1001,
        status: 'TYPING',
        purchaser: { name: 'Fundo Recupera FIDC', document: '12345678000199' },
        saleAmount: '15420.5',
        discountAmount: '2775.69',
        // 09:00 in Brasília (UTC−03:00) is 12:00 UTC.
        createdAt: '2026-10-01T12:00:00.000Z',
        operations: null,
      },
    });
  });

  it('keeps a timestamp that carries its own zone as written', () => {
    const raw = { ...seed(FIRST), created_at: '2026-10-01T09:00:00Z' };
    expect(mapAssignment(raw)).toMatchObject({ ok: true, value: { createdAt: '2026-10-01T09:00:00.000Z' } });
  });

  it('reads null and non-numeric amounts as null, never as zero', () => {
    const raw = { ...seed(FIRST), assignment_sale_amount: null, assignment_discount_amount: 'abc' };
    expect(mapAssignment(raw)).toMatchObject({ ok: true, value: { saleAmount: null, discountAmount: null } });
    expect(mapAssignment({ ...seed(FIRST), assignment_discount_amount: 0 })).toMatchObject({ value: { discountAmount: '0' } });
  });

  it('leaves out an assignment with a status number the seed does not list, saying why without personal data', () => {
    const mapped = mapAssignment({ ...seed(FIRST), number_status: 12 });
    expect(mapped).toEqual({
      ok: false,
      skipped: { kind: 'assignment', assignmentCode: FIRST, reason: 'unknown status number 12' },
    });
    expect(JSON.stringify(mapped)).not.toContain('Fundo');
    expect(JSON.stringify(mapped)).not.toContain('12345678000199');
  });

  it.each([
    ['code', null, 'no code'],
    ['number_status', '2', 'no number_status'],
    ['number_assignment', 'x', 'no number_assignment'],
    ['created_at', '2026-02-31 09:00:00', 'unreadable created_at'],
    ['name_purchaser', '', 'no purchaser name or document'],
    ['document_purchaser', null, 'no purchaser name or document'],
  ])('leaves out an assignment whose %s is %j', (field, value, reason) => {
    const mapped = mapAssignment({ ...seed(FIRST), [field]: value });
    expect(mapped).toMatchObject({ ok: false, skipped: { kind: 'assignment', reason } });
  });

  it('leaves out what is not an object', () => {
    expect(mapAssignment('junk')).toEqual({ ok: false, skipped: { kind: 'assignment', assignmentCode: null, reason: 'not an object' } });
  });

  it('maps an operation with its entry date and exact amounts', () => {
    const raw = (seed(FIRST).operations as unknown[])[1];
    expect(mapOperation(raw, FIRST)).toEqual({
      ok: true,
      value: {
        code: '5b0e8c1a-2f4d-4a51-9c1e-000000009001',
        number: 'OP-1001-2',
        financedAmount: '9805.5',
        assignmentAmount: '8040.51',
        entryDate: '2026-02-10',
      },
    });
  });

  it('maps a status change; an empty observation is null, a written one kept as it is', () => {
    expect(mapStatusChange({ number_status: 2, observation: '', created_at: '2026-10-02 10:30:00' }, FIRST)).toEqual({
      ok: true,
      value: { status: 'ANALYSIS', observation: null, changedAt: '2026-10-02T13:30:00.000Z' },
    });
    expect(mapStatusChange({ number_status: 8, observation: ' Duplicada ', created_at: '2026-10-02 23:30:00' }, FIRST)).toEqual({
      ok: true,
      value: { status: 'CANCELLED', observation: ' Duplicada ', changedAt: '2026-10-03T02:30:00.000Z' },
    });
  });

  it('maps a list item by item, leaving out and listing what it cannot show', () => {
    const items = [
      { number_status: 1, observation: '', created_at: '2026-10-01 09:00:00' },
      { number_status: 0, observation: '', created_at: '2026-10-01 09:00:00' },
      { number_status: 2, observation: '', created_at: 'yesterday' },
    ];
    expect(mapAll(items, (item) => mapStatusChange(item, FIRST))).toEqual({
      values: [{ status: 'TYPING', observation: null, changedAt: '2026-10-01T12:00:00.000Z' }],
      skipped: [
        { kind: 'statusChange', assignmentCode: FIRST, reason: 'unknown status number 0' },
        { kind: 'statusChange', assignmentCode: FIRST, reason: 'unreadable created_at' },
      ],
    });
  });
});
