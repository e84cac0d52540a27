import type { RawLaunchRequest } from '../../../src/providers/cdc/raw';
import { isRecord } from '../common/guards';
import { readRequiredString, type FieldFailure } from './fields';

/**
 * Reads a `POST /assignment/launch` body ({@link RawLaunchRequest}). Our readings where the
 * documentation is silent: an empty `operations` list is not informed (406-03); an operation code
 * that is not a non-blank string, or a code given twice, is invalid (400-37).
 */
export function readLaunchRequest(input: unknown, failures: FieldFailure[]): RawLaunchRequest | undefined {
  const body = isRecord(input) ? input : {};
  const before = failures.length;
  const documentPurchaser = readRequiredString(body, 'document_purchaser', failures);
  const namePurchaser = readRequiredString(body, 'name_purchaser', failures);
  const operations = readOperations(body['operations'], failures);
  if (failures.length > before || documentPurchaser === undefined || namePurchaser === undefined || operations === undefined) {
    return undefined;
  }
  return { document_purchaser: documentPurchaser, name_purchaser: namePurchaser, operations };
}

function readOperations(value: unknown, failures: FieldFailure[]): string[] | undefined {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    failures.push({ kind: 'missing', field: 'operations' });
    return undefined;
  }
  if (!Array.isArray(value)) {
    failures.push({ kind: 'invalid', field: 'operations' });
    return undefined;
  }
  const codes: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '' || codes.includes(item)) {
      failures.push({ kind: 'invalid', field: 'operations' });
      return undefined;
    }
    codes.push(item);
  }
  return codes;
}
