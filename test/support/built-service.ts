/**
 * The service as production runs it: built (tools/scripts/build.mjs) into a temporary folder and started
 * there as `node dist/main.js` with NODE_ENV=production, every provider pointed at a simulator the
 * test started, as at a remote host.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_PREFIX } from '../../tools/simulators/debt-collection';
import { NODE_MEMORY_ENV, NODE_MEMORY_FLAGS } from '../../src/server/node-flags';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from '../../tools/simulators/fixtures';
import { logLine, startChild, type Child } from './child';
import { TEST_JWT_SECRET } from './stack';

const ROOT = join(__dirname, '..', '..');

/** Builds the service into a new temporary folder (named `<prefix>…`) and returns the folder. */
export function buildService(prefix: string): string {
  const workDir = mkdtempSync(join(tmpdir(), prefix));
  const build = spawnSync(process.execPath, [join(ROOT, 'tools', 'scripts', 'build.mjs'), '--out-dir', join(workDir, 'dist')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  // The build resolves its packages from node_modules beside it, as in a deployment.
  symlinkSync(join(ROOT, 'node_modules'), join(workDir, 'node_modules'));
  copyFileSync(join(ROOT, 'package.json'), join(workDir, 'package.json'));
  return workDir;
}

export function removeBuild(workDir: string): void {
  rmSync(workDir, { recursive: true, force: true });
}

/** Where each provider's simulator listens (e.g. RunningSimulators). */
export interface SimulatorUrls {
  readonly recoveryConnect: { readonly url: string };
  readonly cdc: { readonly url: string };
  readonly debtCollection: { readonly url: string };
}

/**
 * What production needs: every provider (the simulators, as remote hosts) and a token secret
 * (TEST_JWT_SECRET), on a free loopback port; `extra` adds or overrides.
 */
export function productionEnv(simulators: SimulatorUrls, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
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

/** Resolves with the service's base URL (`http://127.0.0.1:<port>`) once it logged where it listens. */
export async function listening(child: Child): Promise<string> {
  await child.waitFor(/"msg":"listening"/);
  return String(logLine(child.stdout(), 'listening')?.url).replace(/\/graphql$/, '');
}

/** `node dist/main.js` in the build folder; resolves once it listens. */
export async function startBuilt(workDir: string, env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): Promise<{ child: Child; base: string }> {
  const child = startChild(process.execPath, [...NODE_MEMORY_FLAGS, ...nodeArgs, 'dist/main.js'], { cwd: workDir, env: { ...NODE_MEMORY_ENV, ...env } });
  return { child, base: await listening(child) };
}
