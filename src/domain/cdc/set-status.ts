/**
 * The `setCdcStatus` flow, after the input is valid: read the assignment, decide locally what
 * can be decided, send the change at most once, and read again to report what is true now.
 *
 * 1. Read the assignment (unknown → NotFoundError).
 * 2. It already has the requested status → success, nothing sent: a client's retry of a change
 *    that went through must not turn into an error.
 * 3. Our rules say no → CdcStatusNotPermitted, nothing sent.
 * 4. POST the change. On success read it again and answer it.
 * 5. The provider's 400-30 → CdcStatusNotPermitted with the status read afresh.
 * 6. An outcome we can not know (timeout after sending, reset connection, 5xx, unreadable answer)
 *    is settled by reading the assignment again, never by a second POST: if it has the requested
 *    status the change went through; otherwise a retryable ProviderError.
 */
import type { Logger } from '../../logger';
import { hasReturnCode, type CdcClient } from '../../providers/cdc/client';
import type { CdcLoaders } from '../../providers/cdc/loaders';
import { CDC_RETURN_CODES } from '../../providers/cdc/raw';
import { ProviderFailure, type FailureDetail } from '../../providers/failure';
import { notFoundError, type NotFoundErrorModel, type ProviderErrorModel, type ValidationErrorModel } from '../errors';
import type {
  CdcAssignmentModel,
  CdcStatusNotPermittedModel,
  CdcStatusRequest,
  SetCdcStatusSuccessModel,
} from './model';
import { allowedNextStatuses, checkStatusChange, CDC_STATUS_RULES, type CdcActor, type NotPermittedReason } from './permissions';
import { cdcFailureResult, cdcProviderError } from './provider-errors';
import { warnSkipped } from './skipped';
import type { CdcStatus } from './status';

/** The members of the GraphQL union `SetCdcStatusResult`. */
export type SetCdcStatusResultModel =
  | SetCdcStatusSuccessModel
  | CdcStatusNotPermittedModel
  | NotFoundErrorModel
  | ValidationErrorModel
  | ProviderErrorModel;

/** What the flow talks to. */
export interface SetCdcStatusDeps {
  readonly client: CdcClient;
  /** This request's loaders: the read in step 1 is shared with the rest of the operation. */
  readonly loaders: CdcLoaders;
  readonly logger: Logger;
}

const ACTOR_NAME: Readonly<Record<CdcActor, string>> = { PARTNER: 'a partner', CDC: 'Banco CDC', SYSTEM: 'the system' };

/** Runs the flow above for a valid request. Every expected failure is a typed result, never a throw. */
export async function setCdcStatus(request: CdcStatusRequest, deps: SetCdcStatusDeps): Promise<SetCdcStatusResultModel> {
  const { client, loaders, logger } = deps;
  const { code, status: requested } = request;

  const fail = (failure: ProviderFailure, step: string) => {
    logger.warn(
      { provider: failure.provider, failure: failure.detail.kind, providerCode: providerCodeOf(failure.detail), mutation: 'setCdcStatus', step },
      failure.message,
    );
  };

  /** The assignment as the provider has it now, or null when that can not be known. Never throws. */
  async function readAgain(): Promise<CdcAssignmentModel | null> {
    loaders.assignmentByCode.clear(code);
    loaders.historyByCode.clear(code);
    try {
      const read = await loaders.assignmentByCode.load(code);
      if (read.kind !== 'not_found') warnSkipped(logger, read.skipped);
      return read.kind === 'found' ? read.assignment : null;
    } catch (error) {
      if (!(error instanceof ProviderFailure)) throw error;
      fail(error, 'read-back');
      return null;
    }
  }

  // 1. The assignment as it is.
  let current: CdcAssignmentModel;
  try {
    const read = await loaders.assignmentByCode.load(code);
    if (read.kind === 'not_found') return notFoundError('CdcAssignment', code);
    warnSkipped(logger, read.skipped);
    if (read.kind === 'unreadable') return unreadable(code, read.skipped[0]?.reason ?? 'unreadable');
    current = read.assignment;
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error;
    fail(error, 'read');
    return cdcFailureResult(error, code);
  }

  // 2 and 3. What can be decided without the provider.
  const check = checkStatusChange(current.status, requested);
  if (check.kind === 'unchanged') return success(current, current.status);
  if (check.kind === 'not_permitted') {
    return notPermitted(current.status, requested, check.allowed, localMessage(current.status, requested, check.reason));
  }

  // 4. The change, sent once.
  try {
    await client.setStatus(request);
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error;
    fail(error, 'post');

    // 5. The provider is the final authority on what is permitted.
    if (hasReturnCode(error, CDC_RETURN_CODES.statusNotPermitted)) {
      const fresh = await readAgain();
      if (fresh?.status === requested) return success(fresh, current.status);
      const now = fresh?.status ?? current.status;
      // The provider just refused `requested`: do not offer it, whatever our table says.
      const allowed = allowedNextStatuses(now).filter((status) => status !== requested);
      return notPermitted(now, requested, allowed, `Banco CDC did not permit moving assignment ${code} from ${now} to ${requested}.`);
    }

    // 6. Sent, but what happened is unknown: look instead of sending again.
    if (outcomeUnknown(error.detail)) {
      const fresh = await readAgain();
      if (fresh?.status === requested) return success(fresh, current.status);
      const settled = fresh === null ? 'Whether the status changed is unknown' : 'The status did not change';
      return {
        ...cdcProviderError(error),
        retryable: true,
        message: `${error.message} ${settled}; it is safe to send the change again.`,
      };
    }
    return cdcFailureResult(error, code);
  }

  const fresh = await readAgain();
  if (fresh === null) {
    // The provider confirmed the change (200-01); only the read-back failed. Say what we know.
    logger.warn({ provider: 'CDC', mutation: 'setCdcStatus', step: 'read-back' }, 'status changed but the assignment could not be read again');
    return success({ ...current, status: requested }, current.status);
  }
  return success(fresh, current.status);
}

/**
 * True when the request may have reached the provider and been applied: the answer timed out or
 * broke off after sending, was a server error, or could not be read. A refused connection or a
 * connect timeout never sent anything; a 4xx is the provider's clear "no".
 */
export function outcomeUnknown(detail: FailureDetail): boolean {
  switch (detail.kind) {
    case 'timeout':
      return detail.phase !== 'connect';
    case 'connection':
      return !NOT_SENT_CONNECTION_CODES.has(detail.code);
    case 'http_status':
      return detail.status >= 500;
    case 'invalid_body':
    case 'unreadable_data':
      return true;
    // Refused by our own breaker or bulkhead: nothing left the process.
    case 'circuit_open':
    case 'overloaded':
      return false;
  }
}

/** Connection failures that happen before a byte of the request is sent. */
const NOT_SENT_CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function providerCodeOf(detail: FailureDetail): string | null {
  return detail.kind === 'http_status' ? detail.providerCode : null;
}

function success(assignment: CdcAssignmentModel, previousStatus: CdcStatus): SetCdcStatusSuccessModel {
  return { __typename: 'SetCdcStatusSuccess', assignment, previousStatus };
}

function notPermitted(
  currentStatus: CdcStatus,
  requestedStatus: CdcStatus,
  allowedStatuses: readonly CdcStatus[],
  message: string,
): CdcStatusNotPermittedModel {
  return { __typename: 'CdcStatusNotPermitted', message, currentStatus, requestedStatus, allowedStatuses };
}

function localMessage(current: CdcStatus, requested: CdcStatus, reason: NotPermittedReason): string {
  if (reason === 'CURRENT_STATUS_LOCKED') return `A partner cannot change an assignment whose status is ${current}.`;
  const rule = CDC_STATUS_RULES[requested];
  const authors = rule.authors.map((actor) => ACTOR_NAME[actor]).join(' or ');
  const from = rule.onlyFrom === undefined ? '' : `, and only from ${rule.onlyFrom}`;
  return `${requested} is set by ${authors}${from}, not by a partner.`;
}

/** The provider sent the assignment, but with something the graph can not read (e.g. an unknown status). */
function unreadable(code: string, reason: string): ProviderErrorModel {
  return {
    __typename: 'ProviderError',
    message: `Banco CDC sent assignment ${code} in a form the graph cannot read (${reason}).`,
    provider: 'CDC',
    retryable: false,
    retryAfterSeconds: null,
    providerCode: null,
    providerReference: null,
  };
}
