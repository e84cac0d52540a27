/**
 * Debt-collection client — SKELETON written by the integrator so the wiring compiles; the
 * debt-collection helper replaces this file's body with the real client.
 */
import type { HttpClient } from '../http';

export interface DebtCollectionCredentials {
  readonly apiKey: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- skeleton, filled by the debt-collection work
export interface DebtCollectionClient {}

export function createDebtCollectionClient(
  _http: HttpClient,
  _credentials: DebtCollectionCredentials,
  _options: { readonly now?: () => number } = {},
): DebtCollectionClient {
  return {};
}
