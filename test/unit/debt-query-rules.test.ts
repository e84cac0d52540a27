import type { CaseKeysModel } from '../../src/domain/debt-collection/model';
import { checkDebtCases, matchesFilter, type DebtCasesArgs } from '../../src/domain/debt-collection/query-rules';

function filterOf(args: DebtCasesArgs) {
  const check = checkDebtCases(args);
  if (!check.ok) throw new Error(`expected the filter to pass, got ${JSON.stringify(check.fieldErrors)}`);
  return check.filter;
}

function problems(args: DebtCasesArgs) {
  const check = checkDebtCases(args);
  if (check.ok) throw new Error('expected the filter to be refused');
  return check.fieldErrors.map(({ path, code }) => ({ path, code }));
}

// By keys: a case that could not be read is filtered like the others.
const debtCase: CaseKeysModel = {
  agencyCollectionCaseId: 'agency-id-124',
  collectionCaseIds: ['cc-1', 'cc-2'],
  debtorId: '2334546',
};

describe('checkDebtCases', () => {
  it('refuses a query without any filter (null counts as none)', () => {
    expect(problems({})).toEqual([{ path: [], code: 'FILTER_REQUIRED' }]);
    expect(problems({ debtorIds: null })).toEqual([{ path: [], code: 'FILTER_REQUIRED' }]);
  });

  it('fetches by agency case ids, then collection case ids, then debtor ids', () => {
    expect(filterOf({ debtorIds: ['d'], collectionCaseIds: ['cc'], agencyCollectionCaseIds: ['a'] }).fetchBy).toBe('agencyCollectionCaseIds');
    expect(filterOf({ debtorIds: ['d'], collectionCaseIds: ['cc'] }).fetchBy).toBe('collectionCaseIds');
    expect(filterOf({ debtorIds: ['d'] }).fetchBy).toBe('debtorIds');
  });

  it('drops repeated ids but keeps the order', () => {
    expect(filterOf({ agencyCollectionCaseIds: ['b', 'a', 'b'] }).ids).toEqual(['b', 'a']);
  });

  it('accepts an empty list as a filter that matches nothing', () => {
    expect(filterOf({ debtorIds: [] }).ids).toEqual([]);
  });

  it('refuses ids with commas or blank, and more than 500 ids', () => {
    expect(problems({ debtorIds: ['1', '2,3', ' '] })).toEqual([
      { path: ['debtorIds', '1'], code: 'INVALID_FORMAT' },
      { path: ['debtorIds', '2'], code: 'INVALID_FORMAT' },
    ]);
    expect(problems({ collectionCaseIds: Array.from({ length: 501 }, (_, index) => `cc-${index}`) })).toEqual([
      { path: ['collectionCaseIds'], code: 'TOO_MANY' },
    ]);
  });
});

describe('matchesFilter', () => {
  it('needs every filter given to match (AND), each by any of its ids (OR)', () => {
    expect(matchesFilter(debtCase, filterOf({ agencyCollectionCaseIds: ['agency-id-124'], debtorIds: ['2334546', 'x'] }))).toBe(true);
    expect(matchesFilter(debtCase, filterOf({ agencyCollectionCaseIds: ['agency-id-124'], debtorIds: ['x'] }))).toBe(false);
    expect(matchesFilter(debtCase, filterOf({ debtorIds: ['2334546'], collectionCaseIds: ['cc-2'] }))).toBe(true);
    expect(matchesFilter(debtCase, filterOf({ debtorIds: ['2334546'], collectionCaseIds: ['cc-3'] }))).toBe(false);
  });
});
