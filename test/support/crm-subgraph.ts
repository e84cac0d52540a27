/**
 * A second subgraph for federation tests: an example CRM that adds `Assignment.riskScore`,
 * `Vehicle.marketValue` and `Debtor.name` (SDL: supergraph/crm.graphql), served by Apollo
 * Server on loopback.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createLogger } from '../../src/infra/logger';

export const CRM_SDL = readFileSync(join(__dirname, '..', '..', 'tools', 'supergraph', 'crm.graphql'), 'utf8');

export interface CrmSubgraph {
  readonly url: string;
  /** Representations this subgraph was asked to resolve, per type, in order. */
  readonly entityCalls: { readonly typename: string; readonly count: number }[];
  close(): Promise<void>;
}

/** A deterministic score from an id, so tests can predict it. */
export function riskScoreOf(id: string): number {
  let sum = 0;
  for (let index = 0; index < id.length; index += 1) sum += id.charCodeAt(index);
  return sum % 101;
}

/** Starts the CRM; `riskiest` is the list of assignment ids its query answers, best first. */
export async function startCrmSubgraph(riskiest: readonly string[]): Promise<CrmSubgraph> {
  const entityCalls: { typename: string; count: number }[] = [];
  const server = new ApolloServer({
    logger: createLogger({ level: 'silent' }),
    schema: buildSubgraphSchema({
      typeDefs: parse(CRM_SDL),
      resolvers: {
        Query: {
          riskiestAssignments: (_parent: unknown, { limit }: { limit: number }) =>
            riskiest.slice(0, limit).map((id) => ({ id })),
        },
        Assignment: {
          __resolveReference: (reference: { id: string }) => reference,
          riskScore: (assignment: { id: string }) => riskScoreOf(assignment.id),
        },
        Debtor: {
          __resolveReference: (reference: { debtorId: string }) => reference,
          name: (debtor: { debtorId: string }) => `Debtor ${debtor.debtorId.slice(-2)}`,
        },
        Vehicle: {
          __resolveReference: (reference: { id: string }) => reference,
          marketValue: (vehicle: { id: string }) => `${1000 + riskScoreOf(vehicle.id)}.00`,
        },
      },
    }),
    plugins: [
      {
        requestDidStart: ({ request }) => {
          const representations = request.variables?.representations;
          if (Array.isArray(representations)) {
            const typename = (representations[0] as { __typename?: string } | undefined)?.__typename ?? '';
            entityCalls.push({ typename, count: representations.length });
          }
          return Promise.resolve();
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, entityCalls, close: () => server.stop() };
}
