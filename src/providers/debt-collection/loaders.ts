/** Per-request batching for debt collection — SKELETON; the debt-collection helper fills it. */
import type { DebtCollectionClient } from './client';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- skeleton, filled by the debt-collection work
export interface DebtCollectionLoaders {}

export function createDebtCollectionLoaders(_client: DebtCollectionClient): DebtCollectionLoaders {
  return {};
}
