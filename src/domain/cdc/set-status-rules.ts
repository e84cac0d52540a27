/**
 * What makes a `setCdcStatus` input valid. Invalid input never reaches the provider. Whether the
 * change is permitted is another question, answered by `permissions.ts`.
 */
import { fieldError, type FieldErrorModel } from '../errors';
import { isCdcCode } from './codes';
import type { CdcStatusRequest } from './model';
import type { CdcStatus } from './status';

/**
 * Longest `observation`, in characters (code points). Banco CDC documents none; this is our
 * reading, which the simulator applies too (providers/cdc/raw.ts re-exports it).
 */
export const MAX_OBSERVATION_LENGTH = 500;

/** The mutation's input as GraphQL coerced it: `observation` absent, null or a string. */
export interface SetCdcStatusArgs {
  readonly input: {
    readonly code: string;
    readonly status: CdcStatus;
    readonly observation?: string | null;
  };
}

/** The request to make, or every problem of the input. */
export type SetCdcStatusCheck =
  | { readonly ok: true; readonly request: CdcStatusRequest }
  | { readonly ok: false; readonly fieldErrors: readonly FieldErrorModel[] };

/** Every problem of the input at once, each at its input path; or the request to make. */
export function checkSetCdcStatus(args: SetCdcStatusArgs): SetCdcStatusCheck {
  const { code, status, observation } = args.input;
  const errors: FieldErrorModel[] = [];

  if (!isCdcCode(code)) {
    errors.push(
      fieldError(['input', 'code'], 'INVALID_FORMAT', 'An assignment code is 1 to 64 letters, digits, "-" or "_".'),
    );
  }
  // An observation is a note, not a stored field: null means "no note", like leaving it out.
  if (typeof observation === 'string') {
    if (observation.trim() === '') {
      errors.push(fieldError(['input', 'observation'], 'BLANK', 'The observation is empty; leave it out instead.'));
    } else if (Array.from(observation).length > MAX_OBSERVATION_LENGTH) {
      // Characters (code points), as the provider counts them; an emoji is one, not two.
      errors.push(fieldError(['input', 'observation'], 'TOO_LONG', `At most ${MAX_OBSERVATION_LENGTH} characters.`));
    }
  }

  if (errors.length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, request: { code, status, ...(typeof observation === 'string' && { observation }) } };
}
