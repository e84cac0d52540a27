/**
 * `useDemandControl`: before an operation runs, its demand is estimated with its variables
 * (src/demand/estimate.ts) and refused when it carries too many representations, costs more than
 * the limit, or would make more calls to a provider than one request may. A refusal is a client
 * error (HTTP 400, `COST_ESTIMATED_TOO_EXPENSIVE`, Apollo Router's code for the same refusal) and
 * reaches no provider. While the operation runs, the per-request share (src/providers/resilience/
 * request-share.ts) holds the same call budget where list sizes are known.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { readAccessMap } from '../auth/requirements';
import { PROVIDER_LABEL } from '../../providers/failure';
import { readDemandDirectives } from '../demand/directives';
import { estimateDemand, TooManyNodesError, type EstimateInput } from '../demand/estimate';
import type { DemandLimits } from '../demand/limits';
import type { ProviderName } from '../../domain/provider-fault';

export const DEMAND_REFUSED = 'COST_ESTIMATED_TOO_EXPENSIVE';

export interface DemandControlOptions {
  readonly limits: DemandLimits;
  /** Production: a refusal names the limit, not its value or the estimate. */
  readonly hideDetails: boolean;
}

/** What was over its limit. */
type Over =
  | { readonly limit: 'representations'; readonly estimated: number; readonly max: number }
  | { readonly limit: 'cost'; readonly estimated: number; readonly max: number }
  | { readonly limit: 'providerCalls'; readonly provider: ProviderName; readonly estimated: number; readonly max: number }
  | { readonly limit: 'nodes' };

export function useDemandControl(options: DemandControlOptions): ApolloServerPlugin {
  // The schema is the same for every request: read its directives once.
  let prepared: { schema: GraphQLSchema; input: Pick<EstimateInput, 'schema' | 'directives' | 'scopesOf'> } | null = null;
  const prepare = (schema: GraphQLSchema) => {
    if (prepared?.schema !== schema) {
      const access = readAccessMap(schema);
      const scopesOf = (typeName: string, fieldName: string) =>
        access.ofField(typeName, fieldName).flatMap((requirement) => (requirement.scopeSets ?? []).flat());
      prepared = { schema, input: { schema, directives: readDemandDirectives(schema), scopesOf } };
    }
    return prepared.input;
  };

  const verdicts = createVerdictCache();
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operationName, request }) {
          const estimate = () =>
            overLimit(options.limits, () =>
              estimateDemand({ ...prepare(schema), document, operationName: operationName ?? null, variables: request.variables ?? null }),
            );
          const over = verdicts.verdict(document, operationName ?? null, request.variables, estimate);
          if (over) throw refusal(over, options.hideDetails);
          return Promise.resolve();
        },
      });
    },
  };
}

/** Variables longer than this (as JSON) are estimated every time rather than kept as a key. */
const MAX_CACHED_VARIABLES_LENGTH = 2_048;
/** Verdicts kept per document: one per distinct set of variables, the oldest forgotten first. */
const MAX_VERDICTS_PER_DOCUMENT = 64;

/**
 * The verdict depends only on the document, the operation and the variables (the schema and the
 * limits are the service's): a client that sends the same operation again with the same
 * variables gets the verdict it got before without a second walk of the operation, which was a
 * tenth of a cheap read's time. Keyed by Apollo's parsed document (the same object while it stays
 * in Apollo's document store; a new parse is a new key), so a forgotten document forgets its verdicts.
 */
function createVerdictCache() {
  const byDocument = new WeakMap<DocumentNode, Map<string, Over | null>>();
  return {
    verdict(document: DocumentNode, operationName: string | null, variables: Readonly<Record<string, unknown>> | undefined, estimate: () => Over | null): Over | null {
      const text = keyOf(variables);
      if (text === null) return estimate();
      const key = `${operationName ?? ''}\u0000${text}`;
      let verdicts = byDocument.get(document);
      if (verdicts === undefined) {
        verdicts = new Map();
        byDocument.set(document, verdicts);
      }
      if (verdicts.has(key)) return verdicts.get(key) ?? null;
      const over = estimate();
      if (verdicts.size >= MAX_VERDICTS_PER_DOCUMENT) {
        const oldest = verdicts.keys().next();
        if (oldest.done !== true) verdicts.delete(oldest.value);
      }
      verdicts.set(key, over);
      return over;
    },
  };
}

/** The variables as a key, or null when too long to keep (or too deep to write: the estimate refuses those). */
function keyOf(variables: Readonly<Record<string, unknown>> | undefined): string | null {
  if (variables === undefined) return '';
  let text: string;
  try {
    text = JSON.stringify(variables);
  } catch {
    return null;
  }
  return text.length > MAX_CACHED_VARIABLES_LENGTH ? null : text;
}

function overLimit(limits: DemandLimits, estimate: () => ReturnType<typeof estimateDemand>): Over | null {
  let demand;
  try {
    demand = estimate();
  } catch (error) {
    if (error instanceof TooManyNodesError) return { limit: 'nodes' };
    throw error;
  }
  if (!demand) return null;
  if (demand.representations > limits.maxRepresentations) {
    return { limit: 'representations', estimated: demand.representations, max: limits.maxRepresentations };
  }
  for (const provider of Object.keys(demand.calls) as ProviderName[]) {
    const max = limits.callsPerRequest[provider];
    if (demand.calls[provider] > max) return { limit: 'providerCalls', provider, estimated: demand.calls[provider], max };
  }
  if (demand.cost > limits.maxCost) return { limit: 'cost', estimated: demand.cost, max: limits.maxCost };
  return null;
}

function refusal(over: Over, hideDetails: boolean): GraphQLError {
  const numbers = (estimated: number, max: number) => (hideDetails ? '' : ` (${String(estimated)}, at most ${String(max)})`);
  let message: string;
  switch (over.limit) {
    case 'representations':
      message = `Too many entity representations in one request${numbers(over.estimated, over.max)}; send them in several requests.`;
      break;
    case 'providerCalls':
      message = `This operation would make too many ${PROVIDER_LABEL[over.provider]} calls${numbers(over.estimated, over.max)}; ask for less at once.`;
      break;
    case 'cost':
      message = `The operation's estimated cost is too high${numbers(over.estimated, over.max)}; ask for fewer items or fields.`;
      break;
    case 'nodes':
      message = 'The operation has too many fields to estimate its cost.';
      break;
  }
  return new GraphQLError(message, {
    extensions: {
      code: DEMAND_REFUSED,
      limit: over.limit,
      ...(over.limit === 'providerCalls' && { provider: over.provider }),
      ...(!hideDetails && over.limit !== 'nodes' && { estimated: over.estimated, max: over.max }),
      http: { status: 400 },
    },
  });
}
