/**
 * The subgraph enforces its own `@authenticated` / `@requiresScopes`, so reaching it without a
 * router is no way around them. Resolvers are wrapped in the schema built for serving:
 *
 * - Each root field (Query, Mutation) checks, before it runs, its own demands and those of
 *   everything its selection reaches; a refusal is an UNAUTHENTICATED or FORBIDDEN error on that
 *   field, whose data is null, and no provider is called.
 * - `_entities` first checks every representation's shape (src/federation/representations.ts):
 *   a malformed one is refused at its index. Then the types of the others (entity types carry
 *   the directives) and the selection, so a router's entity fetch is held to the same rules.
 * - `_service` stays open: routers and `rover` read the SDL with it, and the SDL is what is
 *   published anyway (it holds no data). Introspection is governed by its own setting.
 * - Every other field with a demand checks it again when it resolves, in case a path into a
 *   protected type was missed above.
 *
 * The caller is the context's `auth` (src/auth/caller.ts); a context without one is anonymous.
 */
import { defaultFieldResolver, isObjectType, isUnionType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { checkRepresentations, readEntityCatalog, resolveEach, type EntityCatalog } from '../federation/representations';
import { ANONYMOUS, type Caller } from './caller';
import { decide, readAccessMap, type AccessMap, type Requirement } from './requirements';
import { selectionRequirements } from './selection';

/** Root fields open to everyone. */
const OPEN_ROOT_FIELDS: ReadonlySet<string> = new Set(['_service']);
const ENTITIES_FIELD = '_entities';

/**
 * Wraps the resolvers of `schema` in place (it must be fresh from buildSchema(): wrapping in
 * place keeps what @apollo/subgraph attached to its types) and returns it. Throws at start when
 * a root field or an entity type declares no access rule, so a new one cannot be open by mistake.
 */
export function enforceAccess(schema: GraphQLSchema): GraphQLSchema {
  const access = readAccessMap(schema);
  assertEverythingDeclared(schema, access);
  const entities = readEntityCatalog(schema);

  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter((type) => type != null));
  for (const root of roots) {
    for (const field of Object.values(root.getFields())) {
      if (field.name === ENTITIES_FIELD) wrapEntities(field, access, entities);
      else wrapRoot(field, access.ofField(root.name, field.name), access);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const own = access.ofField(type.name, field.name);
      if (own.length > 0) wrapField(field, own);
    }
  }
  return schema;
}

function callerOf(context: unknown): Caller {
  const auth = typeof context === 'object' && context !== null && 'auth' in context ? context.auth : undefined;
  return isCaller(auth) ? auth : ANONYMOUS;
}

function isCaller(value: unknown): value is Caller {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

/** A root field: its demands and those of its selection, checked before anything runs. */
function wrapRoot(field: GraphQLField<unknown, unknown>, own: readonly Requirement[], access: AccessMap): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    const refusal = decide(callerOf(context), [...own, ...selectionRequirements(info, access)]);
    if (refusal) throw refusal;
    return resolve(source, args, context, info);
  };
}

/**
 * `_entities`: every representation checked first (a malformed one is an error at its index),
 * then the demands of the well-formed ones' types and of the selection (one refusal for the
 * call), then each representation resolved on its own, so no failure can escape as a rejection.
 */
function wrapEntities(field: GraphQLField<unknown, unknown>, access: AccessMap, entities: EntityCatalog): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args: Record<string, unknown>, context, info) => {
    const representations = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
    const checks = checkRepresentations(representations, entities);
    const demanded = new Set(selectionRequirements(info, access));
    for (const check of checks) {
      const requirement = check.ok ? access.ofType(check.type.name) : null;
      if (requirement) demanded.add(requirement);
    }
    const refusal = decide(callerOf(context), demanded);
    if (refusal) throw refusal;
    return resolveEach(checks, (reference) => resolve(source, { ...args, representations: [reference] }, context, info));
  };
}

/** Any other field with a demand: checked again where it resolves. */
function wrapField(field: GraphQLField<unknown, unknown>, own: readonly Requirement[]): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    const refusal = decide(callerOf(context), own);
    if (refusal) throw refusal;
    return resolve(source, args, context, info);
  };
}

function assertEverythingDeclared(schema: GraphQLSchema, access: AccessMap): void {
  const undeclared: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const name of Object.keys(root.getFields())) {
      if (OPEN_ROOT_FIELDS.has(name) || name === ENTITIES_FIELD) continue;
      if (access.ofField(root.name, name).length === 0) undeclared.push(`${root.name}.${name}`);
    }
  }
  const entity = schema.getType('_Entity');
  for (const type of entity && isUnionType(entity) ? entity.getTypes() : []) {
    if (!access.ofType(type.name)) undeclared.push(`entity type ${type.name}`);
  }
  if (undeclared.length > 0) {
    throw new Error(`No @authenticated or @requiresScopes on: ${undeclared.join(', ')}. Declare who may read them.`);
  }
}
