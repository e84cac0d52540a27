/**
 * The subgraph schema: each domain's SDL file with its resolvers, built by @apollo/subgraph
 * (which adds `_service`, `_entities` and the federation directives from the `@link`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { assertResolversPresent, checkForResolveTypeResolver } from '@graphql-tools/schema';
import { parse, type GraphQLSchema } from 'graphql';
import { assignmentResolvers } from '../../resolvers/assignment';
import { cdcResolvers } from '../../resolvers/cdc';
import { commonResolvers } from '../../resolvers/common';
import { debtCollectionResolvers } from '../../resolvers/debt-collection';

const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/** One module of `buildSubgraphSchema`'s array form, taken from its signature (the type is not exported). */
type SubgraphModule = Extract<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], { typeDefs: unknown }>;

/** One SDL file of `schema/` and the resolvers of the same domain. */
const DOMAINS = [
  { file: 'common.graphql', resolvers: commonResolvers },
  { file: 'assignment.graphql', resolvers: assignmentResolvers },
  { file: 'debt-collection.graphql', resolvers: debtCollectionResolvers },
  { file: 'cdc.graphql', resolvers: cdcResolvers },
] as const;

export function readSdl(file: string): string {
  return readFileSync(join(SCHEMA_DIR, file), 'utf8');
}

export function buildSchema(): GraphQLSchema {
  const schema = buildSubgraphSchema(
    DOMAINS.map(({ file, resolvers }) => ({
      typeDefs: parse(readSdl(file)),
      // Codegen's resolver types are stricter than @apollo/subgraph's map; the shapes agree.
      resolvers: resolvers as SubgraphModule['resolvers'],
    })),
  );
  // Fail at start, not at the first query: every field with arguments needs its resolver,
  // every union and interface a way to tell its members apart.
  assertResolversPresent(schema, { requireResolversForArgs: 'error' });
  checkForResolveTypeResolver(schema, 'error');
  return schema;
}
