/**
 * Magicline debt collection. Resolvers only wire the pieces: rules and the update flow in
 * src/domain/debt-collection/, provider calls and mapping in src/providers/debt-collection/.
 */
import type { GraphQLContext } from '../src/graphql/context';
import type { Resolvers } from '../src/generated/graphql';
import { blockIn, type UnknownBlocks } from '../src/application/debt-collection/current-blocks';
import { isRunId } from '../src/domain/debt-collection/ids';
import {
  BLOCK_UNKNOWN,
  type BlockListModel,
  type BlockModel,
  type CaseUpdateInputModel,
  type CaseUpdateKind,
  type StoredBlock,
} from '../src/domain/debt-collection/model';
import { caseTotals } from '../src/domain/debt-collection/money';
import { checkDebtCases, matchesFilter, type DebtCasesFilter } from '../src/domain/debt-collection/query-rules';
import { checkSlice, DEFAULT_SLICE } from '../src/domain/debt-collection/run-rules';
import { runCaseUpdate, type CaseUpdateDeps, type CaseUpdateOutcome } from '../src/application/debt-collection/update-case';
import { isUnreadable } from '../src/domain/unreadable';
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
import { errorBodyOf, type ReadCase } from '../src/providers/debt-collection/client';
import { DebtCollectionFailure, unreadable, unreadableFailure } from '../src/providers/debt-collection/failures';
import { inputPathOfReference, missingOfReference } from '../src/providers/debt-collection/mapping';
import { isRateLimit, ProviderFailure } from '../src/providers/failure';
import { inPlace } from './partial';

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

type Loaders = GraphQLContext['loaders']['debtCollection'];

export const debtCollectionResolvers: Resolvers = {
  Query: {
    debtCase: (_parent, { agencyCollectionCaseId }, { loaders }) =>
      loaders.debtCollection.caseByAgencyId.load(agencyCollectionCaseId),

    async debtCases(_parent, args, { loaders }) {
      const check = checkDebtCases(args);
      if (!check.ok) throw badUserInput(check.fieldErrors);
      const found = await fetchCases(check.filter, loaders.debtCollection);
      const seen = new Set<string>();
      const matching = found.filter((read) => {
        if (seen.has(read.agencyCollectionCaseId)) return false;
        seen.add(read.agencyCollectionCaseId);
        return matchesFilter(read, check.filter);
      });
      return inPlace(matching.map((read) => read.value));
    },

    async collectionRun(_parent, { runId }, { loaders }) {
      // An id that cannot name a run in a path names no run: null, nothing sent.
      if (!isRunId(runId)) return null;
      // The first slice as `debtors` asks for it by default: one call tells whether the run exists
      // and, most often, answers the slice too.
      const slice = await loaders.debtCollection.runDebtors(runId, DEFAULT_SLICE);
      return slice ? { runId } : null;
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

    async confirmCollectionTransfer(_parent, { runId }, { providers, logger }) {
      const unknownRun = (): NotFoundErrorModel => notFoundError('CollectionRun', runId);
      if (!isRunId(runId)) return unknownRun();
      try {
        const confirmed = await providers.debtCollection.confirmTransfer(runId);
        return confirmed ? { __typename: 'ConfirmCollectionTransferSuccess', run: { runId } } : unknownRun();
      } catch (error) {
        if (!(error instanceof ProviderFailure)) throw error;
        logger.warn(failureLogFields(error, { mutation: 'confirmCollectionTransfer' }), error.message);
        const { detail } = error;
        if (isRateLimit(detail)) return rateLimitedError(error.message, error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
        return providerError(error);
      }
    },
  },

  UpdateCollectionCaseResult: {
    __resolveType: (result) => result.__typename,
  },

  CloseCollectionCaseResult: {
    __resolveType: (result) => result.__typename,
  },

  ConfirmCollectionTransferResult: {
    __resolveType: (result) => result.__typename,
  },

  CollectionRun: {
    async debtors(run, args, { loaders }) {
      const check = checkSlice(args);
      if (!check.ok) throw badUserInput(check.fieldErrors);
      const slice = await loaders.debtCollection.runDebtors(run.runId, check.slice);
      if (!slice) {
        throw new DebtCollectionFailure(
          { kind: 'http_status', status: 404, providerCode: '404', retryAfterSeconds: null, body: null },
          `Debt collection no longer knows run ${run.runId} (HTTP 404).`,
        );
      }
      return slice;
    },
  },

  DebtCase: {
    __resolveReference: (reference, { loaders }) =>
      loaders.debtCollection.caseByAgencyId.load(reference.agencyCollectionCaseId),
    isClosed: (debtCase) => debtCase.closure !== null,
    totals: (debtCase) => caseTotals(debtCase.debts),
  },

  Debt: {
    block: (debt, _args, { loaders }) =>
      knownBlock(debt.block, () => loaders.debtCollection.blockedDebts(), debt.debtId, `debt ${debt.debtId}`),
  },

  Debtor: {
    __resolveReference: (reference, { loaders }) => loaders.debtCollection.debtorById(reference.debtorId),
    block: (debtor, _args, { loaders }) =>
      knownBlock(debtor.block, () => loaders.debtCollection.blockedDebtors(), debtor.debtorId, 'the debtor'),
    async cases(debtor, _args, { loaders }) {
      const reads = await loaders.debtCollection.readsByDebtorId.load(debtor.debtorId);
      return inPlace(reads.map((read) => read.value));
    },
    transferredDebts(debtor) {
      const debts = debtor.transferredDebts;
      if (debts === undefined) return null;
      // Unreadable: this field alone fails, with the provider's fault at its path.
      if (isUnreadable(debts)) throw unreadableFailure(debts);
      return [...debts];
    },
  },
};

/**
 * A block to show: the one the read stated, or else the provider's blocked list's. A block that
 * cannot be known fails this field alone.
 */
async function knownBlock(block: StoredBlock, list: () => Promise<BlockListModel>, id: string, whose: string): Promise<BlockModel | null> {
  if (block !== BLOCK_UNKNOWN) return block;
  const listed = blockIn(await list(), id);
  if (listed !== BLOCK_UNKNOWN) return listed;
  throw unreadable(`the block of ${whose}: the read does not state it, and the blocked list holds an entry that cannot be read`);
}

/** Case reads by the filter chosen to fetch by, in the order of its ids; the other filters apply after. */
async function fetchCases(filter: DebtCasesFilter, loaders: Loaders): Promise<ReadCase[]> {
  switch (filter.fetchBy) {
    case 'agencyCollectionCaseIds':
      return present(await Promise.all(filter.ids.map((id) => loaders.readByAgencyId.load(id))));
    case 'collectionCaseIds':
      return present(await Promise.all(filter.ids.map((id) => loaders.readByCollectionCaseId.load(id))));
    case 'debtorIds':
      return (await Promise.all(filter.ids.map((id) => loaders.readsByDebtorId.load(id)))).flat();
  }
}

function present(reads: readonly (ReadCase | null)[]): ReadCase[] {
  return reads.filter((read) => read !== null);
}

/** Log fields of a provider failure: never ids of debtors or amounts; the provider's traceId is neither. */
function failureLogFields(failure: ProviderFailure, extra: Record<string, unknown>): Record<string, unknown> {
  const { detail } = failure;
  return {
    provider: 'DEBT_COLLECTION',
    ...extra,
    failure: detail.kind,
    ...(detail.kind === 'http_status' && { status: detail.status, providerCode: detail.providerCode }),
    ...(failure.providerReference !== null && { traceId: failure.providerReference }),
  };
}

/** Words for kept blocks that could not be known. Debt ids only: a debtor id is personal data. */
function unknownBlocksMessage(unknown: UnknownBlocks): string {
  const whose = [
    ...(unknown.debtor ? ["the debtor's block"] : []),
    ...(unknown.debtIds.length > 0 ? [`the block of debt ${unknown.debtIds.join(', ')}`] : []),
  ].join(' and ');
  return (
    `Nothing was sent: ${whose} could not be known (the provider's case read does not state it, and its blocked list ` +
    'holds an entry that cannot be read). An update sends every kept block back, and one sent as "none" would remove it. ' +
    'Give the block in the input to send it as you say (limitType DISABLED removes it).'
  );
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
      return outcome.resource === 'Debt'
        ? { ...notFoundError('Debt', outcome.id), message: `Debt ${outcome.id} is not a debt of case ${outcome.agencyCollectionCaseId}.` }
        : notFoundError(outcome.resource, outcome.id);
    case 'conflict':
      return conflictError(outcome.message);
    case 'blocks_unknown':
      // Counted, not named: the debtor's id is personal data.
      logger.warn(
        {
          provider: 'DEBT_COLLECTION',
          updateRequestId: outcome.requestId,
          unknownBlocks: outcome.unknown.debtIds.length + (outcome.unknown.debtor ? 1 : 0),
        },
        'debt-collection update refused: kept blocks unknown',
      );
      return {
        __typename: 'ProviderError',
        message: unknownBlocksMessage(outcome.unknown),
        provider: 'DEBT_COLLECTION',
        retryable: false,
        retryAfterSeconds: null,
        providerCode: null,
        providerReference: null,
      };
    case 'unavailable':
      // Redis (the requestId store, the write lock) could not be used: nothing was sent.
      logger.warn({ provider: 'DEBT_COLLECTION', updateRequestId: outcome.requestId, sharedState: 'unavailable' }, outcome.message);
      return {
        __typename: 'ProviderError',
        message: `Nothing was sent: ${outcome.message} Send the same request again shortly.`,
        provider: 'DEBT_COLLECTION',
        retryable: true,
        retryAfterSeconds: outcome.retryAfterSeconds,
        providerCode: null,
        providerReference: null,
      };
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
    ...(failure ? failureLogFields(failure, {}) : { provider: 'DEBT_COLLECTION' }),
    mutation,
    stage: outcome.stage,
    updateRequestId: outcome.requestId,
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

  // The provider's 429, or the graph's own budget of calls spent (nothing was sent).
  if (detail.kind === 'rate_limited') return rateLimitedError(failure.message, detail.retryAfterSeconds);
  if (detail.kind === 'http_status') {
    switch (detail.status) {
      case 400:
        if (outcome.sent) {
          const path = inputPathOfReference(body?.reference ?? null, outcome.sent.payload, outcome.sent.changes, input.requestId != null);
          return validationError([fieldError(path, 'REJECTED_BY_PROVIDER', body?.errorMessage || 'The provider rejected this value.')]);
        }
        break;
      case 404: {
        if (!outcome.sent) return notFoundError('DebtCase', input.agencyCollectionCaseId);
        const missing = missingOfReference(body?.reference ?? null, outcome.sent.payload);
        return missing.resource === 'Debt'
          ? { ...notFoundError('Debt', missing.id), message: `Debt ${missing.id} is not a debt of case ${input.agencyCollectionCaseId}.` }
          : notFoundError(missing.resource, missing.id);
      }
      case 409:
        return conflictError(
          CONFLICT_MESSAGES[detail.providerCode] ?? `The provider refused the update as a conflict: ${body?.errorMessage || 'no reason given'}.`,
        );
      case 429:
        return rateLimitedError(failure.message, detail.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
    }
  }
  if (outcome.stage === 'blocks') {
    return {
      ...providerError(failure),
      message: `Nothing was sent: the case read does not state every block the update keeps, and reading the provider's blocked lists failed. ${failure.message}`,
    };
  }
  return providerError(failure);
}

/** The provider calls and the instance's write guards a case update runs with. */
function caseUpdateDeps({ providers, services }: GraphQLContext): CaseUpdateDeps {
  const client = providers.debtCollection;
  return {
    readCase: (agencyCollectionCaseId) => client.readCase(agencyCollectionCaseId),
    update: (payload) => client.update(payload),
    // Fresh lists for each write: blocks read for a display earlier in the request may be stale.
    blockedDebtors: () => client.blockedDebtors(),
    blockedDebts: () => client.blockedDebts(),
    ...services.debtCaseWrites,
  };
}
