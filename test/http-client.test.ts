/**
 * The pooled HTTP client against small real servers that misbehave on purpose: every transport
 * problem comes out as one kind of the closed failure set, and answers are size-limited.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createHttpClient,
  DEFAULT_HTTP_LIMITS,
  retryAfterSeconds,
  type HttpClient,
  type HttpClientOptions,
} from '../src/providers/http';

import { failureOf } from './support/failure';

interface Served {
  readonly url: string;
  close(): Promise<void>;
}

async function serve(handler: RequestListener): Promise<Served> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function client(baseUrl: string, limits: Partial<Omit<HttpClientOptions, 'provider' | 'baseUrl'>> = {}): HttpClient {
  return createHttpClient({ ...DEFAULT_HTTP_LIMITS, ...limits, provider: 'RECOVERY_CONNECT', baseUrl });
}

describe('createHttpClient', () => {
  it('keeps the base URL path prefix and sends the query without undefined values', async () => {
    let seen = '';
    const server = await serve((req, res) => {
      seen = req.url ?? '';
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    const http = client(`${server.url}/tenant/v1`);

    const res = await http.request({ method: 'GET', path: '/cases', query: { a: '1', b: undefined, c: 'x y' } });

    expect(res).toMatchObject({ status: 200, body: { ok: true } });
    expect(seen).toBe('/tenant/v1/cases?a=1&c=x+y');
    await http.close();
    await server.close();
  });

  it('reports a provider that never sends headers as a headers timeout', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const http = client(server.url, { headersTimeoutMs: 200 });

    const failure = await failureOf(http.request({ method: 'GET', path: '/' }));

    expect(failure.detail).toEqual({ kind: 'timeout', phase: 'headers' });
    expect(failure.retryable).toBe(true);
    await http.close();
    await server.close();
  });

  it('reports a body that stalls midway as a body timeout', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": [');
    });
    const http = client(server.url, { bodyTimeoutMs: 200 });

    const failure = await failureOf(http.request({ method: 'GET', path: '/' }));

    expect(failure.detail).toEqual({ kind: 'timeout', phase: 'body' });
    await http.close();
    await server.close();
  });

  it('cuts an answer larger than the limit and reports it as an invalid body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: 'x'.repeat(100_000) }));
    });
    const http = client(server.url, { maxResponseBytes: 10_000 });

    const failure = await failureOf(http.request({ method: 'GET', path: '/' }));

    expect(failure.detail).toEqual({ kind: 'invalid_body', reason: 'answer larger than the limit' });
    await http.close();
    await server.close();
  });

  it('reports a refused connection as a connection failure', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    await server.close();
    const http = client(url);

    const failure = await failureOf(http.request({ method: 'GET', path: '/' }));

    expect(failure.detail).toEqual({ kind: 'connection', code: 'ECONNREFUSED' });
    expect(failure.message).not.toContain('127.0.0.1');
    await http.close();
  });

  it('answers a non-JSON body (an HTML error page) as an undefined body with its status', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway</body></html>');
    });
    const http = client(server.url);

    const res = await http.request({ method: 'GET', path: '/' });

    expect(res.status).toBe(502);
    expect(res.body).toBeUndefined();
    await http.close();
    await server.close();
  });
});

describe('retryAfterSeconds', () => {
  it('reads delta seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(retryAfterSeconds({ 'retry-after': '30' }, now)).toBe(30);
    expect(retryAfterSeconds({ 'retry-after': 'Sat, 21 Nov 2026 12:01:30 GMT' }, now)).toBe(90);
    expect(retryAfterSeconds({ 'retry-after': 'soon' }, now)).toBeNull();
    expect(retryAfterSeconds({}, now)).toBeNull();
  });
});
