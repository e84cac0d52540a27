import fixture from '../../tools/simulators/fixtures/cdc.json';
import { mapAssignment, mapOperation, mapStatusChange } from '../../src/providers/cdc/mapping';

const FIRST = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';
const PLACE = 'item 1 of the assignment list';

/** A fresh copy of fixture assignment `code`, so a test may change it freely. */
function seed(code: string): Record<string, unknown> {
  const found = fixture.assignments.find((assignment) => assignment.code === code);
  if (!found) throw new Error(`fixture assignment ${code} is missing`);
  return structuredClone(found);
}

describe('CDC mapping', () => {
  it('maps the fixture assignment, Brasília time to UTC and amounts to exact decimals', () => {
    expect(mapAssignment(seed(FIRST), PLACE)).toEqual({
      code: FIRST,
      number: 1001,
      status: 'TYPING',
      purchaser: { name: 'Fundo Recupera FIDC', document: '12345678000199' },
      saleAmount: '15420.5',
      discountAmount: '2775.69',
      // 09:00 in Brasília (UTC−03:00) is 12:00 UTC.
      createdAt: '2026-10-01T12:00:00.000Z',
      operations: null,
    });
  });

  it('keeps a timestamp that carries its own zone as written', () => {
    const raw = { ...seed(FIRST), created_at: '2026-10-01T09:00:00Z' };
    expect(mapAssignment(raw, PLACE)).toMatchObject({ createdAt: '2026-10-01T09:00:00.000Z' });
  });

  it('reads null and non-numeric amounts as null, never as zero', () => {
    const raw = { ...seed(FIRST), assignment_sale_amount: null, assignment_discount_amount: 'abc' };
    expect(mapAssignment(raw, PLACE)).toMatchObject({ saleAmount: null, discountAmount: null });
    expect(mapAssignment({ ...seed(FIRST), assignment_discount_amount: 0 }, PLACE)).toMatchObject({ discountAmount: '0' });
  });

  it('names an assignment with a status number the seed does not list as unreadable, without personal data', () => {
    const mapped = mapAssignment({ ...seed(FIRST), number_status: 12 }, PLACE);
    expect(mapped).toEqual({ kind: 'unreadable', provider: 'CDC', record: `assignment ${FIRST}`, reason: 'unknown status number 12' });
    expect(JSON.stringify(mapped)).not.toContain('Fundo');
    expect(JSON.stringify(mapped)).not.toContain('12345678000199');
  });

  it.each([
    ['code', null, PLACE, 'no code'],
    ['number_status', 'two', `assignment ${FIRST}`, 'no number_status'],
    ['number_status', null, `assignment ${FIRST}`, 'no number_status'],
  ])('cannot show an assignment whose %s is %j', (field, value, record, reason) => {
    expect(mapAssignment({ ...seed(FIRST), [field]: value }, PLACE)).toEqual({ kind: 'unreadable', provider: 'CDC', record, reason });
  });

  it.each([
    ['number_assignment', 'x', { number: null }],
    ['created_at', '2026-02-31 09:00:00', { createdAt: null }],
    ['created_at', '0000-00-00 00:00:00', { createdAt: null }],
    ['name_purchaser', '', { purchaser: { name: null, document: '12345678000199' } }],
    ['document_purchaser', null, { purchaser: { name: 'Fundo Recupera FIDC', document: null } }],
  ])('shows an assignment whose %s is %j, with that field null', (field, value, expected) => {
    expect(mapAssignment({ ...seed(FIRST), [field]: value }, PLACE)).toMatchObject({ code: FIRST, status: 'TYPING', ...expected });
  });

  it('has no purchaser when neither a name nor a document came', () => {
    expect(mapAssignment({ ...seed(FIRST), name_purchaser: 'N/A', document_purchaser: '' }, PLACE)).toMatchObject({ purchaser: null });
  });

  it('names what is not an object by its place', () => {
    expect(mapAssignment('junk', PLACE)).toEqual({ kind: 'unreadable', provider: 'CDC', record: PLACE, reason: 'not an object' });
  });

  it('maps an operation with its entry date and exact amounts', () => {
    const raw = (seed(FIRST).operations as unknown[])[1];
    expect(mapOperation(raw, FIRST, 1)).toEqual({
      code: '5b0e8c1a-2f4d-4a51-9c1e-000000009001',
      number: 'OP-1001-2',
      financedAmount: '9805.5',
      assignmentAmount: '8040.51',
      entryDate: '2026-02-10',
    });
  });

  it('names an operation without a code by its place in its assignment', () => {
    expect(mapOperation({ number_operation: 'OP-1' }, FIRST, 2)).toEqual({
      kind: 'unreadable',
      provider: 'CDC',
      record: `operation 3 of assignment ${FIRST}`,
      reason: 'no code',
    });
  });

  it('maps a status change; an empty observation is null, a written one kept as it is', () => {
    expect(mapStatusChange({ number_status: 2, observation: '', created_at: '2026-10-02 10:30:00' }, FIRST, 0)).toEqual({
      status: 'ANALYSIS',
      observation: null,
      changedAt: '2026-10-02T13:30:00.000Z',
    });
    expect(mapStatusChange({ number_status: 8, observation: ' Duplicada ', created_at: '2026-10-02 23:30:00' }, FIRST, 0)).toEqual({
      status: 'CANCELLED',
      observation: ' Duplicada ',
      changedAt: '2026-10-03T02:30:00.000Z',
    });
  });

  it('maps a list item by item, each unreadable entry named in its place', () => {
    const items = [
      { number_status: 1, observation: '', created_at: '2026-10-01 09:00:00' },
      { number_status: 0, observation: '', created_at: '2026-10-01 09:00:00' },
      { number_status: '2', observation: '', created_at: 'yesterday' },
    ];
    expect(items.map((item, index) => mapStatusChange(item, FIRST, index))).toEqual([
      { status: 'TYPING', observation: null, changedAt: '2026-10-01T12:00:00.000Z' },
      { kind: 'unreadable', provider: 'CDC', record: `status change 2 of assignment ${FIRST}`, reason: 'unknown status number 0' },
      { status: 'ANALYSIS', observation: null, changedAt: null },
    ]);
  });
});
