/**
 * Debt-collection wire data ↔ our model. Reads never throw and never guess with money: a case
 * whose amounts, currency, blocks or closure cannot be read exactly is reported as unreadable
 * (the graph then fails loudly for that case) rather than shown with invented values, because a
 * later update would send those values back. Items without a usable id are left out: nothing can
 * address them.
 */
import {
  type BlockModel,
  type CaseChanges,
  type CaseClosureModel,
  type CaseUpdatePayload,
  type ClosureOptionModel,
  type DebtCaseModel,
  type DebtModel,
  type DebtorModel,
} from '../../domain/debt-collection/model';
import { exact, isKnownCurrency, money, openAmount } from '../../domain/debt-collection/money';
import { calendarDate, decimal, identifier, isRecord, text } from '../values';
import { isOneOf, RAW_CLOSURE_TYPES, RAW_REJECTION_REASONS } from './raw';

/** One case of a cases read: its keys, and the case or why it could not be read. */
export type MappedCase = {
  readonly debtorId: string;
  readonly agencyCollectionCaseId: string;
  readonly collectionCaseIds: readonly string[];
} & ({ readonly ok: true; readonly debtCase: DebtCaseModel } | { readonly ok: false; readonly reason: string });

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });

/** The cases of a `GET /debt-collection/cases` answer, or null when it is not `{result: [...]}`. */
export function mapCasesAnswer(body: unknown): MappedCase[] | null {
  if (!isRecord(body) || !Array.isArray(body.result)) return null;
  const cases: MappedCase[] = [];
  for (const rawDebtor of body.result) {
    if (!isRecord(rawDebtor)) continue;
    const debtorId = identifier(rawDebtor.debtorId);
    if (debtorId === null || !Array.isArray(rawDebtor.agencyCollectionCases)) continue;
    const block = readBlock(rawDebtor.block);
    for (const rawCase of rawDebtor.agencyCollectionCases) {
      if (!isRecord(rawCase)) continue;
      const agencyCollectionCaseId = identifier(rawCase.agencyCollectionCaseId);
      if (agencyCollectionCaseId === null) continue;
      const collectionCaseIds = readIds(rawCase.collectionCaseIds);
      const keys = { debtorId, agencyCollectionCaseId, collectionCaseIds: collectionCaseIds.ok ? collectionCaseIds.value : [] };
      // Each problem makes the case unreadable: its ids are resent by an update, its block kept.
      const debtCase = !collectionCaseIds.ok
        ? bad<DebtCaseModel>(collectionCaseIds.reason)
        : !block.ok
          ? bad<DebtCaseModel>(`debtor block: ${block.reason}`)
          : readCase(rawCase, { ...keys, collectionCaseIds: collectionCaseIds.value }, { debtorId, block: block.value });
      cases.push(debtCase.ok ? { ...keys, ok: true, debtCase: debtCase.value } : { ...keys, ok: false, reason: debtCase.reason });
    }
  }
  return cases;
}

function readIds(value: unknown): Read<string[]> {
  if (!Array.isArray(value)) return bad('collectionCaseIds is not a list');
  const ids = value.map(identifier);
  return ids.every((id) => id !== null) ? ok(ids) : bad('unreadable collection case id');
}

function readCase(
  raw: Record<string, unknown>,
  keys: { readonly agencyCollectionCaseId: string; readonly collectionCaseIds: readonly string[] },
  debtor: DebtorModel,
): Read<DebtCaseModel> {
  if (!Array.isArray(raw.debts)) return bad('debts is not a list');
  const debts: DebtModel[] = [];
  for (const [index, rawDebt] of raw.debts.entries()) {
    const debt = readDebt(rawDebt);
    if (!debt.ok) return bad(`debt ${index}: ${debt.reason}`);
    debts.push(debt.value);
  }
  const closure = readClosure(raw.closure);
  if (!closure.ok) return bad(`closure: ${closure.reason}`);
  return ok({
    agencyCollectionCaseId: keys.agencyCollectionCaseId,
    // As stored, untrimmed: an update sends it back.
    publicCollectionCaseId:
      typeof raw.publicCollectionCaseId === 'string' && raw.publicCollectionCaseId !== '' ? raw.publicCollectionCaseId : null,
    collectionCaseIds: keys.collectionCaseIds,
    debtor,
    debts,
    closure: closure.value,
  });
}

function readDebt(raw: unknown): Read<DebtModel> {
  if (!isRecord(raw)) return bad('not an object');
  const debtId = identifier(raw.debtId);
  if (debtId === null) return bad('no debtId');
  const currency = text(raw.currency);
  if (currency === null || !isKnownCurrency(currency)) return bad('unknown currency');
  const original = decimal(raw.originalAmount);
  const paid = decimal(raw.paidAmount);
  const canceled = decimal(raw.canceledAmount);
  if (original === null || paid === null || canceled === null) return bad('unreadable amount');
  const block = readBlock(raw.block);
  if (!block.ok) return bad(`block: ${block.reason}`);
  return ok({
    debtId,
    type: text(raw.type),
    originalAmount: money(exact(original), currency),
    paidAmount: money(exact(paid), currency),
    canceledAmount: money(exact(canceled), currency),
    openAmount: money(openAmount(exact(original), exact(paid), exact(canceled)), currency),
    block: block.value,
  });
}

/** A stored block; DISABLED (and none) read as null. An unknown limit cannot be kept: unreadable. */
export function readBlock(raw: unknown): Read<BlockModel | null> {
  if (raw === null || raw === undefined) return ok(null);
  if (!isRecord(raw)) return bad('not an object');
  if (raw.limitType === 'DISABLED') return ok(null);
  if (raw.limitType !== 'LIMITED' && raw.limitType !== 'UNLIMITED') return bad('unknown limitType');
  const endDate = calendarDate(raw.endDate);
  if (endDate === null) return bad('no end date');
  return ok({ limitType: raw.limitType, endDate });
}

function readClosure(raw: unknown): Read<CaseClosureModel | null> {
  if (raw === null || raw === undefined) return ok(null);
  if (!isRecord(raw)) return bad('not an object');
  const type = raw.type;
  if (!isOneOf(RAW_CLOSURE_TYPES, type)) return bad('unknown type');
  const date = calendarDate(raw.date);
  if (date === null) return bad('no date');
  const options: ClosureOptionModel[] = (Array.isArray(raw.options) ? raw.options : [])
    .filter(isRecord)
    .flatMap((option) =>
      option.key === 'WRITE_OFF_REMAINING_DEBTS' && typeof option.value === 'string'
        ? [{ key: 'WRITE_OFF_REMAINING_DEBTS' as const, value: option.value }]
        : [],
    );
  const rejectionReason = isOneOf(RAW_REJECTION_REASONS, raw.rejectionReason) ? raw.rejectionReason : null;
  return ok({
    type,
    date,
    reason: text(raw.closureReason),
    rejectionReason,
    writeOffRemainingDebts: options.some((option) => option.value.trim().toLowerCase() === 'true'),
    options,
  });
}

/** `debtors[0].agencyCollectionCases[0].debts[1].paidAmount` → `['debtors', 0, ..., 'paidAmount']`. */
export function parseReference(reference: string): (string | number)[] | null {
  const tokens: (string | number)[] = [];
  for (const part of reference.split('.')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)$/.exec(part);
    if (!match?.[1]) return null;
    tokens.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) tokens.push(Number(index[1]));
  }
  return tokens;
}

const BLOCK_FIELDS: ReadonlySet<string> = new Set(['limitType', 'endDate']);
const DEBT_FIELDS: ReadonlySet<string> = new Set(['debtId', 'paidAmount', 'canceledAmount']);
/** Closure field on the wire → ours. */
const CLOSURE_FIELDS: ReadonlyMap<string, string> = new Map([
  ['type', 'type'],
  ['date', 'date'],
  ['rejectionReason', 'rejectionReason'],
  ['closureReason', 'reason'],
  ['options', 'writeOffRemainingDebts'],
]);

/**
 * The input path of the field a provider 400 names in `reference`, when it is a field the caller
 * sent; else `['input']`. Debt indexes of the payload (every debt of the case) become indexes of
 * the caller's `debts`.
 */
export function inputPathOfReference(
  reference: string | null,
  payload: CaseUpdatePayload,
  changes: CaseChanges,
  requestIdGiven: boolean,
): string[] {
  const whole = ['input'];
  const tokens = reference === null ? null : parseReference(reference);
  if (!tokens) return whole;
  const [first, ...rest] = tokens;
  if (first === 'requestId') return requestIdGiven ? ['input', 'requestId'] : whole;
  if (first !== 'debtors' || rest[0] !== 0) return whole;
  const inDebtor = rest.slice(1);

  const blockPath = (set: boolean, base: string[], after: (string | number)[]): string[] => {
    if (!set) return whole;
    const field = after[0];
    return typeof field === 'string' && BLOCK_FIELDS.has(field) ? [...base, field] : base;
  };

  if (inDebtor[0] === 'block') {
    return blockPath(changes.debtorBlock.kind === 'set', ['input', 'debtorBlock'], inDebtor.slice(1));
  }
  if (inDebtor[0] !== 'agencyCollectionCases' || inDebtor[1] !== 0) return whole;
  const [section, ...inCase] = inDebtor.slice(2);

  if (section === 'agencyCollectionCaseId') return ['input', 'agencyCollectionCaseId'];
  if (section === 'closure') {
    const field = CLOSURE_FIELDS.get(String(inCase[0]));
    if (!changes.closure) return whole;
    return field ? ['input', 'closure', field] : ['input', 'closure'];
  }
  if (section === 'debts' && typeof inCase[0] === 'number') {
    const debtId = payload.debts[inCase[0]]?.debtId;
    const change = changes.debts.find((candidate) => candidate.debtId === debtId);
    if (!change) return whole;
    const base = ['input', 'debts', String(change.inputIndex)];
    const field = inCase[1];
    if (field === 'block') return blockPath(change.block.kind === 'set', [...base, 'block'], inCase.slice(2));
    return typeof field === 'string' && DEBT_FIELDS.has(field) ? [...base, field] : whole;
  }
  return whole;
}
