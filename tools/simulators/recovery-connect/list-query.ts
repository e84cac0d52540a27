import { parseDigits } from '../common/guards';
import { attributeName, type ValidationErrors } from './errors';
import type { AssignmentFilter } from './store';

/** A validated `GET /api/v150/assignments` query. */
export interface ListQuery {
  filter: AssignmentFilter;
  page: number;
  perPage: number;
}

/** Outcome of {@link parseListQuery}. */
export type ListQueryResult = { ok: true; query: ListQuery } | { ok: false; errors: ValidationErrors };

export const DEFAULT_PER_PAGE = 250;
const MAX_PER_PAGE = 250;

/**
 * Reads filters and paging. Stricter than a lenient Laravel controller on purpose: an empty or
 * repeated parameter is refused (422) rather than ignored, so a client bug such as `ids=` for an
 * empty batch cannot quietly fetch every assignment. Unknown parameters are ignored.
 */
export function parseListQuery(params: URLSearchParams): ListQueryResult {
  const errors: ValidationErrors = {};
  const filter: AssignmentFilter = {};

  const ids = single(params, 'ids', errors);
  if (ids !== undefined) {
    const parsed = ids.split(',').map(parseDigits);
    if (parsed.every((id) => id !== undefined)) filter.ids = parsed;
    else errors['ids'] = ['The ids must be a comma-separated list of integers.'];
  }
  const acctNo = single(params, 'acct_no', errors);
  if (acctNo !== undefined) filter.acctNo = acctNo;
  const status = integer(params, 'status', 0, undefined, errors);
  if (status !== undefined) filter.status = status;
  const clientId = integer(params, 'client_id', 0, undefined, errors);
  if (clientId !== undefined) filter.clientId = clientId;
  const ownerId = integer(params, 'owner_id', 0, undefined, errors);
  if (ownerId !== undefined) filter.ownerId = ownerId;
  const page = integer(params, 'page', 1, undefined, errors) ?? 1;
  const perPage = integer(params, 'per_page', 1, MAX_PER_PAGE, errors) ?? DEFAULT_PER_PAGE;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, query: { filter, page, perPage } };
}

/** The parameter's only value; records an error for empty or repeated values. */
function single(params: URLSearchParams, name: string, errors: ValidationErrors): string | undefined {
  const values = params.getAll(name);
  const [value] = values;
  if (value === undefined) return undefined;
  if (values.length > 1) errors[name] = [`The ${attributeName(name)} must be given once.`];
  else if (value === '') errors[name] = [`The ${attributeName(name)} must not be empty.`];
  else return value;
  return undefined;
}

function integer(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number | undefined,
  errors: ValidationErrors,
): number | undefined {
  const text = single(params, name, errors);
  if (text === undefined) return undefined;
  const value = parseDigits(text);
  const label = attributeName(name);
  if (value === undefined) errors[name] = [`The ${label} must be an integer.`];
  else if (value < min || (max !== undefined && value > max)) {
    errors[name] = [max === undefined ? `The ${label} must be at least ${String(min)}.` : `The ${label} must be between ${String(min)} and ${String(max)}.`];
  } else return value;
  return undefined;
}
