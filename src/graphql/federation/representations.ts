/**
 * What `_entities` accepts. A representation arrives as an `_Any` value (anything JSON can
 * carry), so each one is checked before anything runs: an object whose `__typename` is an entity
 * type of this subgraph, with that type's key fields present and well-formed by the same rules the
 * queries apply to ids. A bad one is refused on its own (BAD_USER_INPUT at its index); the others
 * still resolve. The entity types and their keys are read from the schema's `@key` directives, so
 * a new entity type is checked without a change here.
 *
 * Refusals never repeat the caller's text (an unknown type name, an id): it is theirs to know,
 * and it would only carry personal data into logs and traces.
 */
import { getDirectiveValues, isUnionType, type DirectiveNode, type GraphQLDirective, type GraphQLError, type GraphQLSchema } from 'graphql';
import { isProviderId } from '../../domain/assignment/ids';
import { isCdcCode } from '../../domain/cdc/codes';
import { isWireId } from '../../domain/debt-collection/ids';
import { badUserInput, fieldError } from '../../domain/errors';

/** Formats of the key fields the providers constrain, by `Type.field`. */
const KEY_FORMATS: Readonly<Record<string, (value: string) => boolean>> = {
  'Assignment.id': isProviderId,
  'CdcAssignment.code': isCdcCode,
  'DebtCase.agencyCollectionCaseId': isWireId,
  'Debtor.debtorId': isWireId,
};

/** Any other key field: 1 to 200 characters, none of them a control character. */
const PRINTABLE_KEY = /^[^\p{Cc}]{1,200}$/u;

/** One entity type of this subgraph, as its `@key` directives declare it. */
export interface EntityType {
  readonly name: string;
  /** Each `@key`'s field names; a representation needs all fields of at least one. */
  readonly keys: readonly (readonly string[])[];
  /** False when every `@key` says `resolvable: false` (other subgraphs never ask for it here). */
  readonly resolvable: boolean;
}

/** The entity types by name. */
export type EntityCatalog = ReadonlyMap<string, EntityType>;

/** A representation after its check: what may be resolved, or the error for its index. */
export type RepresentationCheck =
  | {
      readonly ok: true;
      readonly type: EntityType;
      /** `__typename` and the key fields only: nothing else the caller sent goes further. */
      readonly reference: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly error: GraphQLError };

const KEY_DIRECTIVES = ['key', 'federation__key'];

/** Reads the members of `_Entity` and their keys. Throws at start for a key this check cannot read. */
export function readEntityCatalog(schema: GraphQLSchema): EntityCatalog {
  const entity = schema.getType('_Entity');
  const directives = KEY_DIRECTIVES.flatMap((name) => schema.getDirective(name) ?? []);
  const catalog = new Map<string, EntityType>();
  for (const type of entity && isUnionType(entity) ? entity.getTypes() : []) {
    const nodes = [type.astNode, ...type.extensionASTNodes].filter((node) => node != null);
    const keys: string[][] = [];
    let resolvable = false;
    for (const node of nodes) {
      for (const directiveNode of node.directives ?? []) {
        const values = keyValues(directiveNode, directives);
        if (!values) continue;
        if (!/^\s*[_A-Za-z]\w*(\s+[_A-Za-z]\w*)*\s*$/.test(values.fields)) {
          throw new Error(`@key(fields: "${values.fields}") on ${type.name}: only keys of plain fields are checked; extend src/federation/representations.ts.`);
        }
        keys.push(values.fields.trim().split(/\s+/));
        resolvable ||= values.resolvable;
      }
    }
    catalog.set(type.name, { name: type.name, keys, resolvable });
  }
  return catalog;
}

function keyValues(node: DirectiveNode, directives: readonly GraphQLDirective[]): { fields: string; resolvable: boolean } | null {
  const directive = directives.find((candidate) => candidate.name === node.name.value);
  if (!directive) return null;
  const values = getDirectiveValues(directive, { directives: [node] });
  if (!values || typeof values.fields !== 'string') return null;
  return { fields: values.fields, resolvable: values.resolvable !== false };
}

/** Checks every representation; the result has one entry per index. */
export function checkRepresentations(representations: readonly unknown[], catalog: EntityCatalog): RepresentationCheck[] {
  return representations.map((representation, index) => checkRepresentation(representation, index, catalog));
}

function checkRepresentation(representation: unknown, index: number, catalog: EntityCatalog): RepresentationCheck {
  const at = (...path: string[]) => ['representations', String(index), ...path];
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    return refused(at(), 'INVALID_REPRESENTATION', 'A representation is an object with __typename and the key fields.');
  }
  const record = representation as Record<string, unknown>;
  const typename = record.__typename;
  const type = typeof typename === 'string' ? catalog.get(typename) : undefined;
  if (!type) return refused(at('__typename'), 'UNKNOWN_ENTITY_TYPE', '__typename is not an entity type of this subgraph.');

  let firstProblem: RepresentationCheck | null = null;
  for (const key of type.keys) {
    const reference: Record<string, string> = { __typename: type.name };
    const bad = key.find((field) => {
      const value = record[field];
      if (typeof value !== 'string' || !wellFormed(type.name, field, value)) return true;
      reference[field] = value;
      return false;
    });
    if (bad === undefined) return { ok: true, type, reference };
    firstProblem ??= refused(
      at(bad),
      record[bad] === undefined || record[bad] === null ? 'KEY_MISSING' : 'INVALID_FORMAT',
      `${type.name} is referenced by ${key.join(' and ')}; ${bad} is missing or not a well-formed id.`,
    );
  }
  return firstProblem ?? refused(at('__typename'), 'UNKNOWN_ENTITY_TYPE', '__typename is not an entity type of this subgraph.');
}

function wellFormed(typeName: string, field: string, value: string): boolean {
  const format = KEY_FORMATS[`${typeName}.${field}`];
  return format ? format(value) : PRINTABLE_KEY.test(value);
}

function refused(path: readonly string[], code: string, message: string): RepresentationCheck {
  return { ok: false, error: badUserInput([fieldError(path, code, message)]) };
}

/**
 * One answer per representation, for graphql-js to complete item by item: a refused one is its
 * error (null at its index, the error's path ending in the index), a type that is not resolvable
 * here is null, and every other is resolved by `resolveOne`. No item can reject: a failure (a
 * provider's, or a throw) becomes that item's error, so nothing is left for an unhandled
 * rejection, and a failure fails only the items it served.
 */
export function resolveEach(checks: readonly RepresentationCheck[], resolveOne: (reference: Readonly<Record<string, string>>) => unknown): unknown[] {
  return checks.map((check) => {
    if (!check.ok) return check.error;
    if (!check.type.resolvable) return null;
    try {
      const answered = resolveOne(check.reference);
      // @apollo/subgraph's resolver answers a list, one item per representation given.
      const item: unknown = Array.isArray(answered) ? answered[0] : answered;
      return isThenable(item) ? Promise.resolve(item).then((value) => value, asError) : item;
    } catch (error) {
      return asError(error);
    }
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

/** graphql-js turns an Error value into null at its index and an error with the item's path. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
