/**
 * The bench's targets: how each is started, what it is asked under load, and the process tree
 * whose memory is its RSS.
 *
 * - upstream: the stand-in itself, asked the REST GET a target makes for the query (the limit).
 * - project: this project, production mode with auth, query limits and logging (LOG_LEVEL=info,
 *   to a log file), every provider pointed at the stand-in. Started by {@link PROJECT_START}.
 * - project-cached: the same with the entity cache on (ENTITY_CACHE_TTL_MS, in process): its own
 *   row, never mixed into the uncached numbers.
 * - textbook, bare: the peers in bench/peers/, compiled (compile.ts), same variables.
 */
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_MEMORY_ENV, NODE_MEMORY_FLAGS, nodeMemoryEnvWords } from '../../../src/server/node-flags';
import { BENCH_QUERY, UPSTREAM_READ_PATH } from '../query';
import { OptionsError, type ProjectSource, type TargetName } from './options';
import { freePort, spawnChild, waitForPort, type Child } from './children';

/** How the project is started: its build (issue 12: `npm run build` → dist/main.js), or its sources through tsx. */
export const PROJECT_START = {
  build: { command: process.execPath, args: [...NODE_MEMORY_FLAGS, 'dist/main.js'], label: `${nodeMemoryEnvWords().join(' ')} node ${NODE_MEMORY_FLAGS.join(' ')} dist/main.js (the build, as npm start runs it)`, short: 'build' },
  source: { command: 'npx', args: ['tsx', 'tools/dev/main.ts'], label: 'npx tsx tools/dev/main.ts (sources through tsx)', short: 'npx tsx' },
} as const;

export const TARGET_LABELS: Record<TargetName, string> = {
  upstream: 'the upstream REST GET alone (the limit)',
  project: 'this project',
  'project-cached': 'this project, entity cache on (ENTITY_CACHE_TTL_MS=60000, in process)',
  textbook: 'textbook: Apollo Server 5 + RESTDataSource',
  bare: 'Apollo Server 5 + undici Pool + DataLoader',
};

const HOST = '127.0.0.1';

/** One HTTP request, as autocannon and the checks send it. */
export interface TargetRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface Target {
  readonly name: TargetName;
  readonly label: string;
  /** Root of the process tree whose memory is reported. */
  readonly pid: number;
  /** The request under load, with a valid token. */
  readonly request: TargetRequest;
  /** The same request with another `authorization` header (or none: null). */
  withAuthorization(authorization: string | null): TargetRequest;
  stop(): Promise<void>;
}

/** Variables of the bench's environment that would change what a target does: not passed on. */
const UNSET = /^(AUTH_|ROUTER_SECRET|RECOVERY_CONNECT_|CDC_|DEBT_COLLECTION_|PROVIDER_|REQUEST_DEADLINE|INTROSPECTION|LANDING_PAGE|LOG_LEVEL|PORT$|HOST$|NODE_OPTIONS$|BENCH_)/;

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!UNSET.test(name)) env[name] = value;
  return { ...env, ...extra };
}

/** The project's configuration for the bench: production, every provider at the stand-in. */
export function projectEnv(options: {
  readonly upstreamUrl: string;
  readonly credentials: { readonly username: string; readonly password: string };
  readonly jwtSecret: string;
  readonly port: number;
  readonly logLevel?: string;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST,
    PORT: String(options.port),
    LOG_LEVEL: options.logLevel ?? 'info',
    AUTH_JWT_SECRET: options.jwtSecret,
    RECOVERY_CONNECT_URL: options.upstreamUrl,
    RECOVERY_CONNECT_USERNAME: options.credentials.username,
    RECOVERY_CONNECT_PASSWORD: options.credentials.password,
    // The query never reaches these two; production needs them configured (no simulators there).
    CDC_URL: options.upstreamUrl,
    CDC_CLIENT_KEY: 'bench',
    CDC_CLIENT_SECRET: 'bench',
    DEBT_COLLECTION_URL: `${options.upstreamUrl}/v1`,
    DEBT_COLLECTION_API_KEY: 'bench',
  };
}

export function graphqlRequest(url: string, token: string): TargetRequest {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: BENCH_QUERY }),
  };
}

/** The request with another `authorization` header, or none (null). */
export function withAuthorization(request: TargetRequest, authorization: string | null): TargetRequest {
  const { authorization: _dropped, ...headers } = request.headers;
  return { ...request, headers: authorization === null ? headers : { ...headers, authorization } };
}

/** Which way the project is started, and a warning when the build is older than the sources. */
export function projectStart(root: string, from: ProjectSource): { start: (typeof PROJECT_START)[keyof typeof PROJECT_START]; warning: string | null } {
  const built = join(root, 'dist', 'main.js');
  const hasBuild = existsSync(built);
  if (from === 'build' && !hasBuild) throw new OptionsError('--project build: dist/main.js does not exist (npm run build first).');
  if (from === 'source' || !hasBuild) return { start: PROJECT_START.source, warning: null };
  const builtAt = statSync(built).mtimeMs;
  const newer = ['src', 'resolvers', 'schema'].flatMap((dir) => newerFiles(join(root, dir), builtAt));
  return {
    start: PROJECT_START.build,
    warning: newer.length === 0 ? null : `dist/main.js is older than ${newer.length} source file(s), e.g. ${newer[0] ?? ''}: run npm run build first.`,
  };
}

function newerFiles(dir: string, than: number): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => join(dir, file))
    .filter((file) => statSync(file).isFile() && statSync(file).mtimeMs > than);
}

interface StartContext {
  readonly root: string;
  /** The node binary every server runs on (`--node`; default: the one running the bench). */
  readonly node: string;
  /** The compiled bench servers (compile.ts). */
  readonly serveJs: string;
  readonly jwtSecret: string;
  readonly token: string;
  readonly upstream: { readonly url: string; readonly credentials: { readonly username: string; readonly password: string } };
}

function asTarget(name: TargetName, child: Child, request: TargetRequest): Target {
  return {
    name,
    label: TARGET_LABELS[name],
    pid: child.pid,
    request,
    withAuthorization: (authorization) => withAuthorization(request, authorization),
    stop: () => child.stop(),
  };
}

/** The shared stand-in, as a child; answers its URL once it listens. */
export async function startUpstream(serveJs: string, root: string, delayMs: number, node: string): Promise<{ url: string; child: Child }> {
  const port = await freePort(HOST);
  const child = spawnChild({
    command: node,
    args: [serveJs, 'upstream'],
    cwd: root,
    env: childEnv({ NODE_ENV: 'production', HOST, PORT: String(port), BENCH_UPSTREAM_DELAY_MS: String(delayMs) }),
  });
  await waitForPort(child, HOST, port, 'the upstream stand-in');
  return { url: `http://${HOST}:${port}`, child };
}

export function upstreamTarget(upstream: { url: string; child: Child }, upstreamToken: string): Target {
  const request: TargetRequest = {
    url: upstream.url + UPSTREAM_READ_PATH,
    method: 'GET',
    headers: { authorization: `Bearer ${upstreamToken}` },
  };
  // The stand-in is shared: it stops after every target, not with its row.
  return { ...asTarget('upstream', upstream.child, request), stop: () => Promise.resolve() };
}

/** The entity cache's TTL in the `project-cached` row: longer than any run, so every read after the first is a hit. */
export const BENCH_ENTITY_CACHE_TTL_MS = 60_000;

export async function startProject(
  context: StartContext,
  start: (typeof PROJECT_START)[keyof typeof PROJECT_START],
  logFd: number,
  name: 'project' | 'project-cached' = 'project',
): Promise<Target> {
  const port = await freePort(HOST);
  const env = projectEnv({ upstreamUrl: context.upstream.url, credentials: context.upstream.credentials, jwtSecret: context.jwtSecret, port });
  const child = spawnChild({
    // The build runs on the chosen node; the sources run through npx tsx.
    command: start.short === 'build' ? context.node : start.command,
    args: start.args,
    cwd: context.root,
    env: childEnv({
      // The build as it is shipped (src/node-flags.ts); tsx runs the sources as development does.
      ...(start.short === 'build' ? NODE_MEMORY_ENV : {}),
      ...env,
      ...(name === 'project-cached' ? { ENTITY_CACHE_TTL_MS: String(BENCH_ENTITY_CACHE_TTL_MS) } : {}),
    }),
    stdoutFd: logFd,
  });
  await waitForPort(child, HOST, port, `the ${name}`);
  return asTarget(name, child, graphqlRequest(`http://${HOST}:${port}/graphql`, context.token));
}

export async function startPeer(context: StartContext, name: 'textbook' | 'bare'): Promise<Target> {
  const port = await freePort(HOST);
  const child = spawnChild({
    command: context.node,
    args: [context.serveJs, name],
    cwd: context.root,
    env: childEnv({
      NODE_ENV: 'production',
      HOST,
      PORT: String(port),
      AUTH_JWT_SECRET: context.jwtSecret,
      RECOVERY_CONNECT_URL: context.upstream.url,
      RECOVERY_CONNECT_USERNAME: context.upstream.credentials.username,
      RECOVERY_CONNECT_PASSWORD: context.upstream.credentials.password,
    }),
  });
  await waitForPort(child, HOST, port, `the ${name} peer`);
  return asTarget(name, child, graphqlRequest(`http://${HOST}:${port}/`, context.token));
}
