/**
 * What the `setCdcStatus` flow needs of Banco CDC, declared by the domain so it never imports the
 * client. src/providers/cdc/status-port.ts implements it over the client and the request's loaders,
 * and turns the client's failures into {@link CdcFault}s: what a failure means to the flow is
 * decided there, from Banco CDC's return codes, and only used here.
 */
import type { ProviderFault } from '../../domain/provider-fault';
import type { CdcAssignmentRead, CdcStatusRequest } from '../../domain/cdc/model';

/** What a failed Banco CDC call means to the flow. */
export type CdcFaultMeaning =
  /** No assignment with this code (400-09). */
  | 'not_found'
  /** Banco CDC does not permit this status change (400-30). */
  | 'status_not_permitted'
  /** Banco CDC rejected a field of the request (406-03, 400-37). */
  | 'input_rejected'
  /** Our client key or secret was refused (401-03, 401-04). */
  | 'credentials_refused'
  /** The module is not enabled for our account (401-06). */
  | 'module_not_enabled'
  | 'other';

/** A failed Banco CDC call. */
export interface CdcFault extends ProviderFault {
  readonly meaning: CdcFaultMeaning;
  /**
   * The request may have reached Banco CDC and been applied: the answer timed out or broke off
   * after sending, was a server error, or could not be read. Never after a refused connection,
   * our own breaker or bulkhead, or a 4xx.
   */
  readonly outcomeUnknown: boolean;
  /** What Banco CDC said about a rejected input, when it said anything. */
  readonly providerMessage: string | null;
  /** How the call failed (`http_status`, `timeout`, …), for the log. */
  readonly failure: string;
}

/** A call's answer, or its fault: expected failures are values, not throws. */
export type CdcCall<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly fault: CdcFault };

export interface CdcStatusPort {
  /** The assignment, through the request's loader: the read is shared with the rest of the operation. */
  read(code: string): Promise<CdcCall<CdcAssignmentRead>>;
  /** The assignment as Banco CDC has it now, not as the request read it before. */
  readAgain(code: string): Promise<CdcCall<CdcAssignmentRead>>;
  /** Sends one status change, exactly once (never repeated: see the client's `setStatus`). */
  setStatus(request: CdcStatusRequest): Promise<CdcCall<undefined>>;
}
