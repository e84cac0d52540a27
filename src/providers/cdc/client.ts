/**
 * Banco CDC client — SKELETON written by the integrator so the wiring compiles; the CDC helper
 * replaces this file's body with the real client (login, envelope reading, routes).
 */
import type { HttpClient } from '../http';

export interface CdcCredentials {
  readonly clientKey: string;
  readonly clientSecret: string;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- skeleton, filled by the CDC work
export interface CdcClient {}

export function createCdcClient(
  _http: HttpClient,
  _credentials: CdcCredentials,
  _options: { readonly now?: () => number } = {},
): CdcClient {
  return {};
}
