import { checkSetCdcStatus } from '../../src/domain/cdc/set-status-rules';

const CODE = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';

function problems(input: Parameters<typeof checkSetCdcStatus>[0]['input']): { path: readonly string[]; code: string }[] {
  const result = checkSetCdcStatus({ input });
  if (result.ok) throw new Error(`expected the input to be refused, got ${JSON.stringify(result)}`);
  return result.fieldErrors.map(({ path, code }) => ({ path, code }));
}

describe('checkSetCdcStatus', () => {
  it('passes a valid input through, the observation as written', () => {
    expect(checkSetCdcStatus({ input: { code: CODE, status: 'ANALYSIS', observation: ' sent to analysis ' } })).toEqual({
      ok: true,
      request: { code: CODE, status: 'ANALYSIS', observation: ' sent to analysis ' },
    });
  });

  it('treats a null observation like a missing one', () => {
    expect(checkSetCdcStatus({ input: { code: CODE, status: 'ANALYSIS', observation: null } })).toStrictEqual({
      ok: true,
      request: { code: CODE, status: 'ANALYSIS' },
    });
  });

  it('counts the observation in code points, so 500 emoji pass and 501 do not', () => {
    expect(checkSetCdcStatus({ input: { code: CODE, status: 'TYPING', observation: '📄'.repeat(500) } }).ok).toBe(true);
    expect(problems({ code: CODE, status: 'TYPING', observation: '📄'.repeat(501) })).toEqual([
      { path: ['input', 'observation'], code: 'TOO_LONG' },
    ]);
  });

  it('refuses a blank observation', () => {
    expect(problems({ code: CODE, status: 'TYPING', observation: ' \n ' })).toEqual([{ path: ['input', 'observation'], code: 'BLANK' }]);
  });

  it.each(['', ' ', 'a b', 'a/../b', 'x'.repeat(65), '-leading-dash', 'código'])('refuses the code %j', (code) => {
    expect(problems({ code, status: 'TYPING' })).toEqual([{ path: ['input', 'code'], code: 'INVALID_FORMAT' }]);
  });

  it('reports every problem at once', () => {
    expect(problems({ code: '', status: 'TYPING', observation: '' })).toEqual([
      { path: ['input', 'code'], code: 'INVALID_FORMAT' },
      { path: ['input', 'observation'], code: 'BLANK' },
    ]);
  });
});
