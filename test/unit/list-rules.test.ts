import {
  checkAssignmentList,
  DEFAULT_PER_PAGE,
  MAX_FILTER_IDS,
  MAX_PER_PAGE,
  type AssignmentListArgs,
} from '../../src/domain/assignment/list-rules';

function problems(args: AssignmentListArgs): { path: readonly string[]; code: string }[] {
  const result = checkAssignmentList(args);
  if (result.ok) throw new Error(`expected the request to be refused, got ${JSON.stringify(result)}`);
  return result.fieldErrors.map(({ path, code }) => ({ path, code }));
}

function accepted(args: AssignmentListArgs) {
  const result = checkAssignmentList(args);
  if (!result.ok) throw new Error(`expected the request to pass, got ${JSON.stringify(result.fieldErrors)}`);
  return result;
}

/** `count` distinct valid ids. */
function ids(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(57074903 + i));
}

describe('checkAssignmentList', () => {
  it('exports the documented limits', () => {
    expect(MAX_PER_PAGE).toBe(250);
    expect(DEFAULT_PER_PAGE).toBe(50);
    expect(MAX_FILTER_IDS).toBe(250);
  });

  it('defaults to page 1 of 50 with no filter', () => {
    expect(checkAssignmentList({})).toStrictEqual({ ok: true, page: 1, perPage: 50, filter: {} });
  });

  it('uses the defaults for explicit nulls too', () => {
    expect(checkAssignmentList({ page: null, perPage: null, filter: null })).toStrictEqual({
      ok: true,
      page: 1,
      perPage: 50,
      filter: {},
    });
  });

  it('refuses perPage 0 instead of capping it', () => {
    expect(problems({ perPage: 0 })).toStrictEqual([{ path: ['perPage'], code: 'OUT_OF_RANGE' }]);
  });

  it('refuses perPage 251 instead of capping it', () => {
    expect(problems({ perPage: 251 })).toStrictEqual([{ path: ['perPage'], code: 'OUT_OF_RANGE' }]);
  });

  it('refuses a negative perPage', () => {
    expect(problems({ perPage: -1 })).toStrictEqual([{ path: ['perPage'], code: 'OUT_OF_RANGE' }]);
  });

  it('accepts perPage 1 and 250', () => {
    expect(accepted({ perPage: 1 }).perPage).toBe(1);
    expect(accepted({ perPage: 250 }).perPage).toBe(250);
  });

  it('refuses page 0 and negative pages', () => {
    expect(problems({ page: 0 })).toStrictEqual([{ path: ['page'], code: 'OUT_OF_RANGE' }]);
    expect(problems({ page: -2 })).toStrictEqual([{ path: ['page'], code: 'OUT_OF_RANGE' }]);
  });

  it('passes the page asked for', () => {
    expect(accepted({ page: 7, perPage: 20 })).toStrictEqual({ ok: true, page: 7, perPage: 20, filter: {} });
  });

  it('refuses 251 ids as TOO_MANY', () => {
    expect(problems({ filter: { ids: ids(251) } })).toStrictEqual([{ path: ['filter', 'ids'], code: 'TOO_MANY' }]);
  });

  it('accepts 250 ids', () => {
    expect(accepted({ filter: { ids: ids(250) } }).filter.ids).toHaveLength(250);
  });

  it('points at the index of a bad id', () => {
    expect(problems({ filter: { ids: ['1', '2', 'abc', '4'] } })).toStrictEqual([
      { path: ['filter', 'ids', '2'], code: 'INVALID_FORMAT' },
    ]);
  });

  it('reports every bad id at its own index', () => {
    expect(problems({ filter: { ids: ['0', '2', '-3', ''] } })).toStrictEqual([
      { path: ['filter', 'ids', '0'], code: 'INVALID_FORMAT' },
      { path: ['filter', 'ids', '2'], code: 'INVALID_FORMAT' },
      { path: ['filter', 'ids', '3'], code: 'INVALID_FORMAT' },
    ]);
  });

  it.each(['x', '0', '-1', '1.5', ''])('refuses the clientId %j', (clientId) => {
    expect(problems({ filter: { clientId } })).toStrictEqual([{ path: ['filter', 'clientId'], code: 'INVALID_FORMAT' }]);
  });

  it('refuses a bad ownerId', () => {
    expect(problems({ filter: { ownerId: 'owner' } })).toStrictEqual([{ path: ['filter', 'ownerId'], code: 'INVALID_FORMAT' }]);
  });

  it('refuses a negative status filter', () => {
    expect(problems({ filter: { status: -1 } })).toStrictEqual([{ path: ['filter', 'status'], code: 'OUT_OF_RANGE' }]);
  });

  it('reports several problems together', () => {
    const found = problems({ page: 0, perPage: 500, filter: { ids: ['1', 'x'], clientId: 'y', status: -1 } });
    expect(found).toHaveLength(5);
    expect(found).toEqual(
      expect.arrayContaining([
        { path: ['page'], code: 'OUT_OF_RANGE' },
        { path: ['perPage'], code: 'OUT_OF_RANGE' },
        { path: ['filter', 'ids', '1'], code: 'INVALID_FORMAT' },
        { path: ['filter', 'clientId'], code: 'INVALID_FORMAT' },
        { path: ['filter', 'status'], code: 'OUT_OF_RANGE' },
      ]),
    );
  });

  it('passes only the filter keys that are present', () => {
    expect(accepted({ filter: { clientId: '10004' } }).filter).toStrictEqual({ clientId: '10004' });
  });

  it('leaves out filter keys given as null', () => {
    expect(
      accepted({ filter: { ids: null, status: null, clientId: null, ownerId: null, accountNumber: null } }).filter,
    ).toStrictEqual({});
  });

  it('keeps a status filter of 0', () => {
    expect(accepted({ filter: { status: 0 } }).filter).toStrictEqual({ status: 0 });
  });

  it('passes every valid filter key', () => {
    expect(
      accepted({
        filter: { ids: ['57074903', '57074905'], status: 1, clientId: '10004', ownerId: '10001', accountNumber: 'ACC-99120' },
      }).filter,
    ).toStrictEqual({
      ids: ['57074903', '57074905'],
      status: 1,
      clientId: '10004',
      ownerId: '10001',
      accountNumber: 'ACC-99120',
    });
  });
});
