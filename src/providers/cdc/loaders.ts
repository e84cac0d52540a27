/**
 * Per-request loading for Banco CDC. The provider has no batch route, so each loader makes one
 * call per assignment code, deduplicated within the request: a query that asks for the same
 * assignment through several fields (or federation references) reads it once.
 */
import DataLoader from 'dataloader';
import type { CdcAssignmentRead, CdcStatusHistory } from '../../domain/cdc/model';
import { loaderBatchSize } from '../../infra/observability/loader-metrics';
import type { CdcClient } from './client';

export interface CdcLoaders {
  /** `GET /assignment/` by code: the assignment with its operations, or not found / unreadable. */
  readonly assignmentByCode: DataLoader<string, CdcAssignmentRead>;
  /** `GET /assignment/status/` by code. */
  readonly historyByCode: DataLoader<string, CdcStatusHistory>;
}

const assignmentBatch = loaderBatchSize('cdc.assignment_by_code');
const historyBatch = loaderBatchSize('cdc.history_by_code');

/** Fresh loaders for one GraphQL request, so nothing is cached across requests. */
export function createCdcLoaders(client: CdcClient): CdcLoaders {
  return {
    assignmentByCode: new DataLoader<string, CdcAssignmentRead>((codes) => {
      assignmentBatch(codes.length);
      return Promise.all(codes.map((code) => client.assignment(code).catch(toError)));
    }),
    historyByCode: new DataLoader<string, CdcStatusHistory>((codes) => {
      historyBatch(codes.length);
      return Promise.all(codes.map((code) => client.statusHistory(code).catch(toError)));
    }),
  };
}

/** DataLoader fails only the key whose batch entry is an Error; the other codes keep their answers. */
function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
