import { checkAssignmentUpdate, type UpdateAssignmentArgs } from '../../src/domain/assignment/update-rules';

type Input = UpdateAssignmentArgs['input'];

/** The (path, code) pairs of a refused update; fails the test when the update was accepted. */
function problems(args: UpdateAssignmentArgs): { path: readonly string[]; code: string }[] {
  const result = checkAssignmentUpdate(args);
  if (result.ok) throw new Error(`expected the update to be refused, got ${JSON.stringify(result)}`);
  return result.fieldErrors.map(({ path, code }) => ({ path, code }));
}

function patchOf(input: Input, id = '57074903') {
  const result = checkAssignmentUpdate({ id, input });
  if (!result.ok) throw new Error(`expected the update to pass, got ${JSON.stringify(result.fieldErrors)}`);
  return result;
}

describe('checkAssignmentUpdate', () => {
  it('counts the status note in characters, so 1000 emoji are allowed', () => {
    expect(patchOf({ statusNote: '🚗'.repeat(1000) }).patch).toStrictEqual({ statusNote: '🚗'.repeat(1000) });
    expect(problems({ id: '57074903', input: { statusNote: '🚗'.repeat(1001) } })).toEqual([
      { path: ['input', 'statusNote'], code: 'TOO_LONG' },
    ]);
  });

  it('treats a field set to undefined as absent, so an all-undefined input is empty', () => {
    expect(problems({ id: '57074903', input: { statusNote: undefined } })).toEqual([{ path: ['input'], code: 'EMPTY_INPUT' }]);
  });

  it('refuses an empty input with one EMPTY_INPUT error on ["input"]', () => {
    expect(problems({ id: '1', input: {} })).toStrictEqual([{ path: ['input'], code: 'EMPTY_INPUT' }]);
  });

  it('refuses an explicit null, which the provider cannot apply', () => {
    expect(problems({ id: '1', input: { statusNote: null } })).toStrictEqual([
      { path: ['input', 'statusNote'], code: 'NULL_NOT_ALLOWED' },
    ]);
  });

  it('refuses explicit nulls on every field, each at its own path', () => {
    expect(problems({ id: '1', input: { orderType: null, status: null, statusNote: null, collectorId: null } })).toEqual(
      expect.arrayContaining([
        { path: ['input', 'orderType'], code: 'NULL_NOT_ALLOWED' },
        { path: ['input', 'status'], code: 'NULL_NOT_ALLOWED' },
        { path: ['input', 'statusNote'], code: 'NULL_NOT_ALLOWED' },
        { path: ['input', 'collectorId'], code: 'NULL_NOT_ALLOWED' },
      ]),
    );
  });

  it('refuses a negative orderType', () => {
    expect(problems({ id: '1', input: { orderType: -1 } })).toStrictEqual([
      { path: ['input', 'orderType'], code: 'OUT_OF_RANGE' },
    ]);
  });

  it('refuses a negative status', () => {
    expect(problems({ id: '1', input: { status: -3 } })).toStrictEqual([{ path: ['input', 'status'], code: 'OUT_OF_RANGE' }]);
  });

  it.each(['', ' ', '\n\t  '])('refuses the blank statusNote %j', (statusNote) => {
    expect(problems({ id: '1', input: { statusNote } })).toStrictEqual([{ path: ['input', 'statusNote'], code: 'BLANK' }]);
  });

  it('refuses a statusNote of 1001 characters', () => {
    expect(problems({ id: '1', input: { statusNote: 'a'.repeat(1001) } })).toStrictEqual([
      { path: ['input', 'statusNote'], code: 'TOO_LONG' },
    ]);
  });

  it('accepts a statusNote of exactly 1000 characters', () => {
    const statusNote = 'a'.repeat(1000);
    expect(patchOf({ statusNote }).patch).toStrictEqual({ statusNote });
  });

  it.each(['abc', '0', '-5', '', '1.5', '01', ' 7', '1e3', '12345678901234567'])(
    'refuses the collectorId %j',
    (collectorId) => {
      expect(problems({ id: '1', input: { collectorId } })).toStrictEqual([
        { path: ['input', 'collectorId'], code: 'INVALID_FORMAT' },
      ]);
    },
  );

  it.each(['abc', '0', '-1', '', '1.0'])('refuses the assignment id %j at ["id"]', (id) => {
    expect(problems({ id, input: { status: 1 } })).toStrictEqual([{ path: ['id'], code: 'INVALID_FORMAT' }]);
  });

  it('reports several problems together', () => {
    const found = problems({
      id: 'abc',
      input: { orderType: -1, status: null, statusNote: '   ', collectorId: '0' },
    });
    expect(found).toHaveLength(5);
    expect(found).toEqual(
      expect.arrayContaining([
        { path: ['id'], code: 'INVALID_FORMAT' },
        { path: ['input', 'orderType'], code: 'OUT_OF_RANGE' },
        { path: ['input', 'status'], code: 'NULL_NOT_ALLOWED' },
        { path: ['input', 'statusNote'], code: 'BLANK' },
        { path: ['input', 'collectorId'], code: 'INVALID_FORMAT' },
      ]),
    );
  });

  it('reports a bad id together with an empty input', () => {
    expect(problems({ id: 'x', input: {} })).toEqual(
      expect.arrayContaining([
        { path: ['id'], code: 'INVALID_FORMAT' },
        { path: ['input'], code: 'EMPTY_INPUT' },
      ]),
    );
  });

  it('gives every error a message', () => {
    const result = checkAssignmentUpdate({ id: 'x', input: { status: -1 } });
    expect(result.ok).toBe(false);
    if (!result.ok) for (const error of result.fieldErrors) expect(error.message.trim()).not.toBe('');
  });

  it('passes the id and a patch with only the present keys', () => {
    expect(patchOf({ status: 3 }, '57074903')).toStrictEqual({ ok: true, id: '57074903', patch: { status: 3 } });
  });

  it('keeps an orderType of 0 in the patch', () => {
    expect(patchOf({ orderType: 0 }).patch).toStrictEqual({ orderType: 0 });
  });

  it('keeps a status of 0 in the patch', () => {
    expect(patchOf({ status: 0 }).patch).toStrictEqual({ status: 0 });
  });

  it('passes every field when all are valid', () => {
    expect(patchOf({ orderType: 2, status: 1, statusNote: 'Called the debtor.', collectorId: '83268' }).patch).toStrictEqual({
      orderType: 2,
      status: 1,
      statusNote: 'Called the debtor.',
      collectorId: '83268',
    });
  });

  it('passes a collectorId of 16 digits, the longest id allowed', () => {
    expect(patchOf({ collectorId: '1234567890123456' }).patch).toStrictEqual({ collectorId: '1234567890123456' });
  });
});
