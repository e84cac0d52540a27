/**
 * Magicline debt collection. Resolvers only wire the pieces: rules and the update flow in
 * src/domain/debt-collection/, provider calls and mapping in src/providers/debt-collection/.
 */
import type { GraphQLContext } from '../src/context';
import type { Resolvers } from '../src/generated/graphql';
import type { DebtCaseModel } from '../src/domain/debt-collection/model';
import { caseTotals } from '../src/domain/debt-collection/money';
import { checkDebtCases, matchesFilter, type DebtCasesFilter } from '../src/domain/debt-collection/query-rules';
import { runCaseUpdate, type CaseUpdateDeps, type CaseUpdateOutcome } from '../src/domain/debt-collection/update-case';
import type { CaseUpdateInputModel, CaseUpdateKind } from '../src/domain/debt-collection/model';
import {
  badUserInput,
  conflictError,
  fieldError,
  notFoundError,
  providerError,
  rateLimitedError,
  validationError,
  type ConflictErrorModel,
  type NotFoundErrorModel,
  type ProviderErrorModel,
  type RateLimitedErrorModel,
  type ValidationErrorModel,
} from '../src/domain/errors';
import { errorBodyOf } from '../src/providers/debt-collection/client';
import { inputPathOfReference } from '../src/providers/debt-collection/mapping';
import { ProviderFailure } from '../src/providers/failure';

/**
 * Wait suggested on a 429 without Retry-After: the provider counts requests per minute, and
 * past the limit refuses the rest of the minute.
 */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

type ErrorResult = ValidationErrorModel | NotFoundErrorModel | ConflictErrorModel | RateLimitedErrorModel | ProviderErrorModel;

/** 409 `errorCode`s the provider documents in our reading (raw.ts), in words a caller can act on. */
const CONFLICT_MESSAGES: Readonly<Record<string, string>> = {
  CASE_CLOSED: 'The case is closed; a closed case cannot be updated or closed again.',
  REQUEST_ID_REUSED: 'The provider already received this requestId with a different update.',
};

export const debtCollectionResolvers: Resolvers = {
  Query: {
    debtCase: (_parent, { agencyCollectionCaseId }, { loaders }) =>
      loaders.debtCollection.caseByAgencyId.load(agencyCollectionCaseId),

    async debtCases(_parent, args, { loaders }) {
      const check = checkDebtCases(args);
      if (!check.ok) throw badUserInput(check.fieldErrors);
      const found = await fetchCases(check.filter, loaders.debtCollection);
      const seen = new Set<string>();
      return found.filter((debtCase) => {
        if (seen.has(debtCase.agencyCollectionCaseId)) return false;
        seen.add(debtCase.agencyCollectionCaseId);
        return matchesFilter(debtCase, check.filter);
      });
    },
  },

  Mutation: {
    async updateCollectionCase(_parent, { input }, context) {
      const outcome = await runCaseUpdate('update', input, caseUpdateDeps(context));
      return outcome.kind === 'done'
        ? { __typename: 'UpdateCollectionCaseSuccess', debtCase: outcome.debtCase, requestId: outcome.requestId }
        : errorResult(outcome, 'update', input, context);
    },

    async closeCollectionCase(_parent, { input }, context) {
      const outcome = await runCaseUpdate('close', input, caseUpdateDeps(context));
      return outcome.kind === 'done'
        ? { __typename: 'CloseCollectionCaseSuccess', debtCase: outcome.debtCase, requestId: outcome.requestId }
        : errorResult(outcome, 'close', input, context);
    },
  },

  UpdateCollectionCaseResult: {
    __resolveType: (result) => result.__typename,
  },

  CloseCollectionCaseResult: {
    __resolveType: (result) => result.__typename,
  },

  DebtCase: {
    __resolveReference: (reference, { loaders }) =>
      loaders.debtCollection.caseByAgencyId.load(reference.agencyCollectionCaseId),
    isClosed: (debtCase) => debtCase.closure !== null,
    totals: (debtCase) => caseTotals(debtCase.debts),
  },

  Debtor: {
    __resolveReference: (reference, { loaders }) => loaders.debtCollection.debtorById(reference.debtorId),
    cases: (debtor, _args, { loaders }) => loaders.debtCollection.casesByDebtorId.load(debtor.debtorId),
  },
};

/** Cases by the filter chosen to fetch by, in the order of its ids; the other filters apply after. */
async function fetchCases(
  filter: DebtCasesFilter,
  loaders: GraphQLContext['loaders']['debtCollection'],
): Promise<DebtCaseModel[]> {
  switch (filter.fetchBy) {
    case 'agencyCollectionCaseIds':
      return present(await Promise.all(filter.ids.map((id) => loaders.caseByAgencyId.load(id))));
    case 'collectionCaseIds':
      return present(await Promise.all(filter.ids.map((id) => loaders.caseByCollectionCaseId.load(id))));
    case 'debtorIds':
      return (await Promise.all(filter.ids.map((id) => loaders.casesByDebtorId.load(id)))).flat();
  }
}

function present(cases: readonly (DebtCaseModel | null)[]): DebtCaseModel[] {
  return cases.filter((debtCase) => debtCase !== null);
}

/** The typed error of an outcome that is not a success. Only unexpected errors are thrown. */
function errorResult(
  outcome: Exclude<CaseUpdateOutcome, { kind: 'done' }>,
  kind: CaseUpdateKind,
  input: CaseUpdateInputModel,
  { logger }: GraphQLContext,
): ErrorResult {
  switch (outcome.kind) {
    case 'invalid':
      return validationError(outcome.fieldErrors);
    case 'not_found':
      return notFoundError('DebtCase', outcome.agencyCollectionCaseId);
    case 'conflict':
      return conflictError(outcome.message);
    case 'failed':
      break;
  }

  const mutation = kind === 'update' ? 'updateCollectionCase' : 'closeCollectionCase';
  const error = outcome.error;
  const failure = error instanceof ProviderFailure ? error : null;
  const detail = failure?.detail;
  const body = failure ? errorBodyOf(failure) : null;
  // Ids and amounts stay out of the log; the provider's traceId and our requestId are neither.
  const logFields = {
    provider: 'DEBT_COLLECTION',
    mutation,
    stage: outcome.stage,
    updateRequestId: outcome.requestId,
    ...(detail && { failure: detail.kind }),
    ...(detail?.kind === 'http_status' && { status: detail.status, providerCode: detail.providerCode }),
    ...(body?.traceId !== undefined && { traceId: body.traceId }),
  };

  if (outcome.stage === 'reread') {
    // The write is done and remembered: saying "failed" would invite a different retry.
    logger.warn(logFields, 'debt-collection update accepted, reading the case back failed');
    return {
      __typename: 'ProviderError',
      message: `The update was accepted (requestId ${outcome.requestId}), but reading the case back failed. Send the same input with the same requestId again to get the case; it will not be written twice.`,
      provider: 'DEBT_COLLECTION',
      retryable: true,
      // Also the breaker's wait when the read-back failed fast on an open circuit.
      retryAfterSeconds: failure?.retryAfterSeconds ?? null,
      providerCode: failure?.providerCode ?? null,
      providerReference: failure?.providerReference ?? null,
    };
  }
  if (!failure || !detail) throw error;
  logger.warn(logFields, failure.message);

  if (detail.kind === 'http_status') {
    switch (detail.status) {
      case 400:
        if (outcome.sent) {
          const path = inputPathOfReference(body?.reference ?? null, outcome.sent.payload, outcome.sent.changes, input.requestId != null);
          return validationError([fieldError(path, 'REJECTED_BY_PROVIDER', body?.errorMessage || 'The provider rejected this value.')]);
        }
        break;
      case 404:
        return notFoundError('DebtCase', input.agencyCollectionCaseId);
      case 409:
        return conflictError(
          CONFLICT_MESSAGES[detail.providerCode] ?? `The provider refused the update as a conflict: ${body?.errorMessage || 'no reason given'}.`,
        );
      case 429:
        return rateLimitedError(failure.message, detail.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
    }
  }
  return providerError(failure);
}

/** The provider calls and the instance's write guards a case update runs with. */
function caseUpdateDeps({ providers, services }: GraphQLContext): CaseUpdateDeps {
  const client = providers.debtCollection;
  return {
    readCase: (agencyCollectionCaseId) => client.readCase(agencyCollectionCaseId),
    update: (payload) => client.update(payload),
    ...services.debtCaseWrites,
  };
}
