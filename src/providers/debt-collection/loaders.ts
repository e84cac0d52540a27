/**
 * Per-request batching for debt collection: every case asked for in one tick (fields, lists,
 * federation entity references) is read with one cases call per 50 ids, the provider's limit.
 * A case the provider sends but that cannot be read exactly fails its own key, or its own place
 * in a list, only. The blocked lists are read at most once a request, and a run's slice once per
 * (run, offset, size).
 */
import DataLoader from 'dataloader';
import { isWireId } from '../../domain/debt-collection/ids';
import type { BlockListModel, DebtCaseModel, DebtorModel, RunDebtorsSliceModel } from '../../domain/debt-collection/model';
import type { Slice } from '../../domain/debt-collection/run-rules';
import { isUnreadable } from '../../domain/unreadable';
import { loaderBatchSize } from '../../infra/observability/loader-metrics';
import { unreadableFailure } from './failures';
import { MAX_IDS_PER_PARAMETER } from './raw';
import type { DebtCollectionClient, ReadCase } from './client';

export interface DebtCollectionLoaders {
  /** Null when the case does not exist; rejects when it cannot be read. */
  readonly caseByAgencyId: DataLoader<string, DebtCaseModel | null>;
  /** For lists: the case with its keys, readable or not; null when it does not exist. */
  readonly readByAgencyId: DataLoader<string, ReadCase | null>;
  /** For lists: the case a collection case id belongs to; null when none. */
  readonly readByCollectionCaseId: DataLoader<string, ReadCase | null>;
  /** For lists: every case of the debtor at the agency, readable or not; empty when none. */
  readonly readsByDebtorId: DataLoader<string, readonly ReadCase[]>;
  /** The debtor as its cases show it; null when the agency holds no case of theirs. */
  debtorById(debtorId: string): Promise<DebtorModel | null>;
  /** Every blocked debtor (one call a request). */
  blockedDebtors(): Promise<BlockListModel>;
  /** Every blocked debt (one call a request). */
  blockedDebts(): Promise<BlockListModel>;
  /** One slice of a run's debtors; null for an unknown run. */
  runDebtors(runId: string, slice: Slice): Promise<RunDebtorsSliceModel | null>;
}

/** Batch sizes of the cases reads, by the parameter the batch reads by. */
const casesBatch = {
  agencyCollectionCaseIds: loaderBatchSize('debt_collection.cases_by_agency_id'),
  collectionCaseIds: loaderBatchSize('debt_collection.cases_by_collection_case_id'),
  debtorIds: loaderBatchSize('debt_collection.cases_by_debtor_id'),
} as const;

/** Fresh loaders for one GraphQL request. */
export function createDebtCollectionLoaders(client: DebtCollectionClient): DebtCollectionLoaders {
  /** Reads by one parameter; malformed ids (which the provider would split or refuse) match nothing. */
  async function read(
    parameter: 'agencyCollectionCaseIds' | 'collectionCaseIds' | 'debtorIds',
    ids: readonly string[],
  ): Promise<ReadCase[]> {
    casesBatch[parameter](ids.length);
    const wellFormed = ids.filter(isWireId);
    if (wellFormed.length === 0) return [];
    const found = await client.readCases({ [parameter]: wellFormed });
    // What one loader read, the others need not read again in this request.
    for (const read of found) {
      readByAgencyId.prime(read.agencyCollectionCaseId, read);
      if (!isUnreadable(read.value)) caseByAgencyId.prime(read.agencyCollectionCaseId, read.value);
    }
    return found;
  }

  const options = { maxBatchSize: MAX_IDS_PER_PARAMETER };

  const readByAgencyId = new DataLoader<string, ReadCase | null>(async (ids) => {
    const found = await read('agencyCollectionCaseIds', ids);
    const byId = new Map(found.map((read) => [read.agencyCollectionCaseId, read]));
    return ids.map((id) => byId.get(id) ?? null);
  }, options);

  // A single case: its failure rejects its own key (DataLoader reads an Error value so).
  const caseByAgencyId = new DataLoader<string, DebtCaseModel | null>(
    async (ids) =>
      (await readByAgencyId.loadMany(ids)).map((read) => {
        if (read instanceof Error || read === null) return read;
        return isUnreadable(read.value) ? unreadableFailure(read.value) : read.value;
      }),
    options,
  );

  const readByCollectionCaseId = new DataLoader<string, ReadCase | null>(async (ids) => {
    const found = await read('collectionCaseIds', ids);
    return ids.map((id) => found.find((read) => read.collectionCaseIds.includes(id)) ?? null);
  }, options);

  const readsByDebtorId = new DataLoader<string, readonly ReadCase[]>(async (ids) => {
    const found = await read('debtorIds', ids);
    return ids.map((id) => found.filter((read) => read.debtorId === id));
  }, options);

  const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
    let promise: Promise<T> | undefined;
    return () => (promise ??= load());
  };

  const slices = new Map<string, Promise<RunDebtorsSliceModel | null>>();

  return {
    caseByAgencyId,
    readByAgencyId,
    readByCollectionCaseId,
    readsByDebtorId,
    async debtorById(debtorId) {
      const reads = await readsByDebtorId.load(debtorId);
      // The debtor as any case shows it, also one whose other parts cannot be read.
      const shown = reads.find((read) => read.debtor !== null);
      if (shown?.debtor) return shown.debtor;
      // The debtor's own block cannot be read: the debtor cannot be shown as the provider holds them.
      const [first] = reads;
      if (first && isUnreadable(first.value)) throw unreadableFailure(first.value);
      return null;
    },
    blockedDebtors: once(() => client.blockedDebtors()),
    blockedDebts: once(() => client.blockedDebts()),
    runDebtors(runId, slice) {
      const key = JSON.stringify([runId, slice.offset, slice.sliceSize]);
      let promise = slices.get(key);
      if (!promise) {
        promise = client.runDebtors(runId, slice);
        slices.set(key, promise);
      }
      return promise;
    },
  };
}
