/**
 * What the domain knows of a failed provider call: which provider, whether trying again may help,
 * and the references a support desk needs. The provider clients' `ProviderFailure`
 * (src/providers/failure.ts) implements it; the domain never imports the clients.
 */

/** The outside systems behind the graph, as the `Provider` enum of the SDL names them. */
export type ProviderName = 'RECOVERY_CONNECT' | 'CDC' | 'DEBT_COLLECTION';

/** A provider call that failed, as typed errors describe it. */
export interface ProviderFault {
  readonly provider: ProviderName;
  /** Plain words for the caller; never a URL, a token or personal data. */
  readonly message: string;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** Seconds to wait before sending again, when the provider or our breaker says so. */
  readonly retryAfterSeconds: number | null;
  /** The provider's own error code (or the HTTP status) when it answered with one. */
  readonly providerCode: string | null;
  /** The provider's own reference of the failed call (a trace id, a request code), for its support desk. */
  readonly providerReference: string | null;
}
