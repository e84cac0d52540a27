/**
 * Errors returned as data. Each model carries its `__typename`, which graphql-js uses to
 * resolve the result unions, so no union needs a hand-written `__resolveType`.
 */
import { GraphQLError } from 'graphql';
import type { ProviderFault, ProviderName } from './provider-fault';

/** One problem with one input field; `path` is the input path, e.g. `['input', 'statusNote']`. */
export interface FieldErrorModel {
  readonly path: readonly string[];
  readonly message: string;
  readonly code: string;
}

export interface NotFoundErrorModel {
  readonly __typename: 'NotFoundError';
  readonly message: string;
  readonly resource: string;
  readonly id: string;
  /** The write's idempotency key, on mutations that have one (null or absent otherwise). */
  readonly requestId?: string | null;
}

export interface ValidationErrorModel {
  readonly __typename: 'ValidationError';
  readonly message: string;
  readonly fieldErrors: readonly FieldErrorModel[];
  /** The write's idempotency key, on mutations that have one (null or absent otherwise). */
  readonly requestId?: string | null;
}

export interface ProviderErrorModel {
  readonly __typename: 'ProviderError';
  readonly message: string;
  readonly provider: ProviderName;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
  readonly providerCode: string | null;
  readonly providerReference: string | null;
  /** The write's idempotency key, on mutations that have one (null or absent otherwise). */
  readonly requestId?: string | null;
}

/** The request contradicts the provider's state or an earlier request (e.g. a closed case, a reused requestId). */
export interface ConflictErrorModel {
  readonly __typename: 'ConflictError';
  readonly message: string;
  /** The write's idempotency key, on mutations that have one (null or absent otherwise). */
  readonly requestId?: string | null;
}

/** The provider is rate limiting us; the same request may be sent again after `retryAfterSeconds`. */
export interface RateLimitedErrorModel {
  readonly __typename: 'RateLimitedError';
  readonly message: string;
  readonly retryAfterSeconds: number;
  /** The write's idempotency key, on mutations that have one (null or absent otherwise). */
  readonly requestId?: string | null;
}

/** Why a write was not run now; nothing was sent (the SDL's ServiceUnavailableReason). */
export type ServiceUnavailableReason = 'WRITE_LOCK_BUSY' | 'SHARED_STATE_UNAVAILABLE' | 'NOT_ENOUGH_TIME' | 'AUDIT_UNAVAILABLE';

/** The graph did not run the write now, and nothing was sent: send it again after `retryAfterSeconds`. */
export interface ServiceUnavailableErrorModel {
  readonly __typename: 'ServiceUnavailableError';
  readonly message: string;
  readonly reason: ServiceUnavailableReason;
  readonly retryAfterSeconds: number;
  readonly requestId: string | null;
}

/** The write was sent and its outcome is unknown; a retry (with the same requestId, where there is one) is safe. */
export interface WriteOutcomeUnknownModel {
  readonly __typename: 'WriteOutcomeUnknown';
  readonly message: string;
  readonly provider: ProviderName;
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;
  readonly providerReference: string | null;
}

export function serviceUnavailableError(
  reason: ServiceUnavailableReason,
  message: string,
  retryAfterSeconds: number,
  requestId: string | null = null,
): ServiceUnavailableErrorModel {
  return { __typename: 'ServiceUnavailableError', message, reason, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)), requestId };
}

export function writeOutcomeUnknown(fields: Omit<WriteOutcomeUnknownModel, '__typename'>): WriteOutcomeUnknownModel {
  return { __typename: 'WriteOutcomeUnknown', ...fields };
}

export function conflictError(message: string): ConflictErrorModel {
  return { __typename: 'ConflictError', message };
}

export function rateLimitedError(message: string, retryAfterSeconds: number): RateLimitedErrorModel {
  return { __typename: 'RateLimitedError', message, retryAfterSeconds };
}

export function notFoundError(resource: string, id: string): NotFoundErrorModel {
  return { __typename: 'NotFoundError', message: `${resource} ${id} does not exist.`, resource, id };
}

export function validationError(fieldErrors: readonly FieldErrorModel[]): ValidationErrorModel {
  const first = fieldErrors[0];
  const message =
    fieldErrors.length === 1 && first
      ? `Invalid input${first.path.length > 0 ? ` at ${first.path.join('.')}` : ''}: ${first.message}`
      : `The input has ${fieldErrors.length} problems.`;
  return { __typename: 'ValidationError', message, fieldErrors };
}

export function fieldError(path: readonly string[], code: string, message: string): FieldErrorModel {
  return { path, code, message };
}

/** The typed answer for a provider failure that has no more specific meaning. */
export function providerError(fault: ProviderFault): ProviderErrorModel {
  return {
    __typename: 'ProviderError',
    message: fault.message,
    provider: fault.provider,
    retryable: fault.retryable,
    retryAfterSeconds: fault.retryAfterSeconds,
    providerCode: fault.providerCode,
    providerReference: fault.providerReference,
  };
}

/**
 * For queries, which have no result union: invalid arguments become one GraphQL error with
 * code `BAD_USER_INPUT` and the same `fieldErrors` a ValidationError would carry.
 */
export function badUserInput(fieldErrors: readonly FieldErrorModel[]): GraphQLError {
  return new GraphQLError(validationError(fieldErrors).message, {
    extensions: { code: 'BAD_USER_INPUT', fieldErrors },
  });
}
