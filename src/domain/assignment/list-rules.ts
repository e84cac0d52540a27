/**
 * What makes an assignment list request valid. Limits are errors, never silent caps: a client
 * asking for 500 a page must learn it gets at most 250.
 */
import { fieldError, type FieldErrorModel } from '../errors';
import { isProviderId } from './ids';
import type { AssignmentFilterModel } from './model';

export const MAX_PER_PAGE = 250;
export const DEFAULT_PER_PAGE = 50;
export const MAX_FILTER_IDS = 250;
export const MAX_ACCOUNT_NUMBER_LENGTH = 64;

/**
 * An account number to filter by, held to the same rules as ids: not blank, at most 64
 * characters, no control characters. Anything else is refused, never sent to the provider (an
 * empty one would be an empty filter there).
 */
export function isAccountNumber(value: string): boolean {
  return value.trim() !== '' && value.length <= MAX_ACCOUNT_NUMBER_LENGTH && !/\p{Cc}/u.test(value);
}

export interface AssignmentListArgs {
  readonly filter?: {
    readonly ids?: readonly string[] | null;
    readonly status?: number | null;
    readonly clientId?: string | null;
    readonly ownerId?: string | null;
    readonly accountNumber?: string | null;
  } | null;
  readonly page?: number | null;
  readonly perPage?: number | null;
}

export type ListCheck =
  | { readonly ok: true; readonly filter: AssignmentFilterModel; readonly page: number; readonly perPage: number }
  | { readonly ok: false; readonly fieldErrors: readonly FieldErrorModel[] };

export function checkAssignmentList(args: AssignmentListArgs): ListCheck {
  const errors: FieldErrorModel[] = [];
  const page = args.page ?? 1;
  const perPage = args.perPage ?? DEFAULT_PER_PAGE;
  const filter = args.filter ?? {};

  if (page < 1) errors.push(fieldError(['page'], 'OUT_OF_RANGE', 'Pages start at 1.'));
  if (perPage < 1 || perPage > MAX_PER_PAGE) {
    errors.push(fieldError(['perPage'], 'OUT_OF_RANGE', `perPage is 1 to ${MAX_PER_PAGE}.`));
  }
  const ids = filter.ids ?? undefined;
  if (ids && ids.length > MAX_FILTER_IDS) {
    errors.push(fieldError(['filter', 'ids'], 'TOO_MANY', `At most ${MAX_FILTER_IDS} ids.`));
  }
  ids?.forEach((id, index) => {
    if (!isProviderId(id)) {
      errors.push(fieldError(['filter', 'ids', String(index)], 'INVALID_FORMAT', 'An assignment id is a positive whole number.'));
    }
  });
  for (const key of ['clientId', 'ownerId'] as const) {
    const value = filter[key];
    if (typeof value === 'string' && !isProviderId(value)) {
      errors.push(fieldError(['filter', key], 'INVALID_FORMAT', 'An id is a positive whole number.'));
    }
  }
  if (typeof filter.accountNumber === 'string' && !isAccountNumber(filter.accountNumber)) {
    errors.push(
      fieldError(['filter', 'accountNumber'], 'INVALID_FORMAT', `An account number is 1 to ${MAX_ACCOUNT_NUMBER_LENGTH} characters, not blank, without control characters.`),
    );
  }
  if (typeof filter.status === 'number' && filter.status < 0) {
    errors.push(fieldError(['filter', 'status'], 'OUT_OF_RANGE', 'The status is zero or more.'));
  }

  if (errors.length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    page,
    perPage,
    filter: {
      ...(ids && { ids }),
      ...(typeof filter.status === 'number' && { status: filter.status }),
      ...(typeof filter.clientId === 'string' && { clientId: filter.clientId }),
      ...(typeof filter.ownerId === 'string' && { ownerId: filter.ownerId }),
      ...(typeof filter.accountNumber === 'string' && { accountNumber: filter.accountNumber }),
    },
  };
}
