/**
 * Peer (b), "bare": Apollo Server 5 with `startStandaloneServer`, an undici `Pool` to the
 * upstream (16 connections, as the project's default bulkhead) and a DataLoader per request that
 * batches the ids asked for in one tick into one list call. No RESTDataSource, no Express.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import DataLoader from 'dataloader';
import { Pool } from 'undici';
import { createAuthenticator, requireScope, type Caller } from './auth';
import type { PeerConfig, RunningPeer } from './config';
import { mapPeerAssignment, type PeerAssignment } from './mapping';
import { PEER_SCALARS, PEER_TYPE_DEFS } from './schema';
import { cachedLogin, readLogin } from './upstream-token';

const CONNECTIONS = 16;
const TIMEOUT_MS = 5_000;
const MAX_IDS_PER_CALL = 250;

interface Context {
  readonly caller: Caller;
  readonly assignments: DataLoader<string, PeerAssignment | null>;
}

export async function startBarePeer(config: PeerConfig): Promise<RunningPeer> {
  const pool = new Pool(config.upstreamUrl, { connections: CONNECTIONS, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
  const authenticate = createAuthenticator(config.jwtSecret);
  const upstreamToken = cachedLogin(async () => {
    const { statusCode, body } = await pool.request({
      method: 'POST',
      path: '/api/v140/auth',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(config.credentials),
    });
    const answer: unknown = await body.json();
    if (statusCode !== 200) throw new Error(`login answered ${statusCode}`);
    return readLogin(answer);
  });

  async function assignmentsByIds(ids: readonly string[]): Promise<(PeerAssignment | null)[]> {
    const token = await upstreamToken();
    const query = new URLSearchParams({ ids: ids.join(','), per_page: String(MAX_IDS_PER_CALL) });
    const { statusCode, body } = await pool.request({
      method: 'GET',
      path: `/api/v150/assignments?${query.toString()}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const answer: unknown = await body.json();
    if (statusCode !== 200) throw new Error(`RecoveryConnect answered ${statusCode}`);
    const data = typeof answer === 'object' && answer !== null ? (answer as { data?: unknown }).data : undefined;
    const byId = new Map<string, PeerAssignment>();
    if (Array.isArray(data)) {
      for (const item of data) {
        if (typeof item !== 'object' || item === null) continue;
        const assignment = mapPeerAssignment(item as Record<string, unknown>);
        byId.set(assignment.id, assignment);
      }
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  const server = new ApolloServer<Context>({
    typeDefs: PEER_TYPE_DEFS,
    resolvers: {
      ...PEER_SCALARS,
      Query: {
        assignment: (_parent: unknown, args: { id: string }, { caller, assignments }: Context) => {
          requireScope(caller, 'assignments:read');
          return assignments.load(args.id);
        },
      },
    },
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: config.host },
    context: async ({ req }) => ({
      caller: await authenticate(req.headers.authorization),
      assignments: new DataLoader(assignmentsByIds, { maxBatchSize: MAX_IDS_PER_CALL }),
    }),
  });
  return {
    url,
    close: async () => {
      await server.stop();
      await pool.close();
    },
  };
}
