/**
 * RecoveryConnect assignments. Resolvers only wire the pieces: rules in
 * src/domain/assignment/, provider calls and mapping in src/providers/recovery-connect/.
 */
import type { Resolvers } from '../src/generated/graphql';
import { checkAssignmentList } from '../src/domain/assignment/list-rules';
import { checkAssignmentUpdate } from '../src/domain/assignment/update-rules';
import { badUserInput, fieldError, notFoundError, providerError, rateLimitedError, validationError } from '../src/domain/errors';
import { isRateLimit, ProviderFailure } from '../src/providers/failure';
import { rejectedFields } from '../src/providers/recovery-connect/client';
import { mergeCollaterals } from '../src/providers/recovery-connect/mapping';
import { RECOVERY_CONNECT_RATE_LIMIT_WINDOW_SECONDS } from '../src/providers/recovery-connect/raw';
import { inPlace } from './partial';

export const assignmentResolvers: Resolvers = {
  Query: {
    assignment: (_parent, { id }, { loaders }) => loaders.recoveryConnect.assignmentById.load(id),

    async assignments(_parent, args, { providers }) {
      const check = checkAssignmentList(args);
      if (!check.ok) throw badUserInput(check.fieldErrors);
      const page = await providers.recoveryConnect.listAssignments(check.filter, check.page, check.perPage);
      return {
        items: page.items,
        pageInfo: {
          page: page.page,
          perPage: page.perPage,
          total: page.total,
          lastPage: page.lastPage,
          hasNextPage: page.page < page.lastPage,
        },
      };
    },
  },

  Mutation: {
    async updateAssignment(_parent, args, { providers, logger }) {
      const check = checkAssignmentUpdate(args);
      if (!check.ok) return validationError(check.fieldErrors);
      try {
        const assignment = await providers.recoveryConnect.updateAssignment(check.id, check.patch);
        return { __typename: 'UpdateAssignmentSuccess', assignment };
      } catch (error) {
        if (!(error instanceof ProviderFailure)) throw error;
        const detail = error.detail;
        logger.warn({ provider: error.provider, failure: detail.kind, mutation: 'updateAssignment' }, error.message);
        if (detail.kind === 'http_status' && detail.status === 404) return notFoundError('Assignment', check.id);
        if (isRateLimit(detail)) {
          return rateLimitedError(error.message, error.retryAfterSeconds ?? RECOVERY_CONNECT_RATE_LIMIT_WINDOW_SECONDS);
        }
        if (detail.kind === 'http_status' && detail.status === 422) {
          return validationError(
            rejectedFields(error).map((rejected) =>
              fieldError(rejected.field ? ['input', rejected.field] : ['input'], 'REJECTED_BY_PROVIDER', rejected.message),
            ),
          );
        }
        return providerError(error);
      }
    },
  },

  UpdateAssignmentResult: {
    __resolveType: (result) => result.__typename,
  },

  AssignmentPage: {
    items: (page) => inPlace(page.items),
  },

  Assignment: {
    __resolveReference: (reference, { loaders }) => loaders.recoveryConnect.assignmentById.load(reference.id),

    // Its own provider call: when it fails, this field alone is null with the error (nullable in the SDL).
    async collaterals(assignment, _args, { loaders }) {
      const listed = await loaders.recoveryConnect.collateralsByAssignmentId.load(assignment.id);
      return inPlace(mergeCollaterals(listed, assignment.primaryCollateral));
    },
  },

  // No __resolveReference: the key is `resolvable: false` (see the SDL), so routers never ask.
  Vehicle: {
    propertyHistory: (vehicle, { name, includeEmpty }) =>
      vehicle.propertyHistory.filter(
        (entry) => (name == null || entry.name === name) && (includeEmpty || entry.value !== null),
      ),
  },
};
