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
 * - Timestamps (`2026-10-01 09:00:00`) carry no zone: they are Brasília time, UTC−03:00
 *   ({@link CDC_NAIVE_ZONE}). A zero date (`0000-00-00 00:00:00`) means none.
 * - Numbers may come as JSON numbers or as strings (`"2"`, `"15420.50"`); a string may be written
 *   the Brazilian way, `"R$ 15.420,50"` ({@link CDC_NUMBER_FORMAT}). The documentation shows only
 *   JSON numbers; a Brazilian system writing text writes it so.
 *
 * What the graph needs of a record to show it at all: an assignment's `code` and a
 * `number_status` the seed lists; an operation's `code`; a history entry's `number_status`. Every
 * other field may be missing or unreadable and is then null (see mapping.ts).
 */
import { integer, type NumberFormat } from '../values';

/** A scalar as the provider may send it: numbers sometimes arrive as strings. */
export type RawScalar = string | number | null;

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

/** An assignment as `GET /assignment/list` and `GET /assignment/` carry it. */
export interface RawCdcAssignment {
  code: string;
  /** A number, or the same number as a string. */
  number_assignment: number | string;
  document_purchaser: string | null;
  name_purchaser: string | null;
  /** 1–9; a number, or the same number as a string (`"2"`). */
  number_status: number | string;
  /** In BRL: JSON numbers with at most two decimals, or strings ({@link CDC_NUMBER_FORMAT}). */
  assignment_sale_amount: RawScalar;
  assignment_discount_amount: RawScalar;
  /** `YYYY-MM-DD hh:mm:ss`, Brasília time; `0000-00-00 00:00:00` when unknown. */
  created_at: string | null;
}

export interface RawCdcOperation {
  code: string;
  number_operation: string | null;
  financed_amount: RawScalar;
  assignment_amount: RawScalar;
  /** `YYYY-MM-DD`. */
  entry_date: string | null;
}

/** `GET /assignment/?code=…` data. */
export interface RawAssignmentDetail {
  assignment: RawCdcAssignment;
  operations: RawCdcOperation[];
}

/** One entry of `GET /assignment/status/?code=…` data, oldest first. */
export interface RawStatusChange {
  number_status: number | string;
  observation: string | null;
  created_at: string | null;
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
export { MAX_OBSERVATION_LENGTH } from '../../domain/cdc/set-status-rules';

/** Brasília time, as a fixed offset: Brazil has kept UTC−03:00 all year since 2019. */
export const CDC_NAIVE_ZONE = 'UTC-3';

/** How Banco CDC writes a number in text: `R$ 15.420,50`. */
export const CDC_NUMBER_FORMAT: NumberFormat = { decimalMark: ',', groupSeparator: '.', currencySymbol: 'R$' };

/**
 * The status number of a record, whether CDC wrote it as a number (`2`) or a string (`"2"`);
 * null when it is neither. Whether the number is one the seed lists is the domain's question.
 * The client and the simulator both read `number_status` with this.
 */
export function statusNumberOf(value: unknown): number | null {
  return integer(value);
}

/** An assignment number as CDC may write it (`1001`, `"1001"`). The simulator sorts by it. */
export function assignmentNumberOf(value: unknown): number | null {
  return integer(value);
}
