import {
  RAW_BLOCK_LIMITS,
  RAW_CLOSURE_OPTION_KEYS,
  RAW_CLOSURE_TYPES,
  RAW_REJECTION_REASONS,
  type RawBlock,
  type RawCaseUpdate,
  type RawClosure,
  type RawClosureOption,
  type RawDebtorUpdate,
  type RawDebtUpdate,
  type RawUpdateRequest,
} from '../../../src/providers/debt-collection/raw';
import { isRecord } from '../common/guards';
import { isCurrencyCode } from './amounts';
import {
  asObject,
  fieldPath,
  indexPath,
  invalid,
  InvalidField,
  oneOf,
  optionalObject,
  optionalString,
  requiredAmount,
  requiredArray,
  requiredDate,
  requiredEnum,
  requiredString,
} from './body-reader';
import { ErrorCode, type SimError } from './errors';

/** Outcome of {@link parseUpdateBody}: the update, or the first bad field (and nothing applied). */
export type UpdateBodyResult = { ok: true; update: RawUpdateRequest } | { ok: false; error: SimError };

const BOOLEAN_TEXT = ['true', 'false'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates a `POST /debt-collection/update` body on its own, before the store is consulted
 * (unknown ids, closed cases and stored amounts are checked later, in `update-check.ts`).
 * The seed's required fields and enums are held exactly; our stricter readings:
 * - `debtors` must not be empty; an id named twice (debtor, agency case, or debt within a case)
 *   is refused, as the provider could only apply one of them;
 * - optional fields the wire type does not make nullable (`closure`, `block`,
 *   `publicCollectionCaseId`, `options`) are refused as `null`: leave them out instead;
 * - `rejectionReason` is required for REJECTION and accepted (not forbidden) otherwise;
 * - amounts must fit the currency's minor units, and canceled + paid may exceed the original only
 *   when nothing is canceled (see `amounts.ts`).
 * Unknown fields are ignored.
 */
export function parseUpdateBody(input: unknown): UpdateBodyResult {
  try {
    if (!isRecord(input)) {
      return { ok: false, error: { status: 400, errorCode: ErrorCode.validation, message: 'The request body must be a JSON object.' } };
    }
    return { ok: true, update: readUpdate(input) };
  } catch (error) {
    if (error instanceof InvalidField) return { ok: false, error: error.simError };
    throw error;
  }
}

function readUpdate(body: Record<string, unknown>): RawUpdateRequest {
  const requestId = requiredString(body, 'requestId', '');
  if (!UUID.test(requestId)) throw invalid('requestId', 'requestId must be a UUID.');
  const debtors = requiredArray(body, 'debtors', '');
  if (debtors.length === 0) throw invalid('debtors', 'debtors must not be empty.');
  const seenCases = new Set<string>();
  const seenDebtors = new Set<string>();
  const parsed = debtors.map((debtor, index) => {
    const path = indexPath('debtors', index);
    const read = readDebtor(debtor, path, seenCases);
    unique(seenDebtors, read.debtorId, fieldPath(path, 'debtorId'));
    return read;
  });
  return { requestId, debtors: parsed };
}

function readDebtor(value: unknown, path: string, seenCases: Set<string>): RawDebtorUpdate {
  const debtor = asObject(value, path);
  const debtorId = requiredString(debtor, 'debtorId', path);
  const casesPath = fieldPath(path, 'agencyCollectionCases');
  const cases = requiredArray(debtor, 'agencyCollectionCases', path).map((kase, index) => {
    const casePath = indexPath(casesPath, index);
    const parsed = readCase(kase, casePath);
    unique(seenCases, parsed.agencyCollectionCaseId, fieldPath(casePath, 'agencyCollectionCaseId'));
    return parsed;
  });
  const result: RawDebtorUpdate = { debtorId, agencyCollectionCases: cases };
  const block = readBlock(debtor, path);
  if (block !== undefined) result.block = block;
  return result;
}

function readCase(value: unknown, path: string): RawCaseUpdate {
  const kase = asObject(value, path);
  const agencyCollectionCaseId = requiredString(kase, 'agencyCollectionCaseId', path);
  const publicCollectionCaseId = optionalString(kase, 'publicCollectionCaseId', path, false);
  const idsPath = fieldPath(path, 'collectionCaseIds');
  const collectionCaseIds = requiredArray(kase, 'collectionCaseIds', path).map((id, index) => {
    const reference = indexPath(idsPath, index);
    if (typeof id !== 'string' || id === '') throw invalid(reference, `${reference} must be a non-empty string.`);
    return id;
  });
  const closure = readClosure(kase, path);
  const debtsPath = fieldPath(path, 'debts');
  const seenDebts = new Set<string>();
  const debts = requiredArray(kase, 'debts', path).map((debt, index) => {
    const debtPath = indexPath(debtsPath, index);
    const parsed = readDebt(debt, debtPath);
    unique(seenDebts, parsed.debtId, fieldPath(debtPath, 'debtId'));
    return parsed;
  });

  const result: RawCaseUpdate = { agencyCollectionCaseId, collectionCaseIds, debts };
  if (typeof publicCollectionCaseId === 'string') result.publicCollectionCaseId = publicCollectionCaseId;
  if (closure !== undefined) result.closure = closure;
  return result;
}

function readClosure(kase: Record<string, unknown>, parent: string): RawClosure | undefined {
  const closure = optionalObject(kase, 'closure', parent);
  if (closure === undefined) return undefined;
  const path = fieldPath(parent, 'closure');
  const type = requiredEnum(closure, 'type', path, RAW_CLOSURE_TYPES);
  const date = requiredDate(closure, 'date', path);
  const result: RawClosure = { type, date };

  if ('options' in closure) result.options = readOptions(closure, path);
  const reason = optionalString(closure, 'rejectionReason', path, true);
  const reasonPath = fieldPath(path, 'rejectionReason');
  if (typeof reason === 'string') result.rejectionReason = oneOf(reason, RAW_REJECTION_REASONS, reasonPath);
  else if (type === 'REJECTION') throw invalid(reasonPath, `${reasonPath} is required when type is REJECTION.`, ErrorCode.required);
  else if (reason === null) result.rejectionReason = null;
  const closureReason = optionalString(closure, 'closureReason', path, true);
  if (closureReason !== undefined) result.closureReason = closureReason;
  return result;
}

function readOptions(closure: Record<string, unknown>, parent: string): RawClosureOption[] {
  const path = fieldPath(parent, 'options');
  if (closure['options'] === null) throw invalid(path, `${path} must be left out rather than null.`);
  const seenKeys = new Set<string>();
  return requiredArray(closure, 'options', parent).map((value, index) => {
    const optionPath = indexPath(path, index);
    const option = asObject(value, optionPath);
    const key = requiredEnum(option, 'key', optionPath, RAW_CLOSURE_OPTION_KEYS);
    unique(seenKeys, key, fieldPath(optionPath, 'key'));
    const text = requiredEnum(option, 'value', optionPath, BOOLEAN_TEXT);
    return { key, value: text };
  });
}

function readDebt(value: unknown, path: string): RawDebtUpdate {
  const debt = asObject(value, path);
  const debtId = requiredString(debt, 'debtId', path);
  const originalAmount = requiredAmount(debt, 'originalAmount', path);
  const canceledAmount = requiredAmount(debt, 'canceledAmount', path);
  const paidAmount = requiredAmount(debt, 'paidAmount', path);
  const currency = requiredString(debt, 'currency', path);
  const currencyPath = fieldPath(path, 'currency');
  if (!isCurrencyCode(currency)) throw invalid(currencyPath, `${currencyPath} must be an ISO 4217 code such as EUR.`);

  // Signs, decimals and the sum against the original are checked against the stored debt
  // (update-check.ts): what the provider already stores may be sent back as it is.
  const result: RawDebtUpdate = { debtId, originalAmount, canceledAmount, paidAmount, currency };
  const block = readBlock(debt, path);
  if (block !== undefined) result.block = block;
  return result;
}

function readBlock(owner: Record<string, unknown>, parent: string): RawBlock | undefined {
  const block = optionalObject(owner, 'block', parent);
  if (block === undefined) return undefined;
  const path = fieldPath(parent, 'block');
  return { limitType: requiredEnum(block, 'limitType', path, RAW_BLOCK_LIMITS), endDate: requiredDate(block, 'endDate', path) };
}

function unique(seen: Set<string>, id: string, reference: string): void {
  if (seen.has(id)) throw invalid(reference, `${reference} names ${id} a second time in this request.`);
  seen.add(id);
}
