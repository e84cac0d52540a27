/**
 * Values the fuzzer sends, from the schema's input types: mostly well-formed (ids from the
 * fixtures, so operations reach the resolvers and the providers), and a share of hostile ones:
 * empty, huge, control characters, unicode, injection strings, wrong types, deep nesting.
 */
import fc from 'fast-check';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from '../../tools/simulators/fixtures';

/** Ids that exist in the simulators' seed data. */
export const KNOWN = {
  assignmentIds: recoveryConnectFixture.assignments.map((assignment) => String(assignment.id)),
  cdcCodes: cdcFixture.assignments.map((assignment) => assignment.code),
  debtorIds: debtCollectionFixture.debtors.map((debtor) => debtor.debtorId),
  agencyCaseIds: debtCollectionFixture.debtors.flatMap((debtor) => debtor.agencyCollectionCases.map((item) => item.agencyCollectionCaseId)),
  collectionCaseIds: debtCollectionFixture.debtors.flatMap((debtor) => debtor.agencyCollectionCases.flatMap((item) => item.collectionCaseIds)),
  debtIds: debtCollectionFixture.debtors.flatMap((debtor) => debtor.agencyCollectionCases.flatMap((item) => item.debts.map((debt) => debt.debtId))),
};

const KNOWN_IDS = [...KNOWN.assignmentIds, ...KNOWN.cdcCodes, ...KNOWN.debtorIds, ...KNOWN.agencyCaseIds, ...KNOWN.collectionCaseIds, ...KNOWN.debtIds];

/** Strings an attacker tries. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0007b',
  'line\nbreak',
  "'; DROP TABLE assignments; --",
  '../../etc/passwd',
  '?ids=1&per_page=5000',
  '1,2,3',
  '%00%0d%0a',
  '<script>alert(1)</script>',
  '{"__proto__": {"polluted": true}}',
  '__proto__',
  'constructor',
  '\u202Eevil',
  '💥🚗💸',
  'Ω≈ç√∫',
  '0x1F',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999999999',
  'ATTACKER-VIN-1HGCM82633A004352',
];

/** Known ids by the argument or input field they fit, so operations reach the providers. */
const KNOWN_BY_NAME: readonly [RegExp, readonly string[]][] = [
  [/^(id|ids|assignmentIds?)$/, KNOWN.assignmentIds],
  [/^(collectorId|clientId|ownerId)$/, ['10001', '10004', '1']],
  [/^codes?$/, KNOWN.cdcCodes],
  [/^agencyCollectionCaseIds?$/, KNOWN.agencyCaseIds],
  [/^collectionCaseIds?$/, KNOWN.collectionCaseIds],
  [/^debtorIds?$/, KNOWN.debtorIds],
  [/^debtIds?$/, KNOWN.debtIds],
];

const string: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_IDS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.uuid().map(String) },
);

const int: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 5, 9, 50, 250, 251, -1, 2_147_483_647),
  fc.integer({ min: -5, max: 300 }),
  fc.integer(),
);

/** A value that is not what the type wants, or far too much of it. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(2_147_483_648, 1.5, -0, 1e308, true, null, [], {}),
  fc.integer({ min: 50, max: 2000 }).map((depth) => nested(depth)),
);

/** An array nested `depth` deep. */
export function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

const SCALARS: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  ID: string,
  String: string,
  Int: int,
  Float: fc.oneof(fc.double({ noNaN: true }), int),
  Boolean: fc.boolean(),
  Decimal: fc.oneof(
    fc.constantFrom('0', '100.00', '5.50', '27110.55', '0.001', '-1', '1e5', 'abc', '', '99999999999999999999.99', 1.5, 100),
    fc.integer({ min: 0, max: 100_000 }).map((cents) => (cents / 100).toFixed(2)),
  ),
  Date: fc.oneof(fc.constantFrom('2026-11-20', '2026-02-30', '2099-01-01', '1900-01-01', 'yesterday', ''), fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))),
  DateTime: fc.oneof(fc.constantFrom('2026-03-10T18:27:04.000Z', 'now'), fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
  UUID: fc.oneof(fc.uuid().map(String), fc.constantFrom('not-a-uuid', '', '00000000-0000-0000-0000-000000000000')),
  Currency: fc.constantFrom('EUR', 'USD', 'JPY', 'XXX', 'eur', ''),
};

/** A value for `type`: one in twenty, at any level, of another type altogether. */
export function valueOf(type: GraphQLInputType, depth = 0, name = ''): fc.Arbitrary<unknown> {
  const chosen = typedValueOf(type, depth, name);
  // Huge values only at the top: inside a list of 1,000 they would make every request megabytes.
  if (depth === 0) return fc.oneof({ weight: 38, arbitrary: chosen }, { weight: 2, arbitrary: wild }, { weight: 1, arbitrary: huge });
  return fc.oneof({ weight: 19, arbitrary: chosen }, { weight: 1, arbitrary: wild });
}

/** A string of 1 KB, 100 KB, just under the 1 MB body limit, or over it. */
const huge: fc.Arbitrary<string> = fc.constantFrom(1_000, 100_000, 900_000, 1_100_000).map((length) => 'x'.repeat(length));

function typedValueOf(type: GraphQLInputType, depth: number, name: string): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 30, arbitrary: typedValueOf(type.ofType, depth, name) }, { weight: 1, arbitrary: fc.constant(null) });
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = valueOf(nullable.ofType, depth + 1, name);
    return fc.oneof(
      { weight: 24, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.integer({ min: 50, max: 1500 }).chain((length) => fc.array(item, { minLength: length, maxLength: length })) },
      { weight: 1, arbitrary: item },
    );
  }
  if (isEnumType(nullable)) {
    return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...nullable.getValues().map((value) => value.name)) }, { weight: 1, arbitrary: string });
  }
  if (isInputObjectType(nullable)) {
    if (depth > 6) return fc.constant({});
    const fields = Object.values(nullable.getFields());
    const entries = fields.map((field) =>
      fc.option(valueOf(field.type, depth + 1, field.name).map((value) => [field.name, value] as const), { freq: isNonNullType(field.type) ? 20 : 2, nil: null }),
    );
    return fc.tuple(fc.tuple(...entries), fc.option(fc.tuple(string, wild), { freq: 8, nil: null })).map(([present, extra]) => {
      const object: Record<string, unknown> = {};
      for (const entry of present) if (entry) object[entry[0]] = entry[1];
      if (extra) object[extra[0] || 'unknownField'] = extra[1];
      return object;
    });
  }
  if (isScalarType(nullable)) {
    if (nullable.name === '_Any') return representation;
    const known = KNOWN_BY_NAME.find(([pattern]) => pattern.test(name))?.[1];
    if (known && (nullable.name === 'ID' || nullable.name === 'String')) {
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: string });
    }
    return SCALARS[nullable.name] ?? string;
  }
  return string;
}

/** The entity types and their keys, with a share of other types, missing and malformed keys. */
const ENTITY_KEYS: Readonly<Record<string, { key: string; known: readonly string[] }>> = {
  Assignment: { key: 'id', known: KNOWN.assignmentIds },
  CdcAssignment: { key: 'code', known: KNOWN.cdcCodes },
  DebtCase: { key: 'agencyCollectionCaseId', known: KNOWN.agencyCaseIds },
  Debtor: { key: 'debtorId', known: KNOWN.debtorIds },
  Vehicle: { key: 'id', known: ['1', '2'] },
};

export const representation: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(...Object.keys(ENTITY_KEYS)).chain((typename) => {
      const { key, known } = ENTITY_KEYS[typename] ?? { key: 'id', known: [] };
      return fc
        .tuple(
          fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 4, arbitrary: string }, { weight: 1, arbitrary: wild }),
          fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { freq: 4, nil: null }),
          fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        )
        .map(([value, extra, keep]) => ({ ...extra, __typename: typename, ...(keep ? { [key]: value } : {}) }));
    }),
  },
  { weight: 2, arbitrary: fc.record({ __typename: fc.oneof(fc.constantFrom('Query', 'Mutation', 'ResultError', 'ProviderError', 'Nope', '_Entity', '__Schema', ''), string), id: string }) },
  { weight: 1, arbitrary: wild },
);
