/**
 * The HTTP server protects itself (issue 11), tested with real sockets: with 2,000 silent
 * connections and a trickling body open, an ordinary request still answers, the silent ones are
 * closed within the headers timeout and the trickling one within the request timeout; connections
 * beyond the limit are closed as soon as they are accepted.
 */
import { connect, type Socket } from 'node:net';
import { safeConnectionLimit, RESERVED_DESCRIPTORS } from '../../src/server/http/server-limits';
import { startStack, type TestStack } from '../support/stack';

const HEADERS_TIMEOUT_S = 5;
const REQUEST_TIMEOUT_S = 7;

/**
 * Node looks for expired requests every tenth of the headers timeout (src/http/server-limits.ts);
 * closing 2,000 sockets, with client and server in this one process on a shared 2-core machine,
 * takes a moment more. (Node's defaults: 60 s, checked every 30 s.)
 */
const CHECK_SLACK_MS = 3_000;

interface Opened {
  readonly socket: Socket;
  /** Milliseconds from opening to the server closing it; null while open. */
  closedAfterMs: number | null;
}

function open(port: number): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect({ port, host: '127.0.0.1' });
    const opened: Opened = { socket, closedAfterMs: null };
    socket.on('close', () => {
      opened.closedAfterMs = Date.now() - started;
    });
    socket.on('data', () => undefined);
    socket.once('connect', () => {
      resolve(opened);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      // A connection the server closes at once may reset; it still counts as closed.
      if (error.code === 'ECONNRESET' && !socket.connecting) return;
      reject(error);
    });
  });
}

async function openMany(port: number, count: number): Promise<Opened[]> {
  const opened: Opened[] = [];
  // In batches, so the listen backlog is not the limit being tested.
  for (let first = 0; first < count; first += 200) {
    opened.push(...(await Promise.all(Array.from({ length: Math.min(200, count - first) }, () => open(port)))));
  }
  return opened;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('silent and slow clients', () => {
  let stack: TestStack;
  let port: number;

  beforeAll(async () => {
    stack = await startStack({
      hardening: { server: { headersTimeoutSeconds: HEADERS_TIMEOUT_S, requestTimeoutSeconds: REQUEST_TIMEOUT_S, keepAliveTimeoutSeconds: 1 } },
    });
    port = Number(new URL(stack.graphqlUrl).port);
  });
  afterAll(async () => {
    await stack.close();
  });

  it('answers an ordinary request while 2,000 silent connections and a trickling body are open, then closes them in time', async () => {
    const openedAt = Date.now();
    const silent = await openMany(port, 2000);
    const openingMs = Date.now() - openedAt;

    // A body that never ends: announced 1,000 bytes, one byte every 200 ms.
    const trickling = await open(port);
    trickling.socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{');
    const drip = setInterval(() => {
      if (!trickling.socket.destroyed) trickling.socket.write(' ');
    }, 200);

    try {
      const asked = Date.now();
      const answer = await stack.gql('{ assignment(id: "57074903") { id } }');
      const answeredMs = Date.now() - asked;
      const openWhileAnswering = silent.filter((opened) => opened.closedAfterMs === null).length;

      expect(answer).toEqual({ status: 200, data: { assignment: { id: '57074903' } } });
      // Answered while the silent sockets were still open: nobody had to wait for them to go.
      expect(openWhileAnswering).toBe(2000);
      expect(trickling.closedAfterMs).toBeNull();

      await waitUntil(() => silent.every((opened) => opened.closedAfterMs !== null), HEADERS_TIMEOUT_S * 1000 + CHECK_SLACK_MS + openingMs);
      await waitUntil(() => trickling.closedAfterMs !== null, REQUEST_TIMEOUT_S * 1000 + CHECK_SLACK_MS);

      const closedAfter = silent.map((opened) => opened.closedAfterMs ?? Infinity).sort((a, b) => a - b);
      const first = closedAfter[0] ?? Infinity;
      const last = closedAfter[closedAfter.length - 1] ?? Infinity;
      console.warn(
        `2,000 silent sockets opened in ${openingMs} ms; ordinary request answered in ${answeredMs} ms with all 2,000 open; ` +
          `silent sockets closed after ${first}–${last} ms (headers timeout ${HEADERS_TIMEOUT_S * 1000} ms); ` +
          `trickling body closed after ${String(trickling.closedAfterMs)} ms (request timeout ${REQUEST_TIMEOUT_S * 1000} ms)`,
      );
      // Not before the headers timeout, and within it plus Node's check interval (measured from
      // each socket's own opening, so the time to open the others is not counted against it).
      expect(first).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_S * 1000 - 50);
      expect(last).toBeLessThanOrEqual(HEADERS_TIMEOUT_S * 1000 + CHECK_SLACK_MS);
      expect(trickling.closedAfterMs ?? Infinity).toBeLessThanOrEqual(REQUEST_TIMEOUT_S * 1000 + CHECK_SLACK_MS);

      // And the service still answers afterwards.
      expect((await stack.gql('{ __typename }')).status).toBe(200);
    } finally {
      clearInterval(drip);
      for (const opened of [...silent, trickling]) opened.socket.destroy();
    }
  }, 40_000);
});

describe('the connection limit', () => {
  let stack: TestStack;
  let port: number;

  beforeAll(async () => {
    stack = await startStack({ hardening: { server: { maxConnections: 20, headersTimeoutSeconds: 5, requestTimeoutSeconds: 5 } } });
    port = Number(new URL(stack.graphqlUrl).port);
  });
  afterAll(async () => {
    await stack.close();
  });

  it('closes connections beyond the limit as soon as they are accepted, and serves again once one is free', async () => {
    const held = await openMany(port, 20);
    const beyond = await openMany(port, 5);

    await waitUntil(() => beyond.every((opened) => opened.closedAfterMs !== null), 1000);
    expect(beyond.map((opened) => opened.closedAfterMs !== null)).toEqual([true, true, true, true, true]);
    expect(held.filter((opened) => opened.closedAfterMs !== null)).toHaveLength(0);

    held.forEach((opened) => opened.socket.destroy());
    beyond.forEach((opened) => opened.socket.destroy());
    await waitUntil(() => held.every((opened) => opened.closedAfterMs !== null), 1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await stack.gql('{ __typename }')).status).toBe(200);
  });

  it('stays below the file-descriptor limit, keeping descriptors for everything else', () => {
    expect(safeConnectionLimit(10_000, 20_000)).toBe(10_000);
    expect(safeConnectionLimit(10_000, 4_096)).toBe(4_096 - RESERVED_DESCRIPTORS);
    expect(safeConnectionLimit(10_000, null)).toBe(10_000);
  });
});
