/**
 * A second real router: Hive Gateway (@graphql-hive/gateway-runtime) composing the same
 * supergraph as the @apollo/gateway test (this subgraph and the example CRM, security links
 * kept), and enforcing @authenticated / @requiresScopes itself with its generic auth plugin: the
 * token is verified at the router (jose, the same HS256 secret) and its `scope` claim read as the
 * scopes. A query without a scope it needs is refused by the router before any subgraph is
 * called; a permitted one joins data across both subgraphs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { jwtVerify } from 'jose';
import { createLogger } from '../src/infra/logger';
import { composeSupergraph } from '../tools/supergraph/compose';
import { subgraphSdl } from '../tools/supergraph/print';
import { CRM_SDL, startCrmSubgraph, type CrmSubgraph } from './support/crm-subgraph';
import { startStack, TEST_JWT_SECRET, testToken, type TestStack } from './support/stack';

/** The router's own refusal code (generic auth), never the subgraph's FORBIDDEN or UNAUTHENTICATED. */
const REFUSED = 'UNAUTHORIZED_FIELD_OR_TYPE';
const CASE_WITH_NAME = `{ debtCase(agencyCollectionCaseId: "agency-id-123") { agencyCollectionCaseId debtor { debtorId name } } }`;

/** What the router keeps of a verified token. */
interface RouterUser {
  readonly sub: string;
  readonly scope: string;
}

let stack: TestStack;
let crm: CrmSubgraph;
let gateway: GatewayRuntime;
let server: Server;
let url: string;
/** Our subgraph's operation log (its "graphql operation" lines). */
const operations: string[] = [];

beforeAll(async () => {
  const destination = {
    write(line: string) {
      const entry = JSON.parse(line) as { msg?: string; operationName?: string };
      if (entry.msg === 'graphql operation') operations.push(entry.operationName ?? '');
    },
  };
  stack = await startStack({ logger: createLogger({ level: 'info', destination }) });
  crm = await startCrmSubgraph([]);
  const composed = composeSupergraph([
    { name: 'recovery-graph', routingUrl: stack.graphqlUrl, sdl: subgraphSdl() },
    { name: 'crm', routingUrl: crm.url, sdl: CRM_SDL },
  ]);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  expect(composed.supergraphSdl).toContain('https://specs.apollo.dev/requiresScopes/');

  const secret = new TextEncoder().encode(TEST_JWT_SECRET);
  gateway = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
    // The runtime package brings no transport of its own; subgraphs are reached over HTTP.
    transports: { http: httpTransport },
    genericAuth: {
      mode: 'protect-granular',
      // Verified at the router; a request without a valid token is no user (and refused where a field needs one).
      async resolveUserFn({ request }) {
        const header = request.headers.get('authorization') ?? '';
        if (!header.startsWith('Bearer ')) return null;
        try {
          const { payload } = await jwtVerify(header.slice('Bearer '.length), secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
          return { sub: String(payload.sub), scope: typeof payload.scope === 'string' ? payload.scope : '' } satisfies RouterUser;
        } catch {
          return null;
        }
      },
      // Also called without a user (no token, or one the router refused): no scopes then.
      extractScopes: (user) => ((user as RouterUser | null)?.scope ?? '').split(' ').filter(Boolean),
      rejectUnauthenticated: false,
    },
    // The subgraph checks the token too: the router passes it on.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    },
  });
  // The runtime is a request listener (whatwg-node's server adapter).
  server = createServer((req, res) => {
    void gateway(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/graphql`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  await gateway.dispose();
  await crm.close();
  await stack.close();
});

beforeEach(async () => {
  operations.length = 0;
  crm.entityCalls.length = 0;
  await stack.sims.debtCollection.clearRequests();
});

async function query(document: string, token: string | null): Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token !== null && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: document }),
  });
  return (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Nothing reached a subgraph, nor a provider behind ours. */
async function expectNoSubgraphCalled(): Promise<void> {
  expect(operations).toStrictEqual([]);
  expect(crm.entityCalls).toStrictEqual([]);
  expect(await stack.sims.debtCollection.requests()).toStrictEqual([]);
}

describe('Hive Gateway over this subgraph and the CRM', () => {
  it('joins a debt case from this subgraph with the debtor name from the CRM, for a token with the scope', async () => {
    const answer = await query(CASE_WITH_NAME, await testToken({ scopes: ['collections:read'] }));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toStrictEqual({
      debtCase: { agencyCollectionCaseId: 'agency-id-123', debtor: { debtorId: '2334545', name: 'Debtor 45' } },
    });
    expect(operations).toHaveLength(1);
    expect(crm.entityCalls).toStrictEqual([{ typename: 'Debtor', count: 1 }]);
  });

  it('refuses a token without collections:read itself: no subgraph is called', async () => {
    const answer = await query(CASE_WITH_NAME, await testToken({ scopes: ['assignments:read', 'cdc:read'] }));
    expect(answer.data).toStrictEqual({ debtCase: null });
    expect(answer.errors).toStrictEqual([expect.objectContaining({ message: 'Unauthorized field or type', path: ['debtCase'], extensions: { code: REFUSED } })]);
    await expectNoSubgraphCalled();
  });

  it('refuses a request without a token itself: no subgraph is called', async () => {
    const answer = await query(CASE_WITH_NAME, null);
    expect(answer.data).toStrictEqual({ debtCase: null });
    expect(answer.errors).toStrictEqual([expect.objectContaining({ message: 'Unauthorized field or type', path: ['debtCase'], extensions: { code: REFUSED } })]);
    await expectNoSubgraphCalled();
  });

  it('refuses a token the router cannot verify (wrongly signed) as no user at all', async () => {
    const answer = await query(CASE_WITH_NAME, await testToken({ secret: 'another-secret-of-someone-else-0123456789' }));
    expect(answer.data).toStrictEqual({ debtCase: null });
    expect(answer.errors).toStrictEqual([expect.objectContaining({ message: 'Unauthorized field or type', path: ['debtCase'], extensions: { code: REFUSED } })]);
    await expectNoSubgraphCalled();
  });
});
