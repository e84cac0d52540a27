/**
 * Banco CDC failures as the typed errors `setCdcStatus` returns. The return codes with a meaning
 * of their own get it here; the rest are a plain `ProviderError` carrying the return code.
 */
import { ProviderFailure } from '../../providers/failure';
import { CDC_RETURN_CODES } from '../../providers/cdc/raw';
import { fieldError, notFoundError, providerError, validationError } from '../errors';
import type { NotFoundErrorModel, ProviderErrorModel, ValidationErrorModel } from '../errors';
import { isRecord } from '../../providers/values';

/** The return code of a failure, when the provider sent one. */
function returnCode(failure: ProviderFailure): string | null {
  return failure.detail.kind === 'http_status' ? failure.detail.providerCode : null;
}

/** A `ProviderError`, with plain words for the configuration problems behind some return codes. */
export function cdcProviderError(failure: ProviderFailure): ProviderErrorModel {
  const base = providerError(failure);
  switch (returnCode(failure)) {
    case CDC_RETURN_CODES.unknownClientKey:
    case CDC_RETURN_CODES.wrongClientSecret:
      return { ...base, message: `Banco CDC refused our client key or secret (${base.providerCode ?? ''}); check the configured CDC credentials.` };
    case CDC_RETURN_CODES.moduleNotEnabled:
      return { ...base, message: 'Banco CDC has not enabled this module for our account (401-06); ask Banco CDC to enable it.' };
    default:
      return base;
  }
}

/**
 * The typed answer for a failure of a call about assignment `code`: not found (400-09), a field
 * the provider rejected (406-03, 400-37), or a `ProviderError`. 400-30 is not handled here: it
 * needs a fresh read of the assignment (see set-status.ts).
 */
export function cdcFailureResult(
  failure: ProviderFailure,
  code: string,
): NotFoundErrorModel | ValidationErrorModel | ProviderErrorModel {
  const providerCode = returnCode(failure);
  if (providerCode === CDC_RETURN_CODES.noResults) return notFoundError('CdcAssignment', code);
  if (providerCode === CDC_RETURN_CODES.mandatoryFieldMissing || providerCode === CDC_RETURN_CODES.invalidFieldType) {
    // The provider does not say which field; the whole input is the honest path.
    const said = failure.detail.kind === 'http_status' && isRecord(failure.detail.body) ? failure.detail.body.message : null;
    const message = typeof said === 'string' && said.trim() !== '' ? said.trim() : 'Banco CDC rejected the request.';
    return validationError([fieldError(['input'], 'REJECTED_BY_PROVIDER', `${message} (${providerCode})`)]);
  }
  return cdcProviderError(failure);
}
