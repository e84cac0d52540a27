/**
 * The build as production runs it: `node dist/main.js` with NODE_ENV=production, a child process
 * on real sockets, against the provider simulators. Built here first (into a temporary folder),
 * so `npm test` on a fresh clone needs nothing else. The production-only install and the
 * non-root start are .ci/run's part (the steps of the Dockerfile).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulators, type RunningSimulators } from '../../tools/simulators/start';
import { buildService, listening, productionEnv, removeBuild, startBuilt } from '../support/built-service';
import { killChildren, logLine, startChild } from '../support/child';
import { simControl } from '../support/sim-control';
import { testToken } from '../support/stack';
import { NODE_MEMORY_ENV, NODE_MEMORY_FLAGS } from '../../src/server/node-flags';

const ROOT = join(__dirname, '..', '..');
const QUERY = '{ assignment(id: "57074903") { id } }';
const ASSIGNMENTS_ROUTE = '/api/v150/assignments';

let workDir: string;
let simulators: RunningSimulators;
let token: string;

beforeAll(async () => {
  workDir = buildService('recovery-graph-build-');
  simulators = await startSimulators({ host: '127.0.0.1' });
  token = await testToken();
}, 120_000);

afterAll(async () => {
  await simulators.close();
  removeBuild(workDir);
});

afterEach(async () => {
  killChildren();
  await simControl(simulators.recoveryConnect.url).clearFaults();
});

function query(base: string): Promise<Response> {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
}

async function readyStatus(base: string): Promise<{ status: number; body: { status: string } }> {
  const res = await fetch(`${base}/health/ready`);
  return { status: res.status, body: (await res.json()) as { status: string } };
}

/** Resolves once RecoveryConnect's simulator has received an assignments read: the request is in flight. */
async function providerCalled(): Promise<void> {
  const sim = simControl(simulators.recoveryConnect.url);
  for (let tries = 0; tries < 200; tries += 1) {
    if ((await sim.requests()).some((request) => request.method === 'GET' && request.path === ASSIGNMENTS_ROUTE)) return;
    await sleep(10);
  }
  throw new Error('the provider was never called');
}

describe('the built server in production', () => {
  it('refuses to start without providers or auth, naming every missing variable, exit 1', async () => {
    const child = startChild(process.execPath, [...NODE_MEMORY_FLAGS, 'dist/main.js'], {
      cwd: workDir,
      env: { ...NODE_MEMORY_ENV, PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0' },
    });
    const { code } = await child.exited;
    expect(code).toBe(1);
    for (const name of [
      'RECOVERY_CONNECT_URL',
      'RECOVERY_CONNECT_USERNAME',
      'RECOVERY_CONNECT_PASSWORD',
      'CDC_URL',
      'CDC_CLIENT_KEY',
      'CDC_CLIENT_SECRET',
      'DEBT_COLLECTION_URL',
      'DEBT_COLLECTION_API_KEY',
      'AUTH_JWT_SECRET',
    ]) {
      expect(child.stderr()).toContain(name);
    }
    expect(child.stdout()).not.toContain('listening');
  });

  it('serves: live, ready, a query on the providers, the container health check; it loads no simulator or fixture', async () => {
    // A preload that writes every module the process loaded when it exits.
    const loadedFile = join(workDir, 'loaded-modules.json');
    const preload = join(workDir, 'record-modules.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loadedFile)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const { child, base } = await startBuilt(workDir, productionEnv(simulators, { SHUTDOWN_DELAY_MS: '0' }), ['--require', preload]);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(await readyStatus(base)).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(await (await query(base)).json()).toEqual({ data: { assignment: { id: '57074903' } } });

    const port = new URL(base).port;
    const check = spawnSync(process.execPath, ['dist/healthcheck.js'], { cwd: workDir, env: { PATH: process.env.PATH ?? '', PORT: port } });
    expect(check.status).toBe(0);
    child.process.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
    const after = spawnSync(process.execPath, ['dist/healthcheck.js'], { cwd: workDir, env: { PATH: process.env.PATH ?? '', PORT: port } });
    expect(after.status).toBe(1);

    // This build holds the dev entry and the simulators (dist/tools/); the production start loaded none of it.
    const loaded = JSON.parse(readFileSync(loadedFile, 'utf8')) as string[];
    expect(loaded.some((file) => file.startsWith(join(workDir, 'dist', 'src', 'server')))).toBe(true);
    expect(loaded.filter((file) => file.startsWith(join(workDir, 'dist', 'tools')))).toEqual([]);
    expect(loaded.filter((file) => /simulators|fixtures/.test(file))).toEqual([]);
  });

  it('the production build (--production, what the image holds) has no tools: no simulator, fixture or dev entry', () => {
    const out = join(workDir, 'production-dist');
    const build = spawnSync(process.execPath, [join(ROOT, 'tools', 'scripts', 'build.mjs'), '--production', '--out-dir', out], { encoding: 'utf8' });
    expect(build.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['healthcheck.js', 'main.js', 'resolvers', 'schema', 'src']);
    expect(existsSync(join(out, 'src', 'server', 'main.js'))).toBe(true);
  });

  it('on SIGTERM: not ready at once, still serving for SHUTDOWN_DELAY_MS, the request in flight answered, exit 0', async () => {
    const { child, base } = await startBuilt(workDir, productionEnv(simulators, { SHUTDOWN_DELAY_MS: '1000', SHUTDOWN_GRACE_MS: '10000' }));
    await simControl(simulators.recoveryConnect.url).clearRequests();
    await simControl(simulators.recoveryConnect.url).fault({ method: 'GET', path: ASSIGNMENTS_ROUTE, delayMs: 2_000 });

    const inFlight = query(base).then(async (res) => ({ status: res.status, body: await res.json() }));
    await providerCalled();
    child.process.kill('SIGTERM');
    await child.waitFor(/"msg":"shutting down: not ready"/);

    // From the first moment: not ready, while the process still serves everything else.
    expect(await readyStatus(base)).toMatchObject({ status: 503, body: { status: 'draining' } });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(await (await query(base)).json()).toEqual({ data: { assignment: { id: '57074903' } } });

    // Answered although the port closed after 1 s: the provider took 2 s.
    expect(await inFlight).toEqual({ status: 200, body: { data: { assignment: { id: '57074903' } } } });
    expect((await child.exited).code).toBe(0);
    expect(logLine(child.stdout(), 'shut down')).toBeDefined();
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  });

  it('closes what is still in flight when SHUTDOWN_GRACE_MS ends, and exits 0', async () => {
    const { child, base } = await startBuilt(
      workDir,
      productionEnv(simulators, { SHUTDOWN_DELAY_MS: '0', SHUTDOWN_GRACE_MS: '300', PROVIDER_TIMEOUT_MS: '1000', PROVIDER_RETRIES: '0' }),
    );
    await simControl(simulators.recoveryConnect.url).clearRequests();
    await simControl(simulators.recoveryConnect.url).fault({ method: 'GET', path: ASSIGNMENTS_ROUTE, delayMs: 20_000 });

    const inFlight = query(base).then(
      () => 'answered',
      () => 'connection closed',
    );
    await providerCalled();
    const signalled = performance.now();
    child.process.kill('SIGTERM');

    expect(await inFlight).toBe('connection closed');
    const exit = await child.exited;
    expect(exit.code).toBe(0);
    // The grace (300 ms); a provider call already sent is let finish, here at its 1 s timeout.
    expect(exit.at - signalled).toBeLessThan(4_000);
  });

  it('npm start runs the build under npm, and SIGTERM to npm reaches it: both exit 0, nothing left serving', async () => {
    // --ignore-scripts skips the prestart build: this folder holds a build and no sources.
    const npm = startChild('npm', ['start', '--ignore-scripts'], { cwd: workDir, env: productionEnv(simulators, { SHUTDOWN_DELAY_MS: '0' }) });
    const base = await listening(npm);
    const server = readFileSync(`/proc/${npm.pid}/task/${npm.pid}/children`, 'utf8').trim();
    expect(server).toMatch(/^\d+$/);
    try {
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
      npm.process.kill('SIGTERM');
      expect((await npm.exited).code).toBe(0);
      expect(logLine(npm.stdout(), 'shut down')).toBeDefined();
      await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    } finally {
      try {
        process.kill(Number(server), 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
  });
});

describe('npm start in a production install (no TypeScript compiler)', () => {
  it('starts the dist/ that is there, and without one says how to build', () => {
    const folder = mkdtempSync(join(tmpdir(), 'recovery-graph-prestart-'));
    try {
      mkdirSync(join(folder, 'tools', 'scripts'), { recursive: true });
      copyFileSync(join(ROOT, 'tools', 'scripts', 'build.mjs'), join(folder, 'tools', 'scripts', 'build.mjs'));
      const prestart = () => spawnSync(process.execPath, ['tools/scripts/build.mjs', '--prestart'], { cwd: folder, encoding: 'utf8' });

      const without = prestart();
      expect(without.status).toBe(1);
      expect(without.stderr).toContain('npm ci && npm run build');

      mkdirSync(join(folder, 'dist'));
      writeFileSync(join(folder, 'dist', 'dev.js'), '');
      const withBuild = prestart();
      expect(withBuild.status).toBe(0);
      expect(withBuild.stdout).toContain('starting the build');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('npm run simulators, npm run token and the built server, as the README has them', () => {
  it('starts the subgraph with the command the simulators print, and the token script signs what it accepts', async () => {
    const tsx = (script: string, args: readonly string[], env: NodeJS.ProcessEnv) =>
      startChild(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    const sims = tsx('tools/simulators/main.ts', [], { SIM_RECOVERY_CONNECT_PORT: '0', SIM_CDC_PORT: '0', SIM_DEBT_COLLECTION_PORT: '0' });
    try {
      const [, command = ''] = await sims.waitFor(/Start the subgraph on them.*\n((?:.*\\\n)*.*) npm start\n/);
      const [, tokenSecret = ''] = await sims.waitFor(/^ {2}AUTH_JWT_SECRET=(\S+) npm --silent run token$/m);
      const printed = Object.fromEntries(
        command
          .split(/\s+/)
          .filter((word) => word.includes('='))
          .map((word) => word.split('=', 2) as [string, string]),
      );
      expect(Object.keys(printed).sort()).toEqual([
        'AUTH_JWT_SECRET',
        'CDC_CLIENT_KEY',
        'CDC_CLIENT_SECRET',
        'CDC_URL',
        'DEBT_COLLECTION_API_KEY',
        'DEBT_COLLECTION_URL',
        'RECOVERY_CONNECT_PASSWORD',
        'RECOVERY_CONNECT_URL',
        'RECOVERY_CONNECT_USERNAME',
      ]);
      expect(printed.AUTH_JWT_SECRET).toBe(tokenSecret);

      const server = startChild(process.execPath, [...NODE_MEMORY_FLAGS, 'dist/main.js'], {
        cwd: workDir,
        env: { ...NODE_MEMORY_ENV, PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...printed },
      });
      // The banner is on stderr; stdout is the JSON log.
      const [, url = ''] = await server.waitFor(/GraphQL endpoint\s+(\S+)/, 'stderr');
      expect(server.stderr()).not.toContain('embedded simulator');

      const signer = tsx('tools/scripts/token.ts', ['--scopes', 'assignments:read cdc:read'], { AUTH_JWT_SECRET: tokenSecret });
      expect((await signer.exited).code).toBe(0);
      const issued = signer.stdout().trim();
      expect(issued).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${issued}` },
        body: JSON.stringify({
          query: `{ assignment(id: "57074903") { id } cdcAssignment(code: "5b0e8c1a-2f4d-4a51-9c1e-000000000001") { status }
                    debtCase(agencyCollectionCaseId: "agency-id-123") { isClosed } }`,
        }),
      });
      const answer = (await res.json()) as { data: Record<string, unknown>; errors: { extensions: { code: string } }[] };
      expect(answer.data.assignment).toEqual({ id: '57074903' });
      expect(answer.data.cdcAssignment).toMatchObject({ status: expect.any(String) });
      // Scopes the token does not hold are refused.
      expect(answer.data.debtCase).toBeNull();
      expect(answer.errors.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);

      server.process.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
    } finally {
      sims.process.kill('SIGTERM');
      await sims.exited;
    }
  });
});
