/**
 * Per-request batching for RecoveryConnect: every assignment asked for in one tick (fields,
 * lists, federation entity references) is fetched with one list call per 250 ids.
 */
import DataLoader from 'dataloader';
import { isProviderId } from '../../domain/assignment/ids';
import type { AssignmentModel, CollateralModel } from '../../domain/assignment/model';
import type { UnreadableRecord } from '../../domain/unreadable';
import { loaderBatchSize } from '../../infra/observability/loader-metrics';
import { MAX_IDS_PER_CALL, type RecoveryConnectClient } from './client';

export interface RecoveryConnectLoaders {
  /** Null when the assignment does not exist. */
  readonly assignmentById: DataLoader<string, AssignmentModel | null>;
  readonly collateralsByAssignmentId: DataLoader<string, (CollateralModel | UnreadableRecord)[]>;
}

const assignmentBatch = loaderBatchSize('recovery_connect.assignment_by_id');
const collateralsBatch = loaderBatchSize('recovery_connect.collaterals_by_assignment_id');

export function createRecoveryConnectLoaders(client: RecoveryConnectClient): RecoveryConnectLoaders {
  const assignmentById = new DataLoader<string, AssignmentModel | null>(
    async (ids) => {
      assignmentBatch(ids.length);
      // A malformed id would make the provider reject the whole batch: answer null for it alone.
      const wellFormed = ids.filter(isProviderId);
      const found = await client.assignmentsByIds(wellFormed);
      const byId = new Map(found.map((assignment) => [assignment.id, assignment]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: MAX_IDS_PER_CALL },
  );

  // No batch route exists for collaterals: one call per assignment, deduplicated per request.
  const collateralsByAssignmentId = new DataLoader<string, (CollateralModel | UnreadableRecord)[]>((ids) => {
    collateralsBatch(ids.length);
    return Promise.all(ids.map((id) => client.collaterals(id).catch((error: unknown) => toError(error))));
  });

  return { assignmentById, collateralsByAssignmentId };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
