/**
 * What the schema demands, read from its own SDL: `@authenticated` and `@requiresScopes` on
 * types and fields (the directives a router enforces), so the subgraph enforces exactly what it
 * publishes. `decide` tells whether a caller meets a set of demands.
 */
import {
  getDirectiveValues,
  getNamedType,
  isObjectType,
  type DirectiveNode,
  type GraphQLDirective,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import type { Caller } from './caller';
import { authenticationRequired, missingScopes } from './errors';

/** The demand of one type or field that carries the directives. */
export interface Requirement {
  /** `@authenticated`, or implied by `@requiresScopes`. */
  readonly authenticated: boolean;
  /** `@requiresScopes`: met by holding every scope of at least one set. Null when absent. */
  readonly scopeSets: readonly (readonly string[])[] | null;
}

export interface AccessMap {
  /** The demand declared on a type itself. */
  ofType(typeName: string): Requirement | null;
  /**
   * Everything selecting a field demands: the field's own directives, its parent type's and the
   * type it returns (as a router reads type-level directives).
   */
  ofField(typeName: string, fieldName: string): readonly Requirement[];
}

/** Imported under their own names in our `@link`; the prefixed forms cover a link without import. */
const AUTHENTICATED = ['authenticated', 'federation__authenticated'];
const REQUIRES_SCOPES = ['requiresScopes', 'federation__requiresScopes'];

/** A type or field: its definition and extensions, where its directives are written. */
interface Annotated {
  readonly astNode?: { readonly directives?: readonly DirectiveNode[] } | null;
  readonly extensionASTNodes?: readonly { readonly directives?: readonly DirectiveNode[] }[];
}

/** Reads every type's and field's directives once. */
export function readAccessMap(schema: GraphQLSchema): AccessMap {
  const authenticated = directives(schema, AUTHENTICATED);
  const requiresScopes = directives(schema, REQUIRES_SCOPES);
  const read = (element: Annotated) => requirementOf(element, authenticated, requiresScopes);

  const types = new Map<string, Requirement>();
  for (const type of Object.values(schema.getTypeMap())) {
    const requirement = read(type);
    if (requirement) types.set(type.name, requirement);
  }
  const fields = new Map<string, readonly Requirement[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const all = [read(field), types.get(type.name), types.get(getNamedType(field.type).name)];
      const present = [...new Set(all.filter((requirement) => requirement !== null && requirement !== undefined))];
      if (present.length > 0) fields.set(`${type.name}.${field.name}`, present);
    }
  }
  return {
    ofType: (typeName) => types.get(typeName) ?? null,
    ofField: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`) ?? [],
  };
}

function directives(schema: GraphQLSchema, names: readonly string[]): GraphQLDirective[] {
  return names.flatMap((name) => schema.getDirective(name) ?? []);
}

function requirementOf(
  element: Annotated,
  authenticated: readonly GraphQLDirective[],
  requiresScopes: readonly GraphQLDirective[],
): Requirement | null {
  const nodes = [element.astNode, ...(element.extensionASTNodes ?? [])].filter((node) => node != null);
  let isAuthenticated = false;
  let scopeSets: string[][] | null = null;
  for (const node of nodes) {
    if (authenticated.some((directive) => getDirectiveValues(directive, node) !== undefined)) isAuthenticated = true;
    for (const directive of requiresScopes) {
      const values = getDirectiveValues(directive, node);
      if (values === undefined) continue;
      // Coerced by graphql-js to [[String!]!]!; a second declaration narrows further (AND).
      const sets = values.scopes as string[][];
      scopeSets = scopeSets === null ? sets : scopeSets.flatMap((left) => sets.map((right) => [...left, ...right]));
    }
  }
  if (!isAuthenticated && scopeSets === null) return null;
  return { authenticated: true, scopeSets };
}

/** Null when the caller meets every requirement; else the error to answer with. */
export function decide(caller: Caller, requirements: Iterable<Requirement>): GraphQLError | null {
  if (caller.kind === 'unrestricted') return null;
  let refused = false;
  const missing = new Set<string>();
  for (const requirement of requirements) {
    if (caller.kind === 'anonymous') return authenticationRequired();
    if (requirement.scopeSets === null) continue;
    const held = caller.scopes;
    if (requirement.scopeSets.some((set) => set.every((scope) => held.has(scope)))) continue;
    refused = true;
    // Name the shortest way to get access: the set with the fewest scopes still missing.
    const lacking = requirement.scopeSets
      .map((set) => set.filter((scope) => !held.has(scope)))
      .reduce<readonly string[] | null>((best, next) => (best === null || next.length < best.length ? next : best), null);
    for (const scope of lacking ?? []) missing.add(scope);
  }
  return refused ? missingScopes([...missing]) : null;
}
