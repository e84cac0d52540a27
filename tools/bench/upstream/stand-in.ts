/**
 * The upstream stand-in: a minimal, fast RecoveryConnect that answers the two routes the bench's
 * query needs, with the project's fixture, the same for every target.
 *
 * - `POST /api/v140/auth` checks the fixture's credentials and answers one bearer token (the same
 *   token for every login of this process, valid an hour).
 * - `GET /api/v150/assignments?ids=…` checks that token and answers the Laravel page the
 *   simulator would answer: the query is validated and paged by the simulator's own functions,
 *   and each distinct URL's answer is serialized once and then served from memory.
 * - Anything else: 404 `{message}`.
 *
 * The project's simulator keeps every documented behaviour (faults, writes, request logs), which
 * costs more per call than the thing being measured; this one does only what a fast real API
 * does for a read, so it is "the limit" in the bench's table.
 *
 * It counts what it serves (`GET /__bench/stats`, reset with `DELETE /__bench/stats`): calls per
 * route, the most calls in flight at once, and the most *identical* calls (same method and URL)
 * in flight at once: with cross-request coalescing in front of it that last number is 1.
 * `delayMs` holds every provider answer back that long (the slow-upstream scenario).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RawAuthResponse, RawErrorBody } from '../../../src/providers/recovery-connect/raw';
import { recoveryConnectFixture } from '../../simulators/fixtures';
import { parseListQuery } from '../../simulators/recovery-connect/list-query';
import { paginate } from '../../simulators/recovery-connect/pagination';
import { createAssignmentStore } from '../../simulators/recovery-connect/store';

export const AUTH_PATH = '/api/v140/auth';
export const ASSIGNMENTS_PATH = '/api/v150/assignments';
export const STATS_PATH = '/__bench/stats';

/** Login bodies are tiny; anything larger is not a login. */
const MAX_LOGIN_BODY = 4096;
/** Distinct answers kept serialized; the bench asks for a handful. */
const MAX_CACHED_ANSWERS = 1000;
const TOKEN_LIFETIME_SECONDS = 3600;

/** What the stand-in served since the last reset. */
export interface StandInStats {
  readonly calls: { readonly auth: number; readonly assignments: number; readonly other: number; readonly unauthorized: number };
  /** The most provider calls in flight at one moment (only differs from 1 with `delayMs`). */
  readonly maxInFlight: number;
  /** The most calls with the same method and URL in flight at one moment. */
  readonly maxIdenticalInFlight: number;
}

export interface StandInOptions {
  /** Hold every provider answer back this long (0: answer at once). */
  readonly delayMs?: number;
  readonly host?: string;
  /** 0: a free port. */
  readonly port?: number;
}

export interface RunningStandIn {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly server: Server;
  readonly credentials: { readonly username: string; readonly password: string };
  /** The bearer token the stand-in accepts (for the "upstream alone" row). */
  readonly token: string;
  stats(): StandInStats;
  resetStats(): void;
  close(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly body: Buffer;
}

function json(status: number, value: unknown): Answer {
  return { status, body: Buffer.from(JSON.stringify(value)) };
}

const NOT_FOUND = json(404, { message: 'Not Found.' } satisfies RawErrorBody);
const UNAUTHENTICATED = json(401, { message: 'Unauthenticated.' } satisfies RawErrorBody);
const INVALID_CREDENTIALS = json(401, { message: 'Invalid credentials.' } satisfies RawErrorBody);

function sameText(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startStandIn(options: StandInOptions = {}): Promise<RunningStandIn> {
  const delayMs = options.delayMs ?? 0;
  const credentials = recoveryConnectFixture.credentials;
  const token = randomBytes(32).toString('hex');
  const bearer = `Bearer ${token}`;
  const store = createAssignmentStore(recoveryConnectFixture.assignments);
  const answers = new Map<string, Answer>();
  const login = json(200, {
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: token,
    refresh_token: randomBytes(32).toString('hex'),
  } satisfies RawAuthResponse);

  let calls = { auth: 0, assignments: 0, other: 0, unauthorized: 0 };
  let inFlight = 0;
  let maxInFlight = 0;
  let maxIdenticalInFlight = 0;
  const identical = new Map<string, number>();

  /** The list answer for this URL, serialized once. */
  function assignments(rawUrl: string, baseUrl: string): Answer {
    const cached = answers.get(rawUrl);
    if (cached) return cached;
    const url = new URL(rawUrl, baseUrl);
    const parsed = parseListQuery(url.searchParams);
    const answer = parsed.ok
      ? json(
          200,
          paginate(store.list(parsed.query.filter), {
            path: baseUrl + url.pathname,
            params: url.searchParams,
            page: parsed.query.page,
            perPage: parsed.query.perPage,
          }),
        )
      : json(422, { message: 'The given data was invalid.', errors: parsed.errors } satisfies RawErrorBody);
    if (answers.size < MAX_CACHED_ANSWERS) answers.set(rawUrl, answer);
    return answer;
  }

  function send(res: ServerResponse, answer: Answer): void {
    res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': answer.body.length });
    res.end(answer.body);
  }

  /** Answers a provider call, after `delayMs`, keeping the in-flight counts. */
  function respond(req: IncomingMessage, res: ServerResponse, answer: () => Answer): void {
    if (delayMs === 0) {
      send(res, answer());
      return;
    }
    const key = `${req.method ?? ''} ${req.url ?? ''}`;
    const same = (identical.get(key) ?? 0) + 1;
    identical.set(key, same);
    maxIdenticalInFlight = Math.max(maxIdenticalInFlight, same);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      const left = (identical.get(key) ?? 1) - 1;
      if (left === 0) identical.delete(key);
      else identical.set(key, left);
      send(res, answer());
    }, delayMs);
  }

  function handleLogin(req: IncomingMessage, res: ServerResponse): void {
    calls.auth += 1;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_LOGIN_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = null;
      }
      const given = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const ok = size <= MAX_LOGIN_BODY && sameText(given.username, credentials.username) && sameText(given.password, credentials.password);
      respond(req, res, () => (ok ? login : INVALID_CREDENTIALS));
    });
  }

  let baseUrl = '';
  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    if (path === STATS_PATH) {
      if (req.method === 'DELETE') reset();
      send(res, json(200, snapshot()));
      return;
    }
    if (req.method === 'POST' && path === AUTH_PATH) {
      handleLogin(req, res);
      return;
    }
    if (req.method === 'GET' && path === ASSIGNMENTS_PATH) {
      calls.assignments += 1;
      if (req.headers.authorization !== bearer) {
        calls.unauthorized += 1;
        respond(req, res, () => UNAUTHENTICATED);
        return;
      }
      respond(req, res, () => assignments(rawUrl, baseUrl));
      return;
    }
    calls.other += 1;
    respond(req, res, () => NOT_FOUND);
  });
  // Clients keep their sockets; so does a real API behind a load balancer.
  server.keepAliveTimeout = 60_000;

  function snapshot(): StandInStats {
    return { calls: { ...calls }, maxInFlight, maxIdenticalInFlight };
  }

  /** Counts start again; the in-flight maxima start from what is in flight now. */
  function reset(): void {
    calls = { auth: 0, assignments: 0, other: 0, unauthorized: 0 };
    maxInFlight = inFlight;
    maxIdenticalInFlight = Math.max(0, ...identical.values());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.address}:${address.port}`;

  return {
    url: baseUrl,
    server,
    credentials,
    token,
    stats: snapshot,
    resetStats: reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
