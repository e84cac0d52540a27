/**
 * Everything an operation selects below one root field, as access demands: so a root field can
 * refuse before it calls a provider when the caller may not see what it asked for (e.g. a
 * mutation whose result selects data of a scope the token lacks is refused before the write).
 */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { AccessMap, Requirement } from './requirements';

/**
 * The demands of every field and fragment type under the field being resolved. `@skip` and
 * `@include` are not evaluated: a field that might run counts (the safe side).
 */
export function selectionRequirements(info: GraphQLResolveInfo, access: AccessMap): ReadonlySet<Requirement> {
  // The demands below a field node depend only on the document it is part of, which Apollo
  // keeps parsed between requests: walk each node once, not on every request (the walk was a
  // twentieth of a cheap read's time).
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  let known = walked.get(access);
  if (known === undefined) {
    known = new WeakMap();
    walked.set(access, known);
  }
  const remembered = node && known.get(node);
  if (remembered) return remembered;
  const found = requirementsBelow(info, access);
  if (node) known.set(node, found);
  return found;
}

/** Demands found below each field node, per access map. */
const walked = new WeakMap<AccessMap, WeakMap<FieldNode, ReadonlySet<Requirement>>>();

function requirementsBelow(info: GraphQLResolveInfo, access: AccessMap): ReadonlySet<Requirement> {
  const found = new Set<Requirement>();
  // A fragment's demands do not depend on where it is spread: walk each once.
  const walkedFragments = new Set<string>();

  const addType = (type: GraphQLNamedType) => {
    const requirement = access.ofType(type.name);
    if (requirement) found.add(requirement);
  };

  const walk = (selectionSet: SelectionSetNode | undefined, parent: GraphQLNamedType): void => {
    if (!selectionSet) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // `__typename` and other meta fields are not in getFields(); unions have only those.
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        for (const requirement of access.ofField(parent.name, field.name)) found.add(requirement);
        walk(selection.selectionSet, getNamedType(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : parent;
        if (!type) continue;
        addType(type);
        walk(selection.selectionSet, type);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || walkedFragments.has(fragment.name.value)) continue;
        walkedFragments.add(fragment.name.value);
        const type = info.schema.getType(fragment.typeCondition.name.value);
        if (!type) continue;
        addType(type);
        walk(fragment.selectionSet, type);
      }
    }
  };

  const returned = getNamedType(info.returnType);
  for (const node of info.fieldNodes) walk(node.selectionSet, returned);
  return found;
}
