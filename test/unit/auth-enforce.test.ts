import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, isObjectType, parse, type GraphQLResolveInfo } from 'graphql';
import { ANONYMOUS, UNRESTRICTED, type Caller } from '../../src/graphql/auth/caller';
import { enforceAccess } from '../../src/graphql/auth/enforce';
import { decide, readAccessMap, type Requirement } from '../../src/graphql/auth/requirements';
import { buildSchema } from '../../src/graphql/schema';

const token = (...scopes: string[]): Caller => ({ kind: 'token', subject: 'u', scopes: new Set(scopes) });
const codeOf = (error: GraphQLError | null) => error?.extensions.code ?? null;

describe('readAccessMap over the served schema', () => {
  const access = readAccessMap(buildSchema());
  const assignmentsRead: Requirement = { authenticated: true, scopeSets: [['assignments:read']] };

  it('reads type-level directives of the entity types', () => {
    expect(access.ofType('Assignment')).toEqual(assignmentsRead);
    expect(access.ofType('Vehicle')).toEqual(assignmentsRead);
    expect(access.ofType('CdcAssignment')).toEqual({ authenticated: true, scopeSets: [['cdc:read']] });
    expect(access.ofType('DebtCase')).toEqual({ authenticated: true, scopeSets: [['collections:read']] });
    expect(access.ofType('Debtor')).toEqual({ authenticated: true, scopeSets: [['collections:read']] });
    expect(access.ofType('Collateral')).toBeNull();
  });

  it("gives a field its own demand, its parent type's and its return type's", () => {
    expect(access.ofField('Mutation', 'updateAssignment')).toEqual([{ authenticated: true, scopeSets: [['assignments:write']] }]);
    expect(access.ofField('Collateral', 'vehicle')).toEqual([assignmentsRead]);
    expect(access.ofField('UpdateCollectionCaseSuccess', 'debtCase')).toEqual([{ authenticated: true, scopeSets: [['collections:read']] }]);
    expect(access.ofField('Query', '_service')).toEqual([]);
    expect(access.ofField('Collateral', 'unpaidBalance')).toEqual([]);
  });
});

describe('decide', () => {
  const either: Requirement = { authenticated: true, scopeSets: [['a', 'b'], ['c']] };
  const signedIn: Requirement = { authenticated: true, scopeSets: null };

  it('lets anyone through where nothing is demanded', () => {
    expect(decide(ANONYMOUS, [])).toBeNull();
  });

  it('answers UNAUTHENTICATED to an anonymous caller, and lets an unrestricted one through', () => {
    expect(codeOf(decide(ANONYMOUS, [signedIn]))).toBe('UNAUTHENTICATED');
    expect(decide(UNRESTRICTED, [either, signedIn])).toBeNull();
  });

  it('needs every scope of one set, and names the shortest way to get in', () => {
    expect(decide(token('c'), [either])).toBeNull();
    expect(decide(token('a', 'b'), [either])).toBeNull();
    const refusal = decide(token('a'), [either]);
    expect(codeOf(refusal)).toBe('FORBIDDEN');
    expect(refusal?.message).toBe('Not allowed: this needs the scope b.');
  });

  it('needs every requirement at once, and lets any token through @authenticated alone', () => {
    expect(decide(token(), [signedIn])).toBeNull();
    expect(decide(token('c'), [either, { authenticated: true, scopeSets: [['d']] }])?.message).toBe('Not allowed: this needs the scope d.');
  });

  it('refuses an empty list of scope sets, which nobody can meet', () => {
    expect(codeOf(decide(token('a'), [{ authenticated: true, scopeSets: [] }]))).toBe('FORBIDDEN');
  });
});

describe('enforceAccess', () => {
  const subgraph = (sdl: string) =>
    buildSubgraphSchema({
      typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@requiresScopes"])\n${sdl}`),
    });

  it('refuses to build a schema with a root field that declares no access rule', () => {
    const schema = subgraph('type Query { open: Int, closed: Int @requiresScopes(scopes: [["a"]]) }');
    expect(() => enforceAccess(schema)).toThrow('No @authenticated or @requiresScopes on: Query.open.');
  });

  it('refuses to build a schema with an entity type that declares none', () => {
    const schema = subgraph('type Query { thing: Thing @requiresScopes(scopes: [["a"]]) }\ntype Thing @key(fields: "id") { id: ID! }');
    expect(() => enforceAccess(schema)).toThrow('entity type Thing');
  });

  it('checks fields of protected types again where they resolve, and treats a context without auth as anonymous', () => {
    const schema = enforceAccess(buildSchema());
    const assignment = schema.getType('Assignment');
    if (!isObjectType(assignment)) throw new Error('Assignment is an object type');
    const orderType = assignment.getFields().orderType!;
    const info = { fieldName: 'orderType' } as GraphQLResolveInfo;
    const resolve = (context: unknown): unknown => orderType.resolve!({ orderType: 3 }, {}, context, info);

    expect(() => resolve({ auth: ANONYMOUS })).toThrow('Authentication required');
    expect(() => resolve({})).toThrow('Authentication required');
    expect(() => resolve({ auth: token('cdc:read') })).toThrow('Not allowed: this needs the scope assignments:read.');
    expect(resolve({ auth: token('assignments:read') })).toBe(3);
  });
});
