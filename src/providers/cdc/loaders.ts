/** Per-request batching for CDC — SKELETON; the CDC helper fills it. */
import type { CdcClient } from './client';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- skeleton, filled by the CDC work
export interface CdcLoaders {}

export function createCdcLoaders(_client: CdcClient): CdcLoaders {
  return {};
}
