/**
 * `maskErrors`: what a client may see of an error. Client mistakes (parse, validation, bad
 * input) pass through; provider failures become a plain message with `PROVIDER_ERROR` (a
 * provider's 429: `RATE_LIMITED`); every
 * other error becomes "Internal server error" with a correlation id that is in the log, so no
 * stack trace, provider URL or internal detail ever reaches a response.
 */
import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../../infra/logger';
import { isRateLimit, ProviderFailure } from '../../providers/failure';
import { currentRequestContext } from '../../infra/request-context';

/**
 * Codes whose messages are written for the client: errors the client caused (Apollo Server's,
 * the query limits', our resolvers'), and the inbound auth's refusals (src/auth/errors.ts).
 */
const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SERVICE_UNAVAILABLE',
  // Demand control's refusal before anything runs (src/plugins/use-demand-control.ts).
  'COST_ESTIMATED_TOO_EXPENSIVE',
]);

export function maskErrors(options: { readonly logger: Logger }) {
  // A failed batch rejects every key with the same failure: log it once, not once per field.
  const logged = new WeakSet<ProviderFailure>();
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = { ...(formatted.path && { path: formatted.path }), ...(formatted.locations && { locations: formatted.locations }) };

    if (original instanceof ProviderFailure) {
      if (!logged.has(original)) {
        logged.add(original);
        options.logger.warn({ provider: original.provider, failure: original.detail.kind, path: formatted.path }, original.message);
      }
      const retryAfterSeconds = original.retryAfterSeconds;
      // A provider's rate limit has its own code, as mutations have RateLimitedError: wait, then send again.
      const rateLimited = isRateLimit(original.detail);
      return {
        message: original.message,
        ...where,
        extensions: {
          code: rateLimited ? 'RATE_LIMITED' : 'PROVIDER_ERROR',
          provider: original.provider,
          retryable: original.retryable,
          ...(retryAfterSeconds !== null && { retryAfterSeconds }),
          ...(original.providerReference !== null && { providerReference: original.providerReference }),
        },
      };
    }

    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      // Apollo may attach a stack trace outside production; clients never need it.
      const extensions = { ...formatted.extensions };
      delete extensions.stacktrace;
      return { ...formatted, extensions };
    }
    // The request's id: the client quotes it, and it finds this line and every other of the request.
    const correlationId = currentRequestContext()?.requestId ?? randomUUID();
    options.logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId } };
  };
}
