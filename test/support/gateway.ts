/**
 * A real @apollo/gateway on loopback, built from a supergraph composed of running subgraphs. It
 * passes the client's Authorization header on to every subgraph, as a router must for this one.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createLogger } from '../../src/infra/logger';
import { composeSupergraph, type SubgraphSdl } from '../../tools/supergraph/compose';

/** What the gateway keeps of a client request for its subgraph calls. */
interface GatewayContext {
  readonly authorization?: string;
}

export interface RunningGateway {
  readonly url: string;
  /** Sends the gateway's default token (see startGateway), another one, or none (null). */
  query(
    query: string,
    variables?: Record<string, unknown>,
    options?: { readonly token?: string | null },
  ): Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

export async function startGateway(subgraphs: readonly SubgraphSdl[], options: { readonly token?: string } = {}): Promise<RunningGateway> {
  const logger = createLogger({ level: 'silent' });
  const outcome = composeSupergraph(subgraphs);
  if (!outcome.ok) throw new Error(`composition failed:\n${outcome.errors.join('\n')}`);
  const server = new ApolloServer<GatewayContext>({
    logger,
    gateway: new ApolloGateway({
      supergraphSdl: withoutSecurityLinks(outcome.supergraphSdl),
      logger,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<GatewayContext>({
          url,
          willSendRequest({ request, context }) {
            const authorization = (context as GatewayContext).authorization;
            if (authorization !== undefined) request.http?.headers.set('authorization', authorization);
          },
        }),
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: ({ req }) => Promise.resolve(req.headers.authorization === undefined ? {} : { authorization: req.headers.authorization }),
  });
  return {
    url,
    async query(query, variables, queryOptions = {}) {
      const token = queryOptions.token === undefined ? options.token : queryOptions.token;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token != null && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as Awaited<ReturnType<RunningGateway['query']>>;
    },
    close: () => server.stop(),
  };
}

/**
 * @apollo/gateway cannot enforce @authenticated / @requiresScopes, so it refuses a supergraph
 * that links them `for: SECURITY` (a router must not serve security features it ignores; Apollo
 * Router enforces them). The tests drop the two links: the gateway then serves, and what the
 * tests see of authorization is the subgraph's own enforcement.
 */
function withoutSecurityLinks(supergraphSdl: string): string {
  const link = /^\s*@link\(url: "https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes)\/v[\d.]+", for: SECURITY\)\n/gm;
  const stripped = supergraphSdl.replace(link, '');
  if (stripped.length === supergraphSdl.length) throw new Error('the supergraph no longer links the security features the gateway test expects');
  return stripped;
}
