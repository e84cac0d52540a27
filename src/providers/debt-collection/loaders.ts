/**
 * Per-request batching for debt collection: every case asked for in one tick (fields, lists,
 * federation entity references) is read with one cases call per 50 ids, the provider's limit.
 * A case the provider sends but that cannot be read exactly fails its own key only.
 */
import DataLoader from 'dataloader';
import { isWireId } from '../../domain/debt-collection/ids';
import type { DebtCaseModel, DebtorModel } from '../../domain/debt-collection/model';
import { ProviderFailure } from '../failure';
import { MAX_IDS_PER_PARAMETER } from './raw';
import type { DebtCollectionClient, ReadCase } from './client';

export interface DebtCollectionLoaders {
  /** Null when the case does not exist. */
  readonly caseByAgencyId: DataLoader<string, DebtCaseModel | null>;
  /** The case a collection case id belongs to; null when none. */
  readonly caseByCollectionCaseId: DataLoader<string, DebtCaseModel | null>;
  /** Every case of the debtor at the agency; empty when none. */
  readonly casesByDebtorId: DataLoader<string, DebtCaseModel[]>;
  /** The debtor as its cases show it; null when the agency holds no case of theirs. */
  debtorById(debtorId: string): Promise<DebtorModel | null>;
}

/** Fresh loaders for one GraphQL request. */
export function createDebtCollectionLoaders(client: DebtCollectionClient): DebtCollectionLoaders {
  /** Reads by one parameter; malformed ids (which the provider would split or refuse) match nothing. */
  async function read(
    parameter: 'agencyCollectionCaseIds' | 'collectionCaseIds' | 'debtorIds',
    ids: readonly string[],
  ): Promise<ReadCase[]> {
    const wellFormed = ids.filter(isWireId);
    if (wellFormed.length === 0) return [];
    const found = await client.readCases({ [parameter]: wellFormed });
    // What one loader read, the others need not read again in this request.
    for (const read of found) {
      if (!(read.value instanceof ProviderFailure)) caseByAgencyId.prime(read.agencyCollectionCaseId, read.value);
    }
    return found;
  }

  const options = { maxBatchSize: MAX_IDS_PER_PARAMETER };

  const caseByAgencyId = new DataLoader<string, DebtCaseModel | null>(async (ids) => {
    const found = await read('agencyCollectionCaseIds', ids);
    const byId = new Map(found.map((read) => [read.agencyCollectionCaseId, read.value]));
    return ids.map((id) => byId.get(id) ?? null);
  }, options);

  const caseByCollectionCaseId = new DataLoader<string, DebtCaseModel | null>(async (ids) => {
    const found = await read('collectionCaseIds', ids);
    return ids.map((id) => found.find((read) => read.collectionCaseIds.includes(id))?.value ?? null);
  }, options);

  const casesByDebtorId = new DataLoader<string, DebtCaseModel[]>(async (ids) => {
    const found = await read('debtorIds', ids);
    return ids.map((id) => {
      const cases: DebtCaseModel[] = [];
      for (const read of found) {
        if (read.debtorId !== id) continue;
        // One unreadable case fails the debtor's list: a list missing a case would mislead.
        if (read.value instanceof ProviderFailure) return read.value;
        cases.push(read.value);
      }
      return cases;
    });
  }, options);

  return {
    caseByAgencyId,
    caseByCollectionCaseId,
    casesByDebtorId,
    async debtorById(debtorId) {
      const cases = await casesByDebtorId.load(debtorId);
      return cases[0]?.debtor ?? null;
    },
  };
}
