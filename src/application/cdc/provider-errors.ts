/**
 * Banco CDC faults as the typed errors `setCdcStatus` returns. The faults with a meaning of their
 * own get it here; the rest are a plain `ProviderError` carrying the return code.
 */
import { fieldError, notFoundError, providerError, validationError } from '../../domain/errors';
import type { NotFoundErrorModel, ProviderErrorModel, ValidationErrorModel } from '../../domain/errors';
import type { CdcFault } from './ports';

/** A `ProviderError`, with plain words for the configuration problems behind some return codes. */
export function cdcProviderError(fault: CdcFault): ProviderErrorModel {
  const base = providerError(fault);
  switch (fault.meaning) {
    case 'credentials_refused':
      return { ...base, message: `Banco CDC refused our client key or secret (${base.providerCode ?? ''}); check the configured CDC credentials.` };
    case 'module_not_enabled':
      return { ...base, message: 'Banco CDC has not enabled this module for our account (401-06); ask Banco CDC to enable it.' };
    default:
      return base;
  }
}

/**
 * The typed answer for a fault of a call about assignment `code`: not found, a field the provider
 * rejected, or a `ProviderError`. A refused status change is not handled here: it needs a fresh
 * read of the assignment (see set-status.ts).
 */
export function cdcFailureResult(fault: CdcFault, code: string): NotFoundErrorModel | ValidationErrorModel | ProviderErrorModel {
  if (fault.meaning === 'not_found') return notFoundError('CdcAssignment', code);
  if (fault.meaning === 'input_rejected') {
    // The provider does not say which field; the whole input is the honest path.
    const message = fault.providerMessage ?? 'Banco CDC rejected the request.';
    return validationError([fieldError(['input'], 'REJECTED_BY_PROVIDER', `${message} (${fault.providerCode ?? 'no code'})`)]);
  }
  return cdcProviderError(fault);
}
