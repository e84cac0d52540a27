/**
 * How many provider calls resolving a field makes, per provider, as the resolvers and their
 * DataLoaders make them: RecoveryConnect reads assignments 250 ids a call, debt collection reads
 * cases 50 ids a call, Banco CDC has no batch read (one call per code), and collaterals and
 * status histories are one call per parent. A batched read counts a fraction of a call per id, so
 * ids asked for across a list, aliases and entities add up to the calls their batches make.
 *
 * A root field missing here (a new one) counts as one call (three for a mutation: read, write,
 * read back) to the provider its `@requiresScopes` names, so a new field is never free.
 */
import type { ProviderName } from '../../domain/provider-fault';
import { MAX_IDS_PER_PARAMETER as DEBT_COLLECTION_BATCH } from '../../providers/debt-collection/raw';
import { MAX_IDS_PER_CALL as RECOVERY_CONNECT_BATCH } from '../../providers/recovery-connect/client';

type Args = Readonly<Record<string, unknown>>;
type CallCount = (args: Args) => number;

/** A read, a write and a read back: what our mutations make at most. */
const MUTATION_CALLS = 3;

/** A debt-collection update: a mutation's three, and the two blocked lists it may need. */
const DEBT_UPDATE_CALLS = MUTATION_CALLS + 2;

/** Calls one resolution of `Type.field` makes, by provider. */
const FIELD_CALLS: Readonly<Record<string, Partial<Record<ProviderName, CallCount>>>> = {
  'Query.assignment': { RECOVERY_CONNECT: () => 1 / RECOVERY_CONNECT_BATCH },
  'Query.assignments': { RECOVERY_CONNECT: () => 1 },
  'Assignment.collaterals': { RECOVERY_CONNECT: () => 1 },
  // The PUT answers the whole assignment.
  'Mutation.updateAssignment': { RECOVERY_CONNECT: () => 1 },
  'Query.cdcAssignment': { CDC: () => 1 },
  'Query.cdcAssignments': { CDC: () => 1 },
  // One read per assignment when it came from the list (the list carries no operations).
  'CdcAssignment.operations': { CDC: () => 1 },
  'CdcAssignment.statusHistory': { CDC: () => 1 },
  'Mutation.setCdcStatus': { CDC: () => MUTATION_CALLS },
  'Query.debtCase': { DEBT_COLLECTION: () => 1 / DEBT_COLLECTION_BATCH },
  'Query.debtCases': { DEBT_COLLECTION: (args) => Math.max(1, longestList(args)) / DEBT_COLLECTION_BATCH },
  'Debtor.cases': { DEBT_COLLECTION: () => 1 / DEBT_COLLECTION_BATCH },
  // The case read, the two blocked lists when the read does not state a block, the write, the read back.
  'Mutation.updateCollectionCase': { DEBT_COLLECTION: () => DEBT_UPDATE_CALLS },
  'Mutation.closeCollectionCase': { DEBT_COLLECTION: () => DEBT_UPDATE_CALLS },
  // Debtor.block and Debt.block are not listed: the two blocked lists behind them are read at most
  // once a request (2 calls), and only when the cases read does not state a block.
  // The run's first slice; `debtors` with the default slice shares it.
  'Query.collectionRun': { DEBT_COLLECTION: () => 1 },
  'CollectionRun.debtors': { DEBT_COLLECTION: () => 1 },
  'Mutation.confirmCollectionTransfer': { DEBT_COLLECTION: () => 1 },
};

/** What one representation of an entity type costs: a share of its loader's batch. */
const ENTITY_CALLS: Readonly<Record<string, { readonly provider: ProviderName; readonly batch: number }>> = {
  Assignment: { provider: 'RECOVERY_CONNECT', batch: RECOVERY_CONNECT_BATCH },
  CdcAssignment: { provider: 'CDC', batch: 1 },
  DebtCase: { provider: 'DEBT_COLLECTION', batch: DEBT_COLLECTION_BATCH },
  Debtor: { provider: 'DEBT_COLLECTION', batch: DEBT_COLLECTION_BATCH },
};

/** The provider behind each scope's domain, for root fields not in the table. */
const PROVIDER_OF_SCOPE: Readonly<Record<string, ProviderName>> = {
  assignments: 'RECOVERY_CONNECT',
  cdc: 'CDC',
  collections: 'DEBT_COLLECTION',
};

/** Root fields that call nobody. */
const FREE_ROOT_FIELDS: ReadonlySet<string> = new Set(['_service', '_entities', '__typename', '__schema', '__type']);

export interface FieldRef {
  readonly parentType: string;
  readonly fieldName: string;
  readonly isRoot: boolean;
  readonly isMutation: boolean;
  /** The scopes the field's `@requiresScopes` names (any set), for fields not in the table. */
  readonly scopes: readonly string[];
}

/** Calls to `provider` one resolution of the field makes. */
export function fieldCalls(provider: ProviderName, field: FieldRef, args: Args): number {
  const known = FIELD_CALLS[`${field.parentType}.${field.fieldName}`];
  if (known) return known[provider]?.(args) ?? 0;
  if (!field.isRoot || FREE_ROOT_FIELDS.has(field.fieldName)) return 0;
  const providers = new Set(field.scopes.map((scope) => PROVIDER_OF_SCOPE[scope.split(':')[0] ?? '']));
  return providers.has(provider) ? (field.isMutation ? MUTATION_CALLS : 1) : 0;
}

/** Calls to `provider` the representations of one `_entities` field make. */
export function entityCalls(provider: ProviderName, representations: readonly unknown[]): number {
  let calls = 0;
  for (const representation of representations) {
    const typename = typeof representation === 'object' && representation !== null && '__typename' in representation ? representation.__typename : null;
    const entity = typeof typename === 'string' ? ENTITY_CALLS[typename] : undefined;
    if (entity?.provider === provider) calls += 1 / entity.batch;
  }
  return calls;
}

function longestList(args: Args): number {
  return Math.max(0, ...Object.values(args).map((value) => (Array.isArray(value) ? value.length : 0)));
}
