/**
 * Banco CDC "CaaS" wire types: what travels over HTTP, as the provider names it. The client and
 * the simulator both build on these, so our reading of the undocumented parts lives here once.
 *
 * Our readings of what the public documentation leaves open (the simulator follows them):
 * - Login is `POST /auth/token` with {@link RawAuthRequest}; it answers the usual envelope with
 *   {@link RawAuthData}. Wrong key 401-03, wrong secret 401-04; a missing, expired or revoked
 *   Bearer token on any other route 401-05.
 * - The assignment code is "passed as a parameter": the query parameter `code` on
 *   `GET /assignment/`, `GET /assignment/status/`, `POST /assignment/status/` and `DELETE /assignment/`.
 * - `POST /assignment/status/?code=…` takes {@link RawStatusRequest} as its JSON body and, as the
 *   seed lists, answers the envelope without `data`: read the assignment again to see it.
 * - `GET /assignment/list` answers every assignment of the partner in one list, without
 *   operations or history (no pagination is documented).
 * - The HTTP status of an answer is the part of `return_code` before the dash; the envelope's
 *   `return` and `return_code` are the truth all the same.
 * - Timestamps (`2026-10-01 09:00:00`) carry no zone: they are Brasília time, UTC−03:00.
 */

/** Every CDC answer, success or not. `data` only on success, and not on every route. */
export interface RawEnvelope<Data = unknown> {
  request_code: string;
  return: boolean;
  /** `"<http status>-<nn>"`, e.g. `200-01`, `400-30`. */
  return_code: string;
  message: string;
  data?: Data;
}

export interface RawAuthRequest {
  client_key: string;
  client_secret: string;
}

export interface RawAuthData {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds; 3600 as documented. */
  expires_in: number;
}

/** Provider status numbers 1–9, in the order of the seed's table. */
export type RawStatusNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** An assignment as `GET /assignment/list` and `GET /assignment/` carry it. */
export interface RawCdcAssignment {
  code: string;
  number_assignment: number;
  document_purchaser: string;
  name_purchaser: string;
  number_status: number;
  /** JSON numbers with at most two decimals, in BRL. */
  assignment_sale_amount: number | null;
  assignment_discount_amount: number | null;
  /** `YYYY-MM-DD hh:mm:ss`, Brasília time. */
  created_at: string;
}

export interface RawCdcOperation {
  code: string;
  number_operation: string;
  financed_amount: number | null;
  assignment_amount: number | null;
  /** `YYYY-MM-DD`. */
  entry_date: string;
}

/** `GET /assignment/?code=…` data. */
export interface RawAssignmentDetail {
  assignment: RawCdcAssignment;
  operations: RawCdcOperation[];
}

/** One entry of `GET /assignment/status/?code=…` data, oldest first. */
export interface RawStatusChange {
  number_status: number;
  observation: string;
  created_at: string;
}

/** Body of `POST /assignment/status/?code=…` (our reading; see the file comment). */
export interface RawStatusRequest {
  number_status: number;
  /** Optional free text, at most 500 characters. */
  observation?: string;
}

/** Body of `POST /assignment/launch`: creates an assignment in status 1 (Typing). */
export interface RawLaunchRequest {
  document_purchaser: string;
  name_purchaser: string;
  /** Codes of the operations to assign. */
  operations: string[];
}

/** `POST /assignment/launch` data. */
export interface RawLaunchData {
  code: string;
  number_assignment: number;
}

/** Return codes the documentation lists, by meaning. */
export const CDC_RETURN_CODES = {
  success: '200-01',
  unexpected: '400-01',
  noResults: '400-09',
  statusNotPermitted: '400-30',
  invalidFieldType: '400-37',
  unknownClientKey: '401-03',
  wrongClientSecret: '401-04',
  invalidToken: '401-05',
  moduleNotEnabled: '401-06',
  mandatoryFieldMissing: '406-03',
  tooManyRequests: '429-01',
  serviceError: '503-01',
} as const;

/** Longest `observation` the simulator accepts (our reading; the graph checks the same). */
export const MAX_OBSERVATION_LENGTH = 500;
