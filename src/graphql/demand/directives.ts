/**
 * The SDL's `@cost` and `@listSize` (Federation v2.9, the IBM cost directives), read once per
 * schema, so the subgraph counts with exactly the numbers a router's demand control reads.
 */
import {
  getDirectiveValues,
  type DirectiveNode,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** `@listSize` of one field. */
export interface ListSize {
  readonly assumedSize: number | null;
  readonly slicingArguments: readonly string[];
  /** Fields of the returned object that are the list being sized (e.g. a page's `items`). */
  readonly sizedFields: readonly string[];
}

export interface DemandDirectives {
  /** `@cost(weight)` of a field, else of its type; null when neither declares one. */
  weightOf(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): number | null;
  listSizeOf(field: GraphQLField<unknown, unknown>): ListSize | null;
}

interface Annotated {
  readonly astNode?: { readonly directives?: readonly DirectiveNode[] } | null;
  readonly extensionASTNodes?: readonly { readonly directives?: readonly DirectiveNode[] }[];
}

/** Reads the directives under their imported names, or Federation's prefixed ones. */
export function readDemandDirectives(schema: GraphQLSchema): DemandDirectives {
  const cost = [schema.getDirective('cost'), schema.getDirective('federation__cost')].filter((d) => d != null);
  const listSize = [schema.getDirective('listSize'), schema.getDirective('federation__listSize')].filter((d) => d != null);
  const weights = new WeakMap<object, number | null>();
  const sizes = new WeakMap<object, ListSize | null>();

  const weight = (element: Annotated): number | null => {
    const cached = weights.get(element);
    if (cached !== undefined) return cached;
    const values = valuesOf(element, cost);
    const found = typeof values?.weight === 'number' ? values.weight : null;
    weights.set(element, found);
    return found;
  };

  return {
    weightOf: (field, type) => weight(field) ?? weight(type),
    listSizeOf(field) {
      const cached = sizes.get(field);
      if (cached !== undefined) return cached;
      const values = valuesOf(field, listSize);
      const found = values
        ? {
            assumedSize: typeof values.assumedSize === 'number' ? values.assumedSize : null,
            slicingArguments: stringsOf(values.slicingArguments),
            sizedFields: stringsOf(values.sizedFields),
          }
        : null;
      sizes.set(field, found);
      return found;
    },
  };
}

function valuesOf(element: Annotated, directives: readonly GraphQLDirective[]): Record<string, unknown> | null {
  const nodes = [element.astNode, ...(element.extensionASTNodes ?? [])].filter((node) => node != null);
  for (const node of nodes) {
    for (const directive of directives) {
      const values = getDirectiveValues(directive, node);
      if (values) return values;
    }
  }
  return null;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
