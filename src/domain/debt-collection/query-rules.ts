/**
 * What makes a `debtCases` query valid, and how its filters combine.
 *
 * Like the provider's cases read: ids within one filter are alternatives (OR), filters given
 * together must all match (AND). No filter at all is an error (BAD_USER_INPUT), never "every
 * case". An empty list is a filter that matches nothing. The graph fetches by one filter
 * (the most selective given: agency case ids, then collection case ids, then debtor ids) in
 * batches of at most 50 ids, and applies the others to what came back.
 */
import { fieldError, type FieldErrorModel } from '../errors';
import { isWireId } from './ids';
import type { CaseKeysModel } from './model';

/** Most ids one filter may list; the graph splits them into provider calls of 50. */
export const MAX_FILTER_IDS = 500;

export interface DebtCasesArgs {
  readonly debtorIds?: readonly string[] | null;
  readonly agencyCollectionCaseIds?: readonly string[] | null;
  readonly collectionCaseIds?: readonly string[] | null;
}

type FilterName = keyof DebtCasesArgs;

/** Fetch order: the filter that selects fewest cases per id first. */
const FETCH_ORDER: readonly FilterName[] = ['agencyCollectionCaseIds', 'collectionCaseIds', 'debtorIds'];

export interface DebtCasesFilter {
  /** The filter to fetch by, and its ids without repeats, in the caller's order. */
  readonly fetchBy: FilterName;
  readonly ids: readonly string[];
  /** Every filter given, for {@link matchesFilter}. */
  readonly sets: Readonly<Partial<Record<FilterName, ReadonlySet<string>>>>;
}

export type DebtCasesCheck =
  | { readonly ok: true; readonly filter: DebtCasesFilter }
  | { readonly ok: false; readonly fieldErrors: readonly FieldErrorModel[] };

/** The filter to run, or the arguments' problems (BAD_USER_INPUT). */
export function checkDebtCases(args: DebtCasesArgs): DebtCasesCheck {
  const errors: FieldErrorModel[] = [];
  const given = FETCH_ORDER.filter((name) => args[name] != null);
  if (given.length === 0) {
    errors.push(
      fieldError([], 'FILTER_REQUIRED', 'Give at least one of debtorIds, agencyCollectionCaseIds, collectionCaseIds.'),
    );
  }
  for (const name of given) {
    const ids = args[name] ?? [];
    if (ids.length > MAX_FILTER_IDS) {
      errors.push(fieldError([name], 'TOO_MANY', `At most ${MAX_FILTER_IDS} ids.`));
    }
    ids.forEach((id, index) => {
      if (!isWireId(id)) {
        errors.push(fieldError([name, String(index)], 'INVALID_FORMAT', 'An id is 1 to 200 characters, without commas.'));
      }
    });
  }
  const fetchBy = given[0];
  if (errors.length > 0 || fetchBy === undefined) return { ok: false, fieldErrors: errors };

  const sets: Partial<Record<FilterName, ReadonlySet<string>>> = {};
  for (const name of given) sets[name] = new Set(args[name]);
  return { ok: true, filter: { fetchBy, ids: [...new Set(args[fetchBy])], sets } };
}

/**
 * True when the case matches every filter given (AND), each by any of its ids (OR). By its keys,
 * so a case that could not be read is filtered like the others (and then fails in its place).
 */
export function matchesFilter(debtCase: CaseKeysModel, filter: DebtCasesFilter): boolean {
  const { debtorIds, agencyCollectionCaseIds, collectionCaseIds } = filter.sets;
  if (debtorIds && !debtorIds.has(debtCase.debtorId)) return false;
  if (agencyCollectionCaseIds && !agencyCollectionCaseIds.has(debtCase.agencyCollectionCaseId)) return false;
  if (collectionCaseIds && !debtCase.collectionCaseIds.some((id) => collectionCaseIds.has(id))) return false;
  return true;
}
