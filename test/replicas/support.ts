/**
 * Several replicas as production runs them: the BUILT service (`node dist/main.js`, built here
 * into a temporary folder) as child processes with NODE_ENV=production, all on ONE set of
 * provider simulators started by the test, sharing one real Redis (test/support/redis.ts).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_PREFIX } from '../../src/simulators/debt-collection';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from '../../src/simulators/fixtures';
import type { RunningSimulators } from '../../src/simulators/start';
import { logLine, startChild, type Child } from '../support/child';
import type { GraphQLAnswer } from '../support/stack';
import { TEST_JWT_SECRET } from '../support/stack';

const ROOT = join(__dirname, '..', '..');

/** Builds the service into a new temporary folder (as test/production/built-server.test.ts does). */
export function buildService(): string {
  const workDir = mkdtempSync(join(tmpdir(), 'recovery-graph-replicas-'));
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--out-dir', join(workDir, 'dist')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(workDir, 'node_modules'));
  copyFileSync(join(ROOT, 'package.json'), join(workDir, 'package.json'));
  return workDir;
}

export function removeBuild(workDir: string): void {
  rmSync(workDir, { recursive: true, force: true });
}

/** Production settings for a replica on `simulators`; `extra` adds or overrides (e.g. REDIS_URL). */
export function replicaEnv(simulators: RunningSimulators, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SHUTDOWN_DELAY_MS: '0',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    RECOVERY_CONNECT_URL: simulators.recoveryConnect.url,
    RECOVERY_CONNECT_USERNAME: recoveryConnectFixture.credentials.username,
    RECOVERY_CONNECT_PASSWORD: recoveryConnectFixture.credentials.password,
    CDC_URL: simulators.cdc.url,
    CDC_CLIENT_KEY: cdcFixture.credentials.client_key,
    CDC_CLIENT_SECRET: cdcFixture.credentials.client_secret,
    DEBT_COLLECTION_URL: simulators.debtCollection.url + API_PREFIX,
    DEBT_COLLECTION_API_KEY: debtCollectionFixture.apiKey,
    ...extra,
  };
}

export interface Replica {
  readonly child: Child;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  gql(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
}

/** `node dist/main.js` in `workDir`; resolves once it logged where it listens. */
export async function startReplica(workDir: string, env: NodeJS.ProcessEnv): Promise<Replica> {
  const child = startChild(process.execPath, ['dist/main.js'], { cwd: workDir, env });
  await child.waitFor(/"msg":"listening"/);
  const base = String(logLine(child.stdout(), 'listening')?.url).replace(/\/graphql$/, '');
  return {
    child,
    base,
    async gql(token, query, variables) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as Omit<GraphQLAnswer, 'status'>) };
    },
    async stop() {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
      await child.exited;
    },
  };
}

/** The JSON log lines of a replica whose `msg` is `msg`. */
export function logLines(child: Child, msg: string): Record<string, unknown>[] {
  return child
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === msg);
}
