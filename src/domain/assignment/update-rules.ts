/**
 * What makes an `updateAssignment` valid. The provider's update is partial and cannot clear a
 * field, so: at least one field, no explicit nulls, values in range. Invalid input never
 * reaches the provider.
 */
import { fieldError, type FieldErrorModel } from '../errors';
import { isProviderId } from './ids';
import type { AssignmentPatch } from './model';

export const MAX_STATUS_NOTE_LENGTH = 1000;

/** The mutation's arguments as GraphQL coerced them: absent keys are absent, explicit nulls are null. */
export interface UpdateAssignmentArgs {
  readonly id: string;
  readonly input: {
    readonly orderType?: number | null;
    readonly status?: number | null;
    readonly statusNote?: string | null;
    readonly collectorId?: string | null;
  };
}

export type UpdateCheck =
  | { readonly ok: true; readonly id: string; readonly patch: AssignmentPatch }
  | { readonly ok: false; readonly fieldErrors: readonly FieldErrorModel[] };

export function checkAssignmentUpdate(args: UpdateAssignmentArgs): UpdateCheck {
  const errors: FieldErrorModel[] = [];
  const path = (field: string) => ['input', field];

  if (!isProviderId(args.id)) {
    errors.push(fieldError(['id'], 'INVALID_FORMAT', 'An assignment id is a positive whole number.'));
  }
  // GraphQL leaves absent fields out; a direct caller's `undefined` means absent too.
  const present = Object.keys(args.input).filter(
    (field) => args.input[field as keyof UpdateAssignmentArgs['input']] !== undefined,
  );
  if (present.length === 0) {
    errors.push(fieldError(['input'], 'EMPTY_INPUT', 'Give at least one field to change.'));
  }
  for (const field of present) {
    if (args.input[field as keyof UpdateAssignmentArgs['input']] === null) {
      errors.push(fieldError(path(field), 'NULL_NOT_ALLOWED', 'The provider cannot clear this field; leave it out to keep it.'));
    }
  }

  const { orderType, status, statusNote, collectorId } = args.input;
  if (typeof orderType === 'number' && orderType < 0) {
    errors.push(fieldError(path('orderType'), 'OUT_OF_RANGE', 'The order type is zero or more.'));
  }
  if (typeof status === 'number' && status < 0) {
    errors.push(fieldError(path('status'), 'OUT_OF_RANGE', 'The status is zero or more.'));
  }
  if (typeof statusNote === 'string') {
    if (statusNote.trim() === '') {
      errors.push(fieldError(path('statusNote'), 'BLANK', 'The status note is empty; leave it out instead.'));
    } else if (Array.from(statusNote).length > MAX_STATUS_NOTE_LENGTH) {
      // Characters (code points), as the provider counts them; an emoji is one, not two.
      errors.push(fieldError(path('statusNote'), 'TOO_LONG', `At most ${MAX_STATUS_NOTE_LENGTH} characters.`));
    }
  }
  if (typeof collectorId === 'string' && !isProviderId(collectorId)) {
    errors.push(fieldError(path('collectorId'), 'INVALID_FORMAT', 'A collector id is a positive whole number.'));
  }

  if (errors.length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    id: args.id,
    patch: {
      ...(typeof orderType === 'number' && { orderType }),
      ...(typeof status === 'number' && { status }),
      ...(typeof statusNote === 'string' && { statusNote }),
      ...(typeof collectorId === 'string' && { collectorId }),
    },
  };
}
