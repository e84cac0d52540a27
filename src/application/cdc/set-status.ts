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
import type { FlowLogger } from '../ports/logger';
import { notFoundError, type NotFoundErrorModel, type ProviderErrorModel, type ValidationErrorModel } from '../../domain/errors';
import type { UnreadableRecord } from '../../domain/unreadable';
import type {
  CdcAssignmentModel,
  CdcStatusNotPermittedModel,
  CdcStatusRequest,
  SetCdcStatusSuccessModel,
} from '../../domain/cdc/model';
import { allowedNextStatuses, checkStatusChange, CDC_STATUS_RULES, type CdcActor, type NotPermittedReason } from '../../domain/cdc/permissions';
import { cdcFailureResult, cdcProviderError } from './provider-errors';
import type { CdcStatus } from '../../domain/cdc/status';
import type { CdcFault, CdcStatusPort } from './ports';

/** The members of the GraphQL union `SetCdcStatusResult`. */
export type SetCdcStatusResultModel =
  | SetCdcStatusSuccessModel
  | CdcStatusNotPermittedModel
  | NotFoundErrorModel
  | ValidationErrorModel
  | ProviderErrorModel;

/** What the flow talks to. */
export interface SetCdcStatusDeps {
  /** Banco CDC, through this request's loaders: the read in step 1 is shared with the rest of the operation. */
  readonly cdc: CdcStatusPort;
  readonly logger: FlowLogger;
}

const ACTOR_NAME: Readonly<Record<CdcActor, string>> = { PARTNER: 'a partner', CDC: 'Banco CDC', SYSTEM: 'the system' };

/** Runs the flow above for a valid request. Every expected failure is a typed result, never a throw. */
export async function setCdcStatus(request: CdcStatusRequest, deps: SetCdcStatusDeps): Promise<SetCdcStatusResultModel> {
  const { cdc, logger } = deps;
  const { code, status: requested } = request;

  const fail = (fault: CdcFault, step: string) => {
    logger.warn(
      { provider: fault.provider, failure: fault.failure, providerCode: fault.providerCode, mutation: 'setCdcStatus', step },
      fault.message,
    );
  };

  /** The assignment as the provider has it now, or null when that can not be known. Never throws. */
  async function readAgain(): Promise<CdcAssignmentModel | null> {
    const answer = await cdc.readAgain(code);
    if (!answer.ok) {
      fail(answer.fault, 'read-back');
      return null;
    }
    const read = answer.value;
    if (read.kind === 'unreadable') warnUnreadable(logger, read.record);
    return read.kind === 'found' ? read.assignment : null;
  }

  // 1. The assignment as it is.
  const first = await cdc.read(code);
  if (!first.ok) {
    fail(first.fault, 'read');
    return cdcFailureResult(first.fault, code);
  }
  if (first.value.kind === 'not_found') return notFoundError('CdcAssignment', code);
  if (first.value.kind === 'unreadable') {
    warnUnreadable(logger, first.value.record);
    return unreadable(first.value.record);
  }
  const current = first.value.assignment;

  // 2 and 3. What can be decided without the provider.
  const check = checkStatusChange(current.status, requested);
  if (check.kind === 'unchanged') return success(current, current.status);
  if (check.kind === 'not_permitted') {
    return notPermitted(current.status, requested, check.allowed, localMessage(current.status, requested, check.reason));
  }

  // 4. The change, sent once.
  const sent = await cdc.setStatus(request);
  if (!sent.ok) {
    const fault = sent.fault;
    fail(fault, 'post');

    // 5. The provider is the final authority on what is permitted.
    if (fault.meaning === 'status_not_permitted') {
      const fresh = await readAgain();
      if (fresh?.status === requested) return success(fresh, current.status);
      const now = fresh?.status ?? current.status;
      // The provider just refused `requested`: do not offer it, whatever our table says.
      const allowed = allowedNextStatuses(now).filter((status) => status !== requested);
      return notPermitted(now, requested, allowed, `Banco CDC did not permit moving assignment ${code} from ${now} to ${requested}.`);
    }

    // 6. Sent, but what happened is unknown: look instead of sending again.
    if (fault.outcomeUnknown) {
      const fresh = await readAgain();
      if (fresh?.status === requested) return success(fresh, current.status);
      const settled = fresh === null ? 'Whether the status changed is unknown' : 'The status did not change';
      return {
        ...cdcProviderError(fault),
        retryable: true,
        message: `${fault.message} ${settled}; it is safe to send the change again.`,
      };
    }
    return cdcFailureResult(fault, code);
  }

  const fresh = await readAgain();
  if (fresh === null) {
    // The provider confirmed the change (200-01); only the read-back failed. Say what we know.
    logger.warn({ provider: 'CDC', mutation: 'setCdcStatus', step: 'read-back' }, 'status changed but the assignment could not be read again');
    return success({ ...current, status: requested }, current.status);
  }
  return success(fresh, current.status);
}

/** Logs a record the graph cannot read; the record's description holds no personal data. */
function warnUnreadable(logger: FlowLogger, record: UnreadableRecord): void {
  logger.warn({ provider: record.provider, record: record.record, reason: record.reason }, 'Banco CDC sent a record the graph cannot read');
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
function unreadable(record: UnreadableRecord): ProviderErrorModel {
  return {
    __typename: 'ProviderError',
    message: `Banco CDC sent ${record.record} in a form the graph cannot read (${record.reason}).`,
    provider: 'CDC',
    retryable: false,
    retryAfterSeconds: null,
    providerCode: null,
    providerReference: null,
  };
}
