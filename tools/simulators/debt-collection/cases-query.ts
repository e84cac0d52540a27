import { MAX_IDS_PER_PARAMETER } from '../../../src/providers/debt-collection/raw';
import { ErrorCode, type SimError } from './errors';

/** A validated cases filter: each list is OR, lists combine with AND; absent = no condition. */
export interface CasesFilter {
  debtorIds?: ReadonlySet<string>;
  collectionCaseIds?: ReadonlySet<string>;
  agencyCollectionCaseIds?: ReadonlySet<string>;
}

/** Outcome of {@link parseCasesQuery}. */
export type CasesQueryResult = { ok: true; filter: CasesFilter } | { ok: false; error: SimError };

/**
 * Reads `GET /debt-collection/cases`. Stricter than needed on purpose: a repeated parameter or an
 * empty id (`debtorId=`, `a,,b`) is refused rather than ignored, so a client bug cannot quietly
 * read less, or more, than it meant. Unknown parameters are ignored.
 */
export function parseCasesQuery(params: URLSearchParams): CasesQueryResult {
  try {
    const filter: CasesFilter = {};
    const debtorIds = idList(params, 'debtorId');
    if (debtorIds !== undefined) filter.debtorIds = debtorIds;
    const collectionCaseIds = idList(params, 'collectionCaseId');
    if (collectionCaseIds !== undefined) filter.collectionCaseIds = collectionCaseIds;
    const agencyIds = idList(params, 'agencyCollectionCaseId');
    if (agencyIds !== undefined) filter.agencyCollectionCaseIds = agencyIds;
    if (Object.keys(filter).length === 0) {
      return fail({
        status: 400,
        errorCode: ErrorCode.missingFilter,
        message: 'At least one of debtorId, collectionCaseId or agencyCollectionCaseId is required.',
      });
    }
    return { ok: true, filter };
  } catch (error) {
    if (error instanceof QueryError) return fail(error.simError);
    throw error;
  }
}

class QueryError extends Error {
  constructor(readonly simError: SimError) {
    super(simError.message);
  }
}

function fail(error: SimError): CasesQueryResult {
  return { ok: false, error };
}

function idList(params: URLSearchParams, name: string): ReadonlySet<string> | undefined {
  const values = params.getAll(name);
  const [value] = values;
  if (value === undefined) return undefined;
  const refuse = (errorCode: string, message: string): QueryError =>
    new QueryError({ status: 400, errorCode, message, reference: name });
  if (values.length > 1) throw refuse(ErrorCode.invalidValue, `${name} must be given once, as a comma-separated list.`);
  const ids = value.split(',');
  if (ids.some((id) => id === '')) throw refuse(ErrorCode.invalidValue, `${name} must not contain empty ids.`);
  if (ids.length > MAX_IDS_PER_PARAMETER) {
    throw refuse(ErrorCode.tooManyIds, `${name} takes at most ${MAX_IDS_PER_PARAMETER} ids.`);
  }
  return new Set(ids);
}
