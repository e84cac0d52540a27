/**
 * The closed set of ways a call to a provider can fail. Provider clients raise only
 * `ProviderFailure`; resolvers map it to typed errors (NotFoundError, ProviderError, ...).
 */

import type { ProviderFault, ProviderName } from '../domain/provider-fault';

export type { ProviderName };

/** Human names for messages and logs. */
export const PROVIDER_LABEL: Readonly<Record<ProviderName, string>> = {
  RECOVERY_CONNECT: 'RecoveryConnect',
  CDC: 'Banco CDC',
  DEBT_COLLECTION: 'Debt collection',
};

export type FailureDetail =
  /**
   * No answer in time: while connecting, waiting for headers, or reading the body (the call's own
   * timeout), or because the GraphQL request's deadline ran out first (`deadline`).
   */
  | { readonly kind: 'timeout'; readonly phase: 'connect' | 'headers' | 'body' | 'deadline' }
  /** The connection could not be made or broke (refused, reset, DNS, TLS, aborted). */
  | { readonly kind: 'connection'; readonly code: string }
  /** The provider answered with a status that the client does not treat as success. */
  | {
      readonly kind: 'http_status';
      readonly status: number;
      /** The provider's own code when its body carries one, else the HTTP status. */
      readonly providerCode: string;
      readonly retryAfterSeconds: number | null;
      /** The parsed error body, or null when it was empty or not JSON. */
      readonly body: unknown;
      /** The provider's own reference of the call (trace id, request code), when its body carries one. */
      readonly providerReference?: string | null;
    }
  /** A success status whose body is not what the contract says (not JSON, too large, wrong shape). */
  | { readonly kind: 'invalid_body'; readonly reason: string }
  /**
   * A well-formed answer carrying a record the graph cannot read (no id to address it by, a
   * status the documentation does not list). Asking again gets the same record: not retryable.
   * `reason` names the record by a non-personal reference and says what is wrong; it is logged.
   */
  | { readonly kind: 'unreadable_data'; readonly reason: string }
  /** The provider's circuit breaker is open after repeated failures: nothing was sent. */
  | { readonly kind: 'circuit_open'; readonly retryAfterSeconds: number }
  /**
   * Too many calls to the provider are already running or queued (bulkhead): nothing was sent.
   * `request`: this request alone used up its own budget of calls to the provider (`limit`).
   */
  | { readonly kind: 'overloaded'; readonly scope?: 'request'; readonly limit?: number }
  /**
   * The graph's own budget of calls to the provider (its rate limit, shared by every replica) is
   * spent, and its next window does not begin within the request's deadline: nothing was sent.
   */
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number };

/** A failed provider call. The message never contains URLs, tokens or personal data. */
export class ProviderFailure extends Error implements ProviderFault {
  override readonly name = 'ProviderFailure';

  constructor(
    readonly provider: ProviderName,
    readonly detail: FailureDetail,
  ) {
    super(describeFailure(provider, detail));
  }

  /** Whether sending the same request again may succeed. */
  get retryable(): boolean {
    return isRetryable(this.detail);
  }

  /** Seconds to wait before sending again, when the provider or our breaker says so. */
  get retryAfterSeconds(): number | null {
    switch (this.detail.kind) {
      case 'http_status':
      case 'circuit_open':
      case 'rate_limited':
        return this.detail.retryAfterSeconds;
      default:
        return null;
    }
  }

  /** The provider's own code (or the HTTP status) when it answered. */
  get providerCode(): string | null {
    return this.detail.kind === 'http_status' ? this.detail.providerCode : null;
  }

  /** The provider's own reference of the failed call, when it sent one. */
  get providerReference(): string | null {
    return this.detail.kind === 'http_status' ? (this.detail.providerReference ?? null) : null;
  }
}

/**
 * Timeouts, broken connections, a garbled body, an open breaker, a full bulkhead, 408, 429 and
 * 5xx may pass; other 4xx and unreadable data (the same record comes back) will not.
 */
export function isRetryable(detail: FailureDetail): boolean {
  switch (detail.kind) {
    case 'timeout':
    case 'connection':
    case 'invalid_body':
    case 'circuit_open':
    case 'rate_limited':
      return true;
    case 'unreadable_data':
      return false;
    // The same request would use up its budget again.
    case 'overloaded':
      return detail.scope !== 'request';
    case 'http_status':
      return detail.status === 408 || detail.status === 429 || detail.status >= 500;
  }
}

function describeFailure(provider: ProviderName, detail: FailureDetail): string {
  const label = PROVIDER_LABEL[provider];
  switch (detail.kind) {
    case 'timeout':
      if (detail.phase === 'deadline') return `${label} did not answer within the request's deadline.`;
      return `${label} did not answer in time (${detail.phase} timeout).`;
    case 'connection':
      return `${label} could not be reached (${detail.code}).`;
    case 'http_status':
      if (detail.status === 401) {
        return `${label} refused our credentials (HTTP 401); check the configured credentials.`;
      }
      // Credentials accepted, call refused: a permission or scope (e.g. an API key's scope) is missing.
      if (detail.status === 403) {
        return `${label} denied this call (HTTP 403): our account there lacks a permission or scope it needs.`;
      }
      if (detail.status === 429) return `${label} is rate limiting requests.`;
      return `${label} answered with an error (HTTP ${detail.status}).`;
    case 'invalid_body':
      return `${label} sent an answer that could not be read (${detail.reason}).`;
    case 'unreadable_data':
      return `${label} sent data the graph cannot read (${detail.reason}).`;
    case 'circuit_open':
      return `${label} is failing; calls to it are paused for ${String(detail.retryAfterSeconds)} s.`;
    case 'overloaded':
      if (detail.scope === 'request') {
        return `This request needs more ${label} calls than one request may make (${String(detail.limit ?? 0)}); ask for less at once.`;
      }
      return `${label} has too many calls in progress; try again shortly.`;
    case 'rate_limited':
      return `${label}'s rate limit is used up for now; nothing was sent. Try again in ${String(detail.retryAfterSeconds)} s.`;
  }
}

/** A rate limit, the provider's (429) or the graph's own budget of calls to it: wait, then send again. */
export function isRateLimit(detail: FailureDetail): boolean {
  return detail.kind === 'rate_limited' || (detail.kind === 'http_status' && detail.status === 429);
}
