/**
 * The domain's `CdcStatusPort` (src/domain/cdc/status-port.ts) over the client and this request's
 * loaders. Client failures become `CdcFault`s here: which return code means what, and whether a
 * failed call may still have been applied, are facts about Banco CDC and its transport, so they
 * live with the client.
 */
import type { CdcCall, CdcFault, CdcFaultMeaning, CdcStatusPort } from '../../application/cdc/ports';
import { ProviderFailure, type FailureDetail } from '../failure';
import { isRecord } from '../values';
import type { CdcClient } from './client';
import type { CdcLoaders } from './loaders';
import { CDC_RETURN_CODES } from './raw';

const MEANING_OF: ReadonlyMap<string, CdcFaultMeaning> = new Map<string, CdcFaultMeaning>([
  [CDC_RETURN_CODES.noResults, 'not_found'],
  [CDC_RETURN_CODES.statusNotPermitted, 'status_not_permitted'],
  [CDC_RETURN_CODES.mandatoryFieldMissing, 'input_rejected'],
  [CDC_RETURN_CODES.invalidFieldType, 'input_rejected'],
  [CDC_RETURN_CODES.unknownClientKey, 'credentials_refused'],
  [CDC_RETURN_CODES.wrongClientSecret, 'credentials_refused'],
  [CDC_RETURN_CODES.moduleNotEnabled, 'module_not_enabled'],
]);

/** The flow's port, for one request. */
export function createCdcStatusPort(client: CdcClient, loaders: CdcLoaders): CdcStatusPort {
  // Read from the provider itself, never from the entity cache the loaders may read through: the
  // status decides what is sent. The loaders then hold this read for the rest of the request.
  const fresh = async (code: string) => {
    const read = await client.assignment(code);
    loaders.assignmentByCode.clear(code).prime(code, read);
    return read;
  };
  return {
    read: (code) => settle(fresh(code)),
    readAgain(code) {
      loaders.historyByCode.clear(code);
      return settle(fresh(code));
    },
    setStatus: (request) => settle(client.setStatus(request).then(() => undefined)),
  };
}

/** The call's value, or its provider failure as a fault. Anything else is a bug and stays thrown. */
async function settle<T>(call: Promise<T>): Promise<CdcCall<T>> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error;
    return { ok: false, fault: cdcFaultOf(error) };
  }
}

/** What a client failure means to the flow. */
export function cdcFaultOf(failure: ProviderFailure): CdcFault {
  const detail = failure.detail;
  const said = detail.kind === 'http_status' && isRecord(detail.body) ? detail.body.message : null;
  return {
    provider: failure.provider,
    message: failure.message,
    retryable: failure.retryable,
    retryAfterSeconds: failure.retryAfterSeconds,
    providerCode: failure.providerCode,
    providerReference: failure.providerReference,
    meaning: (failure.providerCode === null ? undefined : MEANING_OF.get(failure.providerCode)) ?? 'other',
    outcomeUnknown: outcomeUnknown(detail),
    providerMessage: typeof said === 'string' && said.trim() !== '' ? said.trim() : null,
    failure: detail.kind,
  };
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
    case 'rate_limited':
      return false;
  }
}

/** Connection failures that happen before a byte of the request is sent. */
const NOT_SENT_CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
