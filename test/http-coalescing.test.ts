/**
 * Coalescing of identical reads in the pooled HTTP client (src/providers/coalesce.ts), against a
 * small real server that holds every answer until the test releases it, so which calls are in
 * flight together is decided by the test, not by timing. It counts what it receives.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsText } from '../src/infra/observability/metrics';
import { createHttpClient, DEFAULT_HTTP_LIMITS, type HttpClient, type HttpClientOptions, type HttpResponse } from '../src/providers/http';
import { runWithDeadline } from '../src/infra/deadline';
import { createProviderPolicy } from '../src/providers/resilience/policy';
import { failureOf } from './support/failure';
import { parseSamples } from './support/prometheus';

/** A server that answers nothing until `release()`, counting the requests it received. */
interface HoldingServer {
  readonly url: string;
  /** `METHOD url` of every request received, in order. */
  readonly received: string[];
  /** Resolves once `count` requests have arrived. */
  arrived(count: number): Promise<void>;
  /** Answers every request held so far: 200 with `{ call, url }` (`call` counts from 1). */
  release(): void;
  close(): Promise<void>;
}

async function holdingServer(): Promise<HoldingServer> {
  const received: string[] = [];
  const held: { res: ServerResponse; call: number; url: string }[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    received.push(`${req.method ?? ''} ${req.url ?? ''}`);
    held.push({ res, call: received.length, url: req.url ?? '' });
    req.resume();
    for (const waiter of waiting.filter((entry) => received.length >= entry.count)) waiter.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    received,
    arrived: (count) =>
      received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve })),
    release() {
      for (const { res, call, url } of held.splice(0)) {
        // A request the client gave up on has no one to answer.
        if (res.destroyed) continue;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ call, url }));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

let server: HoldingServer;
let http: HttpClient;

function client(options: Partial<Omit<HttpClientOptions, 'provider' | 'baseUrl'>> = {}): HttpClient {
  http = createHttpClient({ ...DEFAULT_HTTP_LIMITS, ...options, provider: 'RECOVERY_CONNECT', baseUrl: server.url });
  return http;
}

/** The coalesced-reads counter of RecoveryConnect's `route`, as /metrics shows it. */
async function coalescedCount(route: string): Promise<number> {
  const samples = parseSamples((await metricsText()).body);
  return samples
    .filter((sample) => sample.name === 'recovery_graph_provider_coalesced_reads_total')
    .filter((sample) => sample.labels.provider === 'RECOVERY_CONNECT' && sample.labels.route === route)
    .reduce((sum, sample) => sum + sample.value, 0);
}

const N = 5;
const READ = { method: 'GET', path: '/assignments/7', query: { expand: 'all' }, headers: { authorization: 'Bearer t1' } } as const;

beforeEach(async () => {
  server = await holdingServer();
});
afterEach(async () => {
  await http.close();
  await server.close();
});

describe('identical reads in flight together', () => {
  it('are sent once; every caller gets the same answer, and the counter counts the N - 1 that joined', async () => {
    const http = client();
    const before = await coalescedCount('/assignments/{id}');

    const reads = Array.from({ length: N }, () => http.request(READ));
    await server.arrived(1);
    server.release();
    const answers = await Promise.all(reads);

    expect(server.received).toEqual(['GET /assignments/7?expand=all']);
    expect(answers.map((answer) => answer.body)).toEqual(Array.from({ length: N }, () => ({ call: 1, url: '/assignments/7?expand=all' })));
    // One parsed body, shared: the mappers must not change it (see the report of this change).
    expect(new Set(answers).size).toBe(1);
    expect((await coalescedCount('/assignments/{id}')) - before).toBe(N - 1);
  });

  it('take no bulkhead place: five reads get through a bulkhead of one place and no queue', async () => {
    const policy = createProviderPolicy('RECOVERY_CONNECT', {
      timeoutMs: 5_000,
      retries: 0,
      backoff: { initialDelayMs: 5, maxDelayMs: 20 },
      breaker: { consecutiveFailures: 5, halfOpenAfterMs: 60_000 },
      bulkhead: { limit: 1, queue: 0 },
    });
    const http = client({ policy });

    const reads = Array.from({ length: N }, () => http.request(READ));
    await server.arrived(1);
    server.release();
    const answers = await Promise.all(reads);

    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(server.received).toHaveLength(1);
  });

  it('are not joined by reads with other query values or other credentials', async () => {
    const http = client();

    const reads = [
      http.request(READ),
      http.request({ ...READ, query: { expand: 'none' } }),
      http.request({ ...READ, headers: { authorization: 'Bearer t2' } }),
      http.request(READ),
    ];
    await server.arrived(3);
    server.release();
    const answers = await Promise.all(reads);

    expect(server.received).toHaveLength(3);
    expect([...server.received].sort()).toEqual(['GET /assignments/7?expand=all', 'GET /assignments/7?expand=all', 'GET /assignments/7?expand=none']);
    expect(answers[3]).toBe(answers[0]);
  });

  it('never include a POST, nor a GET marked as unsafe to repeat', async () => {
    const http = client();

    const reads = [
      ...Array.from({ length: 3 }, () => http.request({ method: 'POST', path: '/auth', json: { user: 'u' }, idempotent: true })),
      ...Array.from({ length: 2 }, () => http.request({ ...READ, idempotent: false })),
    ];
    await server.arrived(5);
    server.release();
    await Promise.all(reads);

    expect(server.received.filter((line) => line.startsWith('POST '))).toHaveLength(3);
    expect(server.received.filter((line) => line.startsWith('GET '))).toHaveLength(2);
  });

  it('are never a cache: a read after the call settled is sent again', async () => {
    const http = client();

    const first = http.request(READ);
    await server.arrived(1);
    server.release();
    await first;
    const second = http.request(READ);
    await server.arrived(2);
    server.release();

    expect((await second).body).toEqual({ call: 2, url: '/assignments/7?expand=all' });
  });

  it('are each sent with PROVIDER_COALESCE_READS=false', async () => {
    const http = client({ coalesceReads: false });
    const before = await coalescedCount('/assignments/{id}');

    const reads = Array.from({ length: N }, () => http.request(READ));
    await server.arrived(N);
    server.release();
    await Promise.all(reads);

    expect(server.received).toHaveLength(N);
    expect((await coalescedCount('/assignments/{id}')) - before).toBe(0);
  });
});

describe('a caller that joined a read', () => {
  it('fails alone when its own signal aborts; the others still get the answer', async () => {
    const http = client();
    const caller = new AbortController();

    const leader = http.request(READ);
    const quitter = http.request({ ...READ, signal: caller.signal });
    const other = http.request(READ);
    await server.arrived(1);
    caller.abort();
    const failure = await failureOf(quitter);
    server.release();

    expect(failure.detail).toEqual({ kind: 'connection', code: 'ABORTED' });
    expect((await leader).status).toBe(200);
    expect(await other).toBe(await leader);
    expect(server.received).toHaveLength(1);
  });

  it("fails alone as a deadline timeout when its own request's deadline passes", async () => {
    const http = client();

    const leader = http.request(READ);
    await server.arrived(1);
    // Its own deadline, far shorter than the leader's wait (which ends only on release).
    const late = runWithDeadline(50, () => http.request(READ));
    const failure = await failureOf(late);
    server.release();

    expect(failure.detail).toEqual({ kind: 'timeout', phase: 'deadline' });
    expect((await leader).status).toBe(200);
    expect(server.received).toHaveLength(1);
  });

  it("does not inherit the leader's own abort: it sends the read again (once for all who waited)", async () => {
    const http = client();
    const before = await coalescedCount('/assignments/{id}');
    const leaderCaller = new AbortController();

    const leader = http.request({ ...READ, signal: leaderCaller.signal });
    const followers = Array.from({ length: 3 }, () => http.request(READ));
    await server.arrived(1);
    leaderCaller.abort();
    const failure = await failureOf(leader);
    // One of the followers leads the next call; the other two join it.
    await server.arrived(2);
    server.release();
    const answers: HttpResponse[] = await Promise.all(followers);

    expect(failure.detail).toEqual({ kind: 'connection', code: 'ABORTED' });
    expect(answers.map((answer) => answer.body)).toEqual(Array.from({ length: 3 }, () => ({ call: 2, url: '/assignments/7?expand=all' })));
    expect(server.received).toHaveLength(2);
    // Counted once per read that took another's answer: the two that joined the second call.
    expect((await coalescedCount('/assignments/{id}')) - before).toBe(2);
  });
});
