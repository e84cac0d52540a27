/**
 * The health probes over HTTP: live answers while the process serves; ready shows each provider's
 * breaker and last successful call, and a provider that is down does not make the service
 * unready (its own calls fail fast; the other domains keep serving). Draining (503) is proven on
 * the built server: test/production/built-server.test.ts.
 */
import { READS } from './faults/support';
import { startStack, type TestStack } from './support/stack';

const [RECOVERY_CONNECT, CDC] = READS;

let stack: TestStack;
let base: string;

beforeEach(async () => {
  stack = await startStack({
    providerTimeoutMs: 300,
    resilience: { requestDeadlineMs: 5_000, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 60_000 } },
  });
  base = stack.graphqlUrl.replace(/\/graphql$/, '');
});
afterEach(async () => {
  await stack.close();
});

interface Probe {
  readonly status: number;
  readonly cacheControl: string | null;
  readonly body: { status: string; providers?: Record<string, { circuit: string; lastSuccessAt: string | null }> };
}

async function probe(path: string): Promise<Probe> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: (await res.json()) as Probe['body'] };
}

describe('GET /health/live and /health', () => {
  it.each(['/health/live', '/health'])('%s answers 200 {"status":"ok"}, never cached, without a token', async (path) => {
    expect(await probe(path)).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
  });
});

describe('GET /health/ready', () => {
  it('is ready with every breaker closed and no successful call yet', async () => {
    expect(await probe('/health/ready')).toEqual({
      status: 200,
      cacheControl: 'no-store',
      body: {
        status: 'ready',
        providers: {
          RECOVERY_CONNECT: { circuit: 'closed', lastSuccessAt: null },
          CDC: { circuit: 'closed', lastSuccessAt: null },
          DEBT_COLLECTION: { circuit: 'closed', lastSuccessAt: null },
        },
      },
    });
  });

  it('records the last successful call of the provider that answered', async () => {
    const before = Date.now();
    expect((await stack.gql(RECOVERY_CONNECT!.query)).errors).toBeUndefined();

    const { body } = await probe('/health/ready');
    const at = Date.parse(body.providers?.RECOVERY_CONNECT?.lastSuccessAt ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 1);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(body.providers?.CDC?.lastSuccessAt).toBeNull();
  });

  it('stays ready with a provider down and its breaker open, and shows it', async () => {
    expect((await stack.gql(CDC!.query)).errors).toBeUndefined();
    const cdcSuccess = (await probe('/health/ready')).body.providers?.CDC?.lastSuccessAt;
    await stack.sims.cdc.fault({ method: CDC!.method, path: CDC!.path, reset: true, times: 0 });
    // One read: three attempts, three failures, the breaker opens.
    expect((await stack.gql(CDC!.query)).errors?.[0]?.extensions?.code).toBe('PROVIDER_ERROR');

    const ready = await probe('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.providers?.CDC).toEqual({ circuit: 'open', lastSuccessAt: cdcSuccess });
    expect(ready.body.providers?.RECOVERY_CONNECT?.circuit).toBe('closed');
    // The other domains still serve.
    expect((await stack.gql(RECOVERY_CONNECT!.query)).errors).toBeUndefined();
  });
});
