/**
 * Peer (a), "the textbook": Apollo Server 5 with `startStandaloneServer` and a RESTDataSource
 * (`@apollo/datasource-rest`), written the way Apollo's documentation teaches it ("Fetching from
 * REST"): a data source per request built in the context function with the server's cache, the
 * upstream token added in `willSendRequest`, mapping in the resolver. RESTDataSource
 * de-duplicates identical GETs within one request and keeps an HTTP cache that only stores what
 * the upstream allows (the stand-in sends no caching headers, so nothing is stored).
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { RESTDataSource, type AugmentedRequest, type DataSourceConfig } from '@apollo/datasource-rest';
import { createAuthenticator, requireScope, type Caller } from './auth';
import type { PeerConfig, RunningPeer } from './config';
import { findAssignment, type PeerAssignment } from './mapping';
import { PEER_SCALARS, PEER_TYPE_DEFS } from './schema';
import { cachedLogin, readLogin } from './upstream-token';

class RecoveryConnectAPI extends RESTDataSource {
  private readonly token: string;

  constructor(options: DataSourceConfig & { readonly baseURL: string; readonly token: string }) {
    super(options);
    this.baseURL = options.baseURL;
    this.token = options.token;
  }

  override willSendRequest(_path: string, request: AugmentedRequest): void {
    request.headers.authorization = `Bearer ${this.token}`;
  }

  async login(credentials: PeerConfig['credentials']): Promise<unknown> {
    return this.post('api/v140/auth', { body: credentials });
  }

  async getAssignment(id: string): Promise<PeerAssignment | null> {
    const page = await this.get<{ data?: unknown }>('api/v150/assignments', { params: { ids: id, per_page: '250' } });
    return findAssignment(page.data, id);
  }
}

interface Context {
  readonly caller: Caller;
  readonly dataSources: { readonly recoveryConnect: RecoveryConnectAPI };
}

export async function startTextbookPeer(config: PeerConfig): Promise<RunningPeer> {
  const baseURL = config.upstreamUrl.endsWith('/') ? config.upstreamUrl : `${config.upstreamUrl}/`;
  const authenticate = createAuthenticator(config.jwtSecret);
  const upstreamToken = cachedLogin(async () =>
    readLogin(await new RecoveryConnectAPI({ baseURL, token: '' }).login(config.credentials)),
  );

  const server = new ApolloServer<Context>({
    typeDefs: PEER_TYPE_DEFS,
    resolvers: {
      ...PEER_SCALARS,
      Query: {
        assignment: async (_parent: unknown, args: { id: string }, { caller, dataSources }: Context) => {
          requireScope(caller, 'assignments:read');
          return dataSources.recoveryConnect.getAssignment(args.id);
        },
      },
    },
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: config.host },
    context: async ({ req }) => {
      const { cache } = server;
      const caller = await authenticate(req.headers.authorization);
      const token = await upstreamToken();
      return { caller, dataSources: { recoveryConnect: new RecoveryConnectAPI({ cache, baseURL, token }) } };
    },
  });
  return { url, close: () => server.stop() };
}
