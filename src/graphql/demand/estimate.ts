/**
 * The demand of one operation before it runs, with its variables: the cost as Apollo Router's
 * demand control computes it (objects 1, scalars and enums 0, `@cost` weights, lists times their
 * `@listSize`, input objects 1 each, a mutation 10 more), the representations it carries, and the
 * calls it will make to each provider. graphql-query-complexity walks the operation (fragments,
 * `@skip`/`@include`, variables); the estimators here price each field.
 */
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isInputObjectType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { getArgumentValues } from 'graphql/execution/values';
import type { ProviderName } from '../../domain/provider-fault';
import type { DemandDirectives } from './directives';
import { entityCalls, fieldCalls } from './provider-calls';

/** What one operation will demand. */
export interface DemandEstimate {
  readonly cost: number;
  /** Representations of every `_entities` field of the operation. */
  readonly representations: number;
  /** Estimated calls per provider (batched reads rounded up). */
  readonly calls: Readonly<Record<ProviderName, number>>;
}

/** The size of a list that declares none (Apollo Router's `list_size` plays this part there). */
export const DEFAULT_LIST_SIZE = 100;
/** Apollo Router's base cost of a mutation. */
const MUTATION_COST = 10;
/** Fields evaluated at most, fragments expanded (graphql-query-complexity's guard). */
const MAX_QUERY_NODES = 10_000;

const PROVIDERS: readonly ProviderName[] = ['RECOVERY_CONNECT', 'CDC', 'DEBT_COLLECTION'];

export interface EstimateInput {
  readonly schema: GraphQLSchema;
  readonly directives: DemandDirectives;
  /** The scopes each root field's `@requiresScopes` names, by `Type.field`. */
  readonly scopesOf: (typeName: string, fieldName: string) => readonly string[];
  readonly document: DocumentNode;
  readonly operationName?: string | null;
  readonly variables?: Readonly<Record<string, unknown>> | null;
}

/** Thrown when the operation is too large to even estimate. */
export class TooManyNodesError extends Error {}

/**
 * The estimate, or null when the operation cannot run anyway (unknown operation, variables that
 * do not fit their types): execution refuses it without calling anyone.
 */
export function estimateDemand(input: EstimateInput): DemandEstimate | null {
  const operation = getOperationAST(input.document, input.operationName ?? undefined);
  if (!operation) return null;
  const coerced = getVariableValues(input.schema, operation.variableDefinitions ?? [], input.variables ?? {});
  if (coerced.errors) return null;
  const variables = coerced.coerced;

  const sized = sizedFieldCounts(input, variables);
  const isMutation = operation.operation === OperationTypeNode.MUTATION;
  const rootType = isMutation ? input.schema.getMutationType() : input.schema.getQueryType();

  const instances = ({ field, node, args }: ComplexityEstimatorArgs): number => {
    if (!isListType(getNullableType(field.type))) return 1;
    const upstream = sized.get(node);
    if (upstream !== undefined) return upstream;
    if (field.name === '_entities') return representationsOf(args).length;
    return listSize(input.directives, field as GraphQLField<unknown, unknown>, args);
  };

  let representations = 0;
  const costEstimator: ComplexityEstimator = (options) => {
    const { field, args, childComplexity } = options;
    if (isIntrospection(options)) return 0;
    const named = getNamedType(field.type);
    if (field.name === '_entities') representations += representationsOf(args).length;
    const weight = input.directives.weightOf(field as GraphQLField<unknown, unknown>, named) ?? (isCompositeType(named) ? 1 : 0);
    const inputs = field.args.reduce((sum, arg) => sum + inputCost(args[arg.name], arg.type), 0);
    return instances(options) * (weight + childComplexity) + inputs;
  };

  const callEstimator =
    (provider: ProviderName): ComplexityEstimator =>
    (options) => {
      const { field, type, args, childComplexity } = options;
      if (isIntrospection(options)) return 0;
      const isRoot = type === rootType;
      const own =
        field.name === '_entities'
          ? entityCalls(provider, representationsOf(args))
          : fieldCalls(
              provider,
              { parentType: type.name, fieldName: field.name, isRoot, isMutation: isRoot && isMutation, scopes: isRoot ? input.scopesOf(type.name, field.name) : [] },
              args,
            );
      return own + instances(options) * childComplexity;
    };

  const run = (estimator: ComplexityEstimator) => {
    try {
      return getComplexity({
        schema: input.schema,
        query: input.document,
        ...(operation.name && { operationName: operation.name.value }),
        variables: input.variables ?? {},
        estimators: [estimator],
        maxQueryNodes: MAX_QUERY_NODES,
      });
    } catch (error) {
      if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) throw new TooManyNodesError(error.message);
      throw error;
    }
  };

  const cost = run(costEstimator) + (isMutation ? MUTATION_COST : 0);
  const calls = Object.fromEntries(PROVIDERS.map((provider) => [provider, Math.ceil(run(callEstimator(provider)) - 1e-9)])) as Record<ProviderName, number>;
  return { cost: Math.ceil(cost), representations, calls };
}

/** Introspection is answered from the schema in memory, and a router answers it itself: free. */
function isIntrospection({ field, type }: ComplexityEstimatorArgs): boolean {
  return field.name.startsWith('__') || type.name.startsWith('__');
}

function representationsOf(args: Readonly<Record<string, unknown>>): readonly unknown[] {
  return Array.isArray(args.representations) ? args.representations : [];
}

/**
 * A list's size: its `@listSize` slicing argument's value (an argument's default counts), else
 * its assumed size, else {@link DEFAULT_LIST_SIZE}. A field whose arguments are lists of ids
 * (`debtCases(debtorIds: […])`) answers about one item an id, so the longest such list counts
 * when it is longer than the assumed size: Federation only takes Int slicing arguments.
 */
function listSize(directives: DemandDirectives, field: GraphQLField<unknown, unknown>, args: Readonly<Record<string, unknown>>): number {
  const declared = directives.listSizeOf(field);
  const sliced = (declared?.slicingArguments ?? []).map((name) => sizeOf(args[name])).filter((size) => size !== null);
  if (sliced.length > 0) return Math.max(...sliced);
  const idLists = field.args.filter((arg) => isListType(getNullableType(arg.type))).map((arg) => sizeOf(args[arg.name]) ?? 0);
  return Math.max(declared?.assumedSize ?? DEFAULT_LIST_SIZE, ...idLists);
}

function sizeOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  if (Array.isArray(value)) return value.length;
  return null;
}

/** Apollo Router's argument cost: 1 for each input object, lists summed, scalars free. */
function inputCost(value: unknown, type: GraphQLInputType): number {
  if (value === null || value === undefined) return 0;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    return items.reduce<number>((sum, item) => sum + inputCost(item, nullable.ofType), 0);
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.values(nullable.getFields()).reduce((sum, inputField) => sum + inputCost(record[inputField.name], inputField.type), 1);
  }
  return 0;
}

/**
 * The sizes `@listSize(sizedFields:)` gives: `assignments(perPage: 250) { items }` has 250 items.
 * For each field that declares sized fields, its slicing argument's value goes to those fields
 * of its selection (through fragments); a field reached from several places takes the largest.
 */
function sizedFieldCounts(input: EstimateInput, variables: Readonly<Record<string, unknown>>): Map<FieldNode, number> {
  const sizes = new Map<FieldNode, number>();
  const fragments = new Map(
    input.document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const visitedSets = new Set<SelectionSetNode>();

  /** The fields named `names` directly in this selection (fragments are the same level). */
  const mark = (selectionSet: SelectionSetNode | undefined, names: ReadonlySet<string>, size: number, seen: Set<string>): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (names.has(selection.name.value)) sizes.set(selection, Math.max(size, sizes.get(selection) ?? 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        mark(selection.selectionSet, names, size, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        mark(fragments.get(selection.name.value)?.selectionSet, names, size, seen);
      }
    }
  };

  /** Walks every selection set once, with the type it selects from. */
  const walk = (selectionSet: SelectionSetNode | undefined, typeName: string | undefined): void => {
    if (!selectionSet || visitedSets.has(selectionSet)) return;
    visitedSets.add(selectionSet);
    const type = typeName === undefined ? undefined : input.schema.getType(typeName);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = type && isObjectType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const declared = input.directives.listSizeOf(field as GraphQLField<unknown, unknown>);
        if (declared && declared.sizedFields.length > 0) {
          const args = safeArgumentValues(field as GraphQLField<unknown, unknown>, selection, variables);
          mark(selection.selectionSet, new Set(declared.sizedFields), args ? listSize(input.directives, field as GraphQLField<unknown, unknown>, args) : DEFAULT_LIST_SIZE, new Set());
        }
        walk(selection.selectionSet, getNamedType(field.type).name);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition?.name.value ?? typeName);
      } else {
        const fragment = fragments.get(selection.name.value);
        walk(fragment?.selectionSet, fragment?.typeCondition.name.value);
      }
    }
  };

  for (const definition of input.document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = definition.operation === OperationTypeNode.MUTATION ? input.schema.getMutationType() : input.schema.getQueryType();
    walk(definition.selectionSet, root?.name);
  }
  return sizes;
}

function safeArgumentValues(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Readonly<Record<string, unknown>>,
): Record<string, unknown> | null {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return null;
  }
}
