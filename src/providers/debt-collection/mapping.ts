/**
 * Debt-collection wire data ↔ our model. Reads never throw and never guess with money: a case
 * whose amounts, currency, blocks or closure cannot be read exactly is reported as unreadable
 * (the graph then fails loudly for that case alone) rather than shown with invented values,
 * because a later update would send those values back. Items without a usable id are left out:
 * nothing can address them. Optional parts that are missing read as null (a block field that is
 * missing reads as UNKNOWN, never as "no block": see raw.ts).
 */
import {
  BLOCK_UNKNOWN,
  type BlockListModel,
  type BlockModel,
  type CaseChanges,
  type CaseClosureModel,
  type CaseUpdatePayload,
  type ClosureOptionModel,
  type DebtCaseModel,
  type DebtModel,
  type DebtorModel,
  type StoredBlock,
} from '../../domain/debt-collection/model';
import { exact, isKnownCurrency, money, openAmount } from '../../domain/debt-collection/money';
import { calendarDate, decimal, identifier, integer, isRecord, text } from '../values';
import { isOneOf, RAW_CLOSURE_TYPES, RAW_REJECTION_REASONS } from './raw';

/** One case of a cases read: its keys, its debtor (null when unreadable), and the case or why it could not be read. */
export type MappedCase = {
  readonly debtorId: string;
  readonly agencyCollectionCaseId: string;
  readonly collectionCaseIds: readonly string[];
  readonly debtor: DebtorModel | null;
} & ({ readonly ok: true; readonly debtCase: DebtCaseModel } | { readonly ok: false; readonly reason: string });

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

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
    const block = readStoredBlock(rawDebtor, 'block');
    for (const rawCase of rawDebtor.agencyCollectionCases) {
      if (!isRecord(rawCase)) continue;
      const agencyCollectionCaseId = identifier(rawCase.agencyCollectionCaseId);
      if (agencyCollectionCaseId === null) continue;
      const collectionCaseIds = readIds(rawCase.collectionCaseIds);
      const keys = {
        debtorId,
        agencyCollectionCaseId,
        collectionCaseIds: collectionCaseIds.ok ? collectionCaseIds.value : [],
        debtor: block.ok ? { debtorId, block: block.value } : null,
      };
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

/** The case's own public id as stored (untrimmed: an update sends it back); null when absent. */
function publicId(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return typeof value === 'number' ? identifier(value) : null;
}

function readCase(
  raw: Record<string, unknown>,
  keys: { readonly agencyCollectionCaseId: string; readonly collectionCaseIds: readonly string[] },
  debtor: DebtorModel,
): Read<DebtCaseModel> {
  const debts = readDebts(raw.debts);
  if (!debts.ok) return debts;
  const closure = readClosure(raw.closure);
  if (!closure.ok) return bad(`closure: ${closure.reason}`);
  return ok({
    agencyCollectionCaseId: keys.agencyCollectionCaseId,
    publicCollectionCaseId: publicId(raw.publicCollectionCaseId),
    collectionCaseIds: keys.collectionCaseIds,
    debtor,
    debts: debts.value,
    closure: closure.value,
  });
}

/** Every debt of a list, or the first one's problem. */
function readDebts(raw: unknown): Read<DebtModel[]> {
  if (!Array.isArray(raw)) return bad('debts is not a list');
  const debts: DebtModel[] = [];
  for (const [index, rawDebt] of raw.entries()) {
    const debt = readDebt(rawDebt);
    if (!debt.ok) return bad(`debt ${index}: ${debt.reason}`);
    debts.push(debt.value);
  }
  return ok(debts);
}

function readDebt(raw: unknown): Read<DebtModel> {
  if (!isRecord(raw)) return bad('not an object');
  const debtId = identifier(raw.debtId);
  if (debtId === null) return bad('no debtId');
  const currency = text(raw.currency);
  if (currency === null || !isKnownCurrency(currency)) return bad('unknown currency');
  // Numbers or decimal strings alike, as stored: a negative one too (raw.ts), never rounded.
  const original = decimal(raw.originalAmount);
  const paid = decimal(raw.paidAmount);
  const canceled = decimal(raw.canceledAmount);
  if (original === null || paid === null || canceled === null) return bad('unreadable amount');
  const block = readStoredBlock(raw, 'block');
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

/** A block field of a record: stated (a block or none) when present, UNKNOWN when absent. */
export function readStoredBlock(record: Record<string, unknown>, field: string): Read<StoredBlock> {
  return Object.hasOwn(record, field) ? readBlock(record[field]) : ok(BLOCK_UNKNOWN);
}

/** A stated block; DISABLED (and null) read as none. An unknown limit cannot be kept: unreadable. */
export function readBlock(raw: unknown): Read<BlockModel | null> {
  if (raw === null || raw === undefined) return ok(null);
  if (!isRecord(raw)) return bad('not an object');
  if (raw.limitType === 'DISABLED') return ok(null);
  if (raw.limitType !== 'LIMITED' && raw.limitType !== 'UNLIMITED') return bad('unknown limitType');
  const endDate = calendarDate(raw.endDate);
  if (endDate === null) return bad('no end date');
  return ok({ limitType: raw.limitType, endDate });
}

/**
 * A stored closure. Present (an object) means the case is closed, which is what the rules need;
 * a type or date we cannot read is null rather than hide the case.
 */
function readClosure(raw: unknown): Read<CaseClosureModel | null> {
  if (raw === null || raw === undefined) return ok(null);
  if (!isRecord(raw)) return bad('not an object');
  const type = isOneOf(RAW_CLOSURE_TYPES, raw.type) ? raw.type : null;
  const date = calendarDate(raw.date);
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

/**
 * A blocked list (`/blocked/debtors` by `debtorId`, `/blocked/debts` by `debtId`): each listed
 * id with its block, UNKNOWN for an entry whose block cannot be read. Null when the answer is not
 * a whole list: no `result` list, `hasNext: true`, or an entry without a readable id (it could be
 * anyone's block).
 */
export function mapBlockList(body: unknown, idField: 'debtorId' | 'debtId'): Read<BlockListModel> {
  if (!isRecord(body) || !Array.isArray(body.result)) return bad('no result list');
  if (body.hasNext === true) return bad('the list says it has more (hasNext)');
  const byId = new Map<string, StoredBlock>();
  for (const entry of body.result) {
    const id = isRecord(entry) ? identifier(entry[idField]) : null;
    if (!isRecord(entry) || id === null) return bad(`an entry without a readable ${idField}`);
    const block = readBlock(entry.block);
    // Listed twice, differently: neither can be trusted.
    const previous = byId.get(id);
    const value: StoredBlock = !block.ok ? BLOCK_UNKNOWN : block.value;
    byId.set(id, previous === undefined || sameBlock(previous, value) ? value : BLOCK_UNKNOWN);
  }
  return ok({ byId });
}

function sameBlock(a: StoredBlock, b: StoredBlock): boolean {
  if (a === null || b === null || a === BLOCK_UNKNOWN || b === BLOCK_UNKNOWN) return a === b;
  return a.limitType === b.limitType && a.endDate === b.endDate;
}

/** One slice of a run's debtors, as read; a debtor whose transferred cases cannot be read keeps why. */
export interface MappedRunSlice {
  readonly debtors: readonly MappedRunDebtor[];
  readonly hasNext: boolean;
  readonly nextOffset: number | null;
}

export interface MappedRunDebtor {
  readonly debtorId: string;
  readonly block: StoredBlock;
  /** Flat, each debt with the collection case it was transferred in. */
  readonly transferredDebts: Read<DebtModel[]>;
}

/**
 * A `GET /debt-collection/{runId}/debtors` answer for the slice that starts at `offset`. Not a
 * slice at all (no `result` list, no `hasNext`, a next offset that does not move forward, or a
 * debtor without a readable id, which a slice cannot leave out without the agency missing a
 * debtor): the reason. A debtor whose block cannot be read keeps it UNKNOWN (the blocked list
 * says it); one whose cases cannot be read keeps why, for its own field to fail.
 */
export function mapRunDebtorsAnswer(body: unknown, offset: number): Read<MappedRunSlice> {
  if (!isRecord(body) || !Array.isArray(body.result)) return bad('no result list');
  if (typeof body.hasNext !== 'boolean') return bad('no hasNext');
  const debtors: MappedRunDebtor[] = [];
  for (const [index, raw] of body.result.entries()) {
    const debtorId = isRecord(raw) ? identifier(raw.debtorId) : null;
    if (!isRecord(raw) || debtorId === null) return bad(`debtor ${index} of the slice has no readable debtorId`);
    const block = readStoredBlock(raw, 'block');
    debtors.push({ debtorId, block: block.ok ? block.value : BLOCK_UNKNOWN, transferredDebts: readTransferredDebts(raw.collectionCases) });
  }
  if (!body.hasNext) return ok({ debtors, hasNext: false, nextOffset: null });
  const next = integer(body.offset);
  if (next === null || next <= offset) return bad('hasNext without a next offset after this slice');
  return ok({ debtors, hasNext: true, nextOffset: next });
}

function readTransferredDebts(raw: unknown): Read<DebtModel[]> {
  if (!Array.isArray(raw)) return bad('collectionCases is not a list');
  const debts: DebtModel[] = [];
  for (const [index, rawCase] of raw.entries()) {
    const collectionCaseId = isRecord(rawCase) ? identifier(rawCase.collectionCaseId) : null;
    if (!isRecord(rawCase) || collectionCaseId === null) return bad(`collection case ${index} has no readable collectionCaseId`);
    const read = readDebts(rawCase.debts);
    if (!read.ok) return bad(`collection case ${collectionCaseId}: ${read.reason}`);
    debts.push(...read.value.map((debt) => ({ ...debt, collectionCaseId })));
  }
  return ok(debts);
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

/** What a provider 404 on an update says is missing. */
export interface MissingResource {
  readonly resource: 'Debtor' | 'DebtCase' | 'Debt';
  readonly id: string;
}

/**
 * The record a 404 of the update names in `reference` (raw.ts): the debt, the debtor or the case
 * of `payload`. Without a reference it names, the case.
 */
export function missingOfReference(reference: string | null, payload: CaseUpdatePayload): MissingResource {
  const whole: MissingResource = { resource: 'DebtCase', id: payload.agencyCollectionCaseId };
  const tokens = reference === null ? null : parseReference(reference);
  if (!tokens || tokens[0] !== 'debtors' || tokens[1] !== 0) return whole;
  if (tokens[2] === 'debtorId') return { resource: 'Debtor', id: payload.debtorId };
  if (tokens[2] !== 'agencyCollectionCases' || tokens[3] !== 0) return whole;
  if (tokens[4] === 'debts' && typeof tokens[5] === 'number') {
    const debtId = payload.debts[tokens[5]]?.debtId;
    return debtId === undefined ? whole : { resource: 'Debt', id: debtId };
  }
  return whole;
}
