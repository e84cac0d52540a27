/**
 * Operations the fuzzer sends, derived from the schema: every root field of Query and Mutation
 * (so fields added later are fuzzed without a change here) and `_entities`, with variables or
 * inline arguments from ./values.ts, random selections (nesting, fragments, aliases), a token of
 * a random scope or none, and raw hostile documents.
 */
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { ALL_SCOPES } from '../../src/graphql/auth/scopes';
import { nested, representation, valueOf } from './values';

/** Who sends the operation. */
export type Caller = { readonly kind: 'none' } | { readonly kind: 'scopes'; readonly scopes: readonly string[] } | { readonly kind: 'garbage'; readonly header: string };

export interface FuzzOperation {
  /** Which root field(s) it targets, for the report. */
  readonly target: string;
  readonly isMutation: boolean;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly caller: Caller;
}

const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Caller>({ kind: 'none' }) },
  { weight: 6, arbitrary: fc.constant<Caller>({ kind: 'scopes', scopes: ALL_SCOPES }) },
  { weight: 4, arbitrary: fc.subarray([...ALL_SCOPES], { minLength: 1, maxLength: 2 }).map((scopes): Caller => ({ kind: 'scopes', scopes })) },
  { weight: 1, arbitrary: fc.constantFrom<Caller>({ kind: 'garbage', header: 'Bearer not.a.jwt' }, { kind: 'garbage', header: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l' }, { kind: 'garbage', header: 'Bearer ' }) },
);

/** Raw documents an attacker sends. */
const HOSTILE_DOCUMENTS = [
  'subscription { x }',
  'subscription S($a: Int) { assignmentChanged(id: $a) { id } }',
  '{',
  '}}}}',
  '',
  '{ __typename',
  `{ ${'a { '.repeat(200)}${'} '.repeat(200)}}`,
  `{ ${'__typename '.repeat(1200)}}`,
  'query Q { __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
  'query A { __typename } query B { __typename }',
  'fragment F on Query { ...F } { ...F }',
  'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
  'mutation { __typename }',
  '{ _service { sdl } }',
  '{ assignment(id: "1") @skip(if: true) @include(if: false) { id } }',
  '{ assignments(perPage: 99999) { items { id } } }',
];

interface Shape {
  readonly schema: GraphQLSchema;
}

/** A selection of `type`'s fields, `depth` levels more at most. */
function selection(shape: Shape, type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (isAbstractType(type)) {
    const members = shape.schema.getPossibleTypes(type);
    return fc
      .subarray([...members], { minLength: 0, maxLength: members.length })
      .chain((chosen) => fc.tuple(...chosen.map((member) => selection(shape, member, depth).map((inner) => `... on ${member.name} { ${inner} }`))))
      .map((fragments) => `__typename ${fragments.join(' ')}`);
  }
  if (!isObjectType(type)) return fc.constant('');
  const fields = Object.values(type.getFields());
  return fc.subarray(fields, { minLength: 1, maxLength: Math.min(fields.length, 6) }).chain((chosen) =>
    fc.tuple(...chosen.map((field) => fieldSelection(shape, field as GraphQLField<unknown, unknown>, depth))).map((parts) => parts.join(' ')),
  );
}

function fieldSelection(shape: Shape, field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<string> {
  const named = getNamedType(field.type);
  const args = field.args.length === 0 ? fc.constant('') : inlineArguments(field.args);
  if (isObjectType(named) || isAbstractType(named)) {
    if (depth <= 0) return fc.constant('__typename');
    return fc.tuple(args, selection(shape, named, depth - 1)).map(([text, inner]) => `${field.name}${text} { ${inner} }`);
  }
  return args.map((text) => `${field.name}${text}`);
}

/** Arguments written into the document, as GraphQL literals. */
function inlineArguments(args: readonly { name: string; type: GraphQLInputType }[]): fc.Arbitrary<string> {
  return fc
    .tuple(...args.map((arg) => fc.option(valueOf(arg.type, 0, arg.name).map((value) => `${arg.name}: ${literal(value, arg.type)}`), { freq: 2, nil: null })))
    .map((parts) => {
      const present = parts.filter((part) => part !== null);
      return present.length > 0 ? `(${present.join(', ')})` : '';
    });
}

/** A JSON value as a GraphQL literal; enum-typed identifiers are written bare. */
export function literal(value: unknown, type: GraphQLInputType | null): string {
  const nullable = type ? getNullableType(type) : null;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, nullable && isListType(nullable) ? nullable.ofType : null)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = nullable && isInputObjectType(nullable) ? nullable.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => /^[_A-Za-z]\w*$/.test(key));
    return `{ ${entries.map(([key, item]) => `${key}: ${literal(item, fields[key]?.type ?? null)}`).join(', ')} }`;
  }
  if (typeof value === 'string' && nullable && isEnumType(nullable) && /^[_A-Za-z]\w*$/.test(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

/** One root field, called once or under several aliases, with its arguments as variables or inline. */
function rootOperation(shape: Shape, operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): fc.Arbitrary<Omit<FuzzOperation, 'caller'>> {
  const named = getNamedType(field.type);
  const body = isObjectType(named) || isAbstractType(named) ? fc.integer({ min: 0, max: 7 }).chain((depth) => selection(shape, named, depth)) : fc.constant('');
  const argValues = fc.tuple(...field.args.map((arg) => fc.option(valueOf(arg.type, 0, arg.name), { freq: arg.type.toString().endsWith('!') ? 30 : 2, nil: undefined })));
  const aliases = fc.oneof({ weight: 12, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 20 }) });
  return fc.tuple(body, argValues, fc.boolean(), aliases).map(([inner, values, asVariables, copies]) => {
    const given = field.args.map((arg, index) => ({ arg, value: values[index] })).filter((entry) => entry.value !== undefined);
    // A mutation's result always says what it is, and a ValidationError whose it is (the write check needs both).
    const tells = isAbstractType(named) && shape.schema.getPossibleTypes(named).some((member) => member.name === 'ValidationError') ? ' ... on ValidationError { fieldErrors { code } }' : '';
    const selected = inner === '' ? '' : ` { ${operation === 'mutation' ? `__typename ${inner}${tells}` : inner} }`;
    if (asVariables) {
      const declarations = given.map(({ arg }) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const passed = given.map(({ arg }) => `${arg.name}: $${arg.name}`).join(', ');
      const call = `${field.name}${passed ? `(${passed})` : ''}${selected}`;
      const calls = Array.from({ length: copies }, (_, index) => (copies > 1 ? `a${index}: ${call}` : call)).join(' ');
      return {
        target: `${operation === 'mutation' ? 'Mutation' : 'Query'}.${field.name}`,
        isMutation: operation === 'mutation',
        query: `${operation}${declarations ? ` (${declarations})` : ''} { ${calls} }`,
        variables: Object.fromEntries(given.map(({ arg, value }) => [arg.name, value])),
      };
    }
    const passed = given.map(({ arg, value }) => `${arg.name}: ${literal(value, arg.type)}`).join(', ');
    const call = `${field.name}${passed ? `(${passed})` : ''}${selected}`;
    const calls = Array.from({ length: copies }, (_, index) => (copies > 1 ? `a${index}: ${call}` : call)).join(' ');
    return { target: `${operation === 'mutation' ? 'Mutation' : 'Query'}.${field.name}`, isMutation: operation === 'mutation', query: `${operation} { ${calls} }` };
  });
}

/** `_entities` with a list of representations: few, many, or more than the cap; sometimes deep or huge. */
function entitiesOperation(shape: Shape): fc.Arbitrary<Omit<FuzzOperation, 'caller'>> {
  const entity = shape.schema.getType('_Entity');
  const body = entity ? fc.integer({ min: 0, max: 5 }).chain((depth) => selection(shape, entity, depth)) : fc.constant('__typename');
  const representations = fc.oneof(
    { weight: 20, arbitrary: fc.array(representation, { minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 1200 }).chain((length) => fc.array(representation, { minLength: length, maxLength: length })) },
    { weight: 1, arbitrary: fc.constantFrom([nested(500)], [{ __typename: 'Assignment', id: 'x'.repeat(200_000) }], [{ __typename: 'Debtor', debtorId: nested(300) }]) },
  );
  return fc.tuple(body, representations).map(([inner, r]) => ({
    target: 'Query._entities',
    isMutation: false,
    query: `query ($r: [_Any!]!) { _entities(representations: $r) { ${inner} } }`,
    variables: { r },
  }));
}

/** Every kind of operation, in proportion: queries, mutations, entities, raw hostile documents. */
export function operations(schema: GraphQLSchema): fc.Arbitrary<FuzzOperation> {
  const shape: Shape = { schema };
  const queries = Object.values(schema.getQueryType()?.getFields() ?? {}).filter((field) => field.name !== '_entities');
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  const kinds = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...queries).chain((field) => rootOperation(shape, 'query', field as GraphQLField<unknown, unknown>)) },
    ...(mutations.length > 0 ? [{ weight: 5, arbitrary: fc.constantFrom(...mutations).chain((field) => rootOperation(shape, 'mutation', field as GraphQLField<unknown, unknown>)) }] : []),
    { weight: 4, arbitrary: entitiesOperation(shape) },
    {
      weight: 1,
      arbitrary: fc.oneof(fc.constantFrom(...HOSTILE_DOCUMENTS), fc.string({ maxLength: 200 })).map((query) => ({ target: 'raw', isMutation: /^\s*mutation/.test(query), query })),
    },
  );
  return fc.tuple(kinds, caller).map(([operation, who]) => ({ ...operation, caller: who }));
}

/** The root fields the generator targets, for the report: every one the schema has. */
export function targets(schema: GraphQLSchema): string[] {
  return [
    ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
    ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
  ];
}
