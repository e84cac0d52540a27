/**
 * Banco CDC assignments. Resolvers only wire the pieces: rules in src/domain/cdc/, provider calls
 * and mapping in src/providers/cdc/.
 */
import type { Resolvers } from '../src/generated/graphql';
import type { Logger } from '../src/logger';
import { validationError } from '../src/domain/errors';
import type { CdcAssignmentModel, CdcAssignmentRead } from '../src/domain/cdc/model';
import { allowedNextStatuses } from '../src/domain/cdc/permissions';
import { checkSetCdcStatus } from '../src/domain/cdc/set-status-rules';
import { setCdcStatus } from '../src/domain/cdc/set-status';
import { warnSkipped } from '../src/domain/cdc/skipped';
import { describeStatus } from '../src/domain/cdc/status';

/**
 * The assignment of a read, or null when there is none to show: unknown code, or one the graph
 * cannot read (logged, so it is left out, not hidden). Provider failures stay errors.
 */
function shown(read: CdcAssignmentRead, logger: Logger): CdcAssignmentModel | null {
  if (read.kind === 'not_found') return null;
  warnSkipped(logger, read.skipped);
  return read.kind === 'found' ? read.assignment : null;
}

/** Queries, the mutation and the CdcAssignment entity. */
export const cdcResolvers: Resolvers = {
  Query: {
    cdcAssignment: async (_parent, { code }, { loaders, logger }) =>
      shown(await loaders.cdc.assignmentByCode.load(code), logger),

    async cdcAssignments(_parent, _args, { providers, logger }) {
      const list = await providers.cdc.listAssignments();
      warnSkipped(logger, list.skipped);
      return [...list.assignments];
    },
  },

  Mutation: {
    async setCdcStatus(_parent, { input }, { providers, loaders, logger }) {
      const check = checkSetCdcStatus({ input });
      if (!check.ok) return validationError(check.fieldErrors);
      return setCdcStatus(check.request, { client: providers.cdc, loaders: loaders.cdc, logger });
    },
  },

  SetCdcStatusResult: {
    __resolveType: (result) => result.__typename,
  },

  CdcAssignment: {
    // An unknown code is null for this entity alone; the other representations still resolve.
    __resolveReference: async (reference, { loaders, logger }) =>
      shown(await loaders.cdc.assignmentByCode.load(reference.code), logger),

    statusDescription: (assignment) => describeStatus(assignment.status),

    async operations(assignment, _args, { loaders, logger }) {
      // The list route carries no operations: read the assignment itself, only when asked.
      if (assignment.operations) return [...assignment.operations];
      const read = await loaders.cdc.assignmentByCode.load(assignment.code);
      return [...(shown(read, logger)?.operations ?? [])];
    },

    async statusHistory(assignment, _args, { loaders, logger }) {
      const history = await loaders.cdc.historyByCode.load(assignment.code);
      warnSkipped(logger, history.skipped);
      return [...history.changes];
    },

    allowedNextStatuses: (assignment) => allowedNextStatuses(assignment.status),
  },
};
