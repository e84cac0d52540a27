/** A real @apollo/gateway on loopback, built from a supergraph composed of running subgraphs. */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createLogger } from '../../src/logger';
import { composeSupergraph, type SubgraphSdl } from '../../src/supergraph/compose';

export interface RunningGateway {
  readonly url: string;
  query(query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

export async function startGateway(subgraphs: readonly SubgraphSdl[]): Promise<RunningGateway> {
  const logger = createLogger({ level: 'silent' });
  const outcome = composeSupergraph(subgraphs);
  if (!outcome.ok) throw new Error(`composition failed:\n${outcome.errors.join('\n')}`);
  const server = new ApolloServer({
    logger,
    gateway: new ApolloGateway({ supergraphSdl: outcome.supergraphSdl, logger }),
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return {
    url,
    async query(query, variables) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as Awaited<ReturnType<RunningGateway['query']>>;
    },
    close: () => server.stop(),
  };
}
