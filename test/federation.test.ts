/**
 * The subgraph as a router sees it: the SDL it publishes and entity resolution through
 * `_entities`, batched into the fewest provider calls.
 */
import { recoveryConnectFixture } from '../tools/simulators/fixtures';
import { subgraphSdl } from '../tools/supergraph/print';
import { generatedAssignments } from './support/assignments';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
const extra = generatedAssignments(300);

beforeAll(async () => {
  stack = await startStack({ simulator: { assignments: [...recoveryConnectFixture.assignments, ...extra] } });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(async () => {
  await stack.sim.clearRequests();
});

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Assignment { id orderType } }
  }`;

async function listCalls(): Promise<string[]> {
  return (await stack.sim.requests())
    .filter((request) => request.method === 'GET' && request.path === '/api/v150/assignments')
    .map((request) => request.query.ids ?? '');
}

describe('federation', () => {
  it('publishes a Federation 2 SDL with the entity keys', async () => {
    const answer = await stack.gql('{ _service { sdl } }');
    const sdl = (answer.data as { _service: { sdl: string } })._service.sdl;

    const link = /@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.(\d+)", import: \[([^\]]*)\]\)/.exec(sdl);
    expect(Number(link?.[1])).toBeGreaterThanOrEqual(5);
    expect(link?.[2]).toContain('"@key"');
    expect(link?.[2]).toContain('"@shareable"');
    expect(sdl).toMatch(/type Assignment\s+@key\(fields: "id"\)/);
    // No route finds a vehicle by id: routers must not ask this subgraph for one.
    expect(sdl).toMatch(/type Vehicle\s+@key\(fields: "id", resolvable: false\)/);
  });

  it('serves the same SDL that `npm run schema:print` writes', async () => {
    const answer = await stack.gql('{ _service { sdl } }');

    expect((answer.data as { _service: { sdl: string } })._service.sdl).toBe(subgraphSdl());
  });

  it('adds an inline trace (ftv1) only when a router asks for one', async () => {
    const ask = async (headers: Record<string, string>) => {
      const res = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.token}`, ...headers },
        body: JSON.stringify({ query: '{ assignment(id: "57074903") { id } }' }),
      });
      return (await res.json()) as { data: unknown; extensions?: { ftv1?: string } };
    };

    const traced = await ask({ 'apollo-federation-include-trace': 'ftv1' });
    const plain = await ask({});

    expect(traced.data).toEqual({ assignment: { id: '57074903' } });
    expect(Buffer.from(traced.extensions?.ftv1 ?? '', 'base64').length).toBeGreaterThan(10);
    expect(plain.extensions).toBeUndefined();
  });

  it('resolves 100 Assignment representations with one provider list call', async () => {
    const ids = extra.slice(0, 100).map((assignment) => String(assignment.id));

    const answer = await stack.gql(ENTITIES, { representations: ids.map((id) => ({ __typename: 'Assignment', id })) });

    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toEqual(ids.map((id) => ({ id, orderType: 1 })));
    const calls = await listCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.split(',')).toHaveLength(100);
  });

  it('deduplicates repeated representations and splits more than 250 ids into calls of 250', async () => {
    const ids = [...extra.map((assignment) => String(assignment.id)), '57074903'];
    const representations = [...ids, ...ids].map((id) => ({ __typename: 'Assignment', id }));

    const answer = await stack.gql(ENTITIES, { representations });

    expect(answer.errors).toBeUndefined();
    expect((answer.data?._entities as unknown[]).length).toBe(602);
    const calls = await listCalls();
    expect(calls.map((call) => call.split(',').length)).toEqual([250, 51]);
    expect(new Set(calls.flatMap((call) => call.split(','))).size).toBe(301);
  });

  it('answers null for an unknown key and BAD_USER_INPUT for a malformed one, without failing the other entities', async () => {
    const answer = await stack.gql(ENTITIES, {
      representations: [
        { __typename: 'Assignment', id: '57074903' },
        { __typename: 'Assignment', id: '11111111' },
        { __typename: 'Assignment', id: 'DROP TABLE' },
        { __typename: 'Assignment', id: '57074907' },
      ],
    });

    // A malformed key is the caller's mistake (issue 11): refused at its index, never sent on.
    expect(answer.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['BAD_USER_INPUT', ['_entities', 2]]]);
    expect(answer.data?._entities).toEqual([{ id: '57074903', orderType: 5 }, null, null, { id: '57074907', orderType: 2 }]);
    expect(await listCalls()).toEqual(['57074903,11111111,57074907']);
  });
});
