/**
 * Banco CDC assignments. Resolvers only wire the pieces: rules in src/domain/cdc/, provider calls
 * and mapping in src/providers/cdc/.
 */
import type { Resolvers } from '../src/generated/graphql';
import { validationError } from '../src/domain/errors';
import type { CdcAssignmentModel, CdcAssignmentRead } from '../src/domain/cdc/model';
import { allowedNextStatuses } from '../src/domain/cdc/permissions';
import { checkSetCdcStatus } from '../src/domain/cdc/set-status-rules';
import { setCdcStatus } from '../src/application/cdc/set-status';
import { describeStatus } from '../src/domain/cdc/status';
import { createCdcStatusPort } from '../src/providers/cdc/status-port';
import { inPlace, unreadableError } from './partial';

/**
 * The assignment of a read: null for an unknown code; an assignment the graph cannot read is an
 * error (null with the error at the field's path). Provider failures stay errors.
 */
function shown(read: CdcAssignmentRead): CdcAssignmentModel | null {
  if (read.kind === 'not_found') return null;
  if (read.kind === 'unreadable') throw unreadableError(read.record);
  return read.assignment;
}

/** Queries, the mutation and the CdcAssignment entity. */
export const cdcResolvers: Resolvers = {
  Query: {
    cdcAssignment: async (_parent, { code }, { loaders }) => shown(await loaders.cdc.assignmentByCode.load(code)),

    async cdcAssignments(_parent, _args, { providers }) {
      const list = await providers.cdc.listAssignments();
      return inPlace(list.assignments);
    },
  },

  Mutation: {
    async setCdcStatus(_parent, { input }, { providers, loaders, logger }) {
      const check = checkSetCdcStatus({ input });
      if (!check.ok) return validationError(check.fieldErrors);
      return setCdcStatus(check.request, { cdc: createCdcStatusPort(providers.cdc, loaders.cdc), logger });
    },
  },

  SetCdcStatusResult: {
    __resolveType: (result) => result.__typename,
  },

  CdcAssignment: {
    // An unknown code is null for this entity alone; the other representations still resolve.
    __resolveReference: async (reference, { loaders }) => shown(await loaders.cdc.assignmentByCode.load(reference.code)),

    statusDescription: (assignment) => describeStatus(assignment.status),

    async operations(assignment, _args, { loaders }) {
      // The list route carries no operations: read the assignment itself, only when asked.
      if (assignment.operations) return inPlace(assignment.operations);
      const read = await loaders.cdc.assignmentByCode.load(assignment.code);
      return inPlace(shown(read)?.operations ?? []);
    },

    async statusHistory(assignment, _args, { loaders }) {
      const history = await loaders.cdc.historyByCode.load(assignment.code);
      return inPlace(history.changes);
    },

    allowedNextStatuses: (assignment) => allowedNextStatuses(assignment.status),
  },
};
