/**
 * Tracing as an operator turns it on, in a real process: off by default (nothing of the SDK is
 * loaded and nothing is sent on), on with OTEL_EXPORTER_OTLP_ENDPOINT (spans exported over
 * OTLP/HTTP to that collector, the router's trace continued to the provider), and a collector
 * that is down costs spans, not the service.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { killChildren, startChild } from '../support/child';
import { PROBE_TRACEPARENT } from '../support/otel-probe';

const ROOT = join(__dirname, '..', '..');
const TRACE_ID = PROBE_TRACEPARENT.split('-')[1] ?? '';

interface ProbeResult {
  readonly answer: string;
  readonly loaded: string[];
  readonly sent: string | null;
}

/** Runs test/support/otel-probe.ts with `env` added; its result line and exit code. */
async function probe(env: Record<string, string>): Promise<ProbeResult & { code: number | null }> {
  const child = startChild(process.execPath, ['--import', 'tsx', 'test/support/otel-probe.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const [line] = await child.waitFor(/^\{.*\}$/m);
  const { code } = await child.exited;
  return { ...(JSON.parse(line) as ProbeResult), code };
}

/** An OTLP/HTTP collector stand-in: what was posted to it. */
async function collector(): Promise<{ url: string; posts: { path: string; type: string; body: Buffer }[]; server: Server }> {
  const posts: { path: string; type: string; body: Buffer }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', type: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, posts, server };
}

afterEach(() => {
  killChildren();
});

jest.setTimeout(60_000);

describe('tracing in a real process', () => {
  it('is off without OTEL_* variables: only the API is loaded, nothing is sent on', async () => {
    const result = await probe({});
    expect(result.answer).toBe('{"data":{"assignment":{"id":"57074903"}}}\n');
    expect(result.loaded).toEqual(['@opentelemetry/api']);
    expect(result.sent).toBeNull();
    expect(result.code).toBe(0);
  });

  it('exports to OTEL_EXPORTER_OTLP_ENDPOINT (OTLP/HTTP, protobuf) and continues the router trace to the provider', async () => {
    const otlp = await collector();
    try {
      const result = await probe({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_SERVICE_NAME: 'recovery-graph-test' });
      expect(result.code).toBe(0);
      expect(result.loaded).toEqual(expect.arrayContaining(['@opentelemetry/sdk-trace-base', '@opentelemetry/exporter-trace-otlp-proto']));
      expect(result.sent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));

      expect(otlp.posts.map((post) => [post.path, post.type])).toEqual(otlp.posts.map(() => ['/v1/traces', 'application/x-protobuf']));
      // Protobuf carries strings as UTF-8 and the trace id as its 16 bytes.
      const exported = Buffer.concat(otlp.posts.map((post) => post.body));
      expect(exported.includes(Buffer.from(TRACE_ID, 'hex'))).toBe(true);
      for (const text of ['recovery-graph-test', 'query', 'RECOVERY_CONNECT GET /api/v150/assignments', 'GET /api/v150/assignments']) {
        expect(exported.includes(Buffer.from(text))).toBe(true);
      }
    } finally {
      otlp.server.close();
    }
  });

  it('keeps serving, and stops cleanly, when the collector is down', async () => {
    const result = await probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(result.answer).toBe('{"data":{"assignment":{"id":"57074903"}}}\n');
    expect(result.code).toBe(0);
  });
});
