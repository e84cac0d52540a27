/**
 * `npm run bench` (scenarios `comparison` and `slow`): one shared upstream stand-in, the project
 * and the peers started beside it, their answers checked equal, then rounds that alternate
 * between the targets (the order rotates every round), and one table of medians.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { signToken } from '../../src/server/auth/dev-token';
import { recoveryConnectFixture } from '../simulators/fixtures';
import { BENCH_QUERY, BENCH_SCOPE } from './query';
import { AUTH_PATH } from './upstream/stand-in';
import { checkTargets } from './runner/check';
import type { Child } from './runner/children';
import { compileServers } from './runner/compile';
import { measure, type Measurement } from './runner/load';
import { OptionsError, type BenchOptions, type TargetName } from './runner/options';
import { summarize, table } from './runner/report';
import { BENCH_ENTITY_CACHE_TTL_MS, projectStart, startPeer, startProject, startUpstream, upstreamTarget, type Target } from './runner/targets';

const out = (line = '') => process.stdout.write(`${line}\n`);

async function upstreamLogin(url: string): Promise<string> {
  const res = await fetch(url + AUTH_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(recoveryConnectFixture.credentials),
  });
  const body = (await res.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('the stand-in refused the fixture login');
  return body.access_token;
}

/** The targets in this round's order: the list rotated by the round number. */
function rotated<T>(items: readonly T[], by: number): T[] {
  const shift = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** Lines of the project's log that record one GraphQL operation: proof that logging was on. */
async function operationLines(file: string): Promise<number> {
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (line.includes('"graphql operation"')) count += 1;
  }
  return count;
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

export async function runComparison(root: string, options: BenchOptions): Promise<boolean> {
  const slow = options.scenario === 'slow';
  const { start: projectCommand, warning } = projectStart(root, options.project);
  const jwtSecret = randomBytes(32).toString('base64url');
  const token = await signToken({ secret: jwtSecret, scopes: [BENCH_SCOPE], lifetimeSeconds: 3600, subject: 'bench' });
  const tokens = {
    wrongSignature: await signToken({ secret: randomBytes(32).toString('base64url'), scopes: [BENCH_SCOPE], lifetimeSeconds: 3600 }),
    withoutScope: await signToken({ secret: jwtSecret, scopes: ['cdc:read'], lifetimeSeconds: 3600 }),
  };
  const logDir = mkdtempSync(join(tmpdir(), 'recovery-graph-bench-'));
  const logFile = join(logDir, 'project.log');
  const logFd = openSync(logFile, 'a');

  out(`# npm run bench: scenario ${options.scenario}`);
  out(`node ${nodeVersion(options.node)} (${options.node}), ${cpus().length} CPUs (shared with the load generator), load average at start ${load()}`);
  out(
    `autocannon ${options.connections} connections, ${options.rounds} round(s) × ${options.durationSeconds} s per target after ${options.warmupSeconds} s of warm-up, ` +
      `upstream delay ${options.upstreamDelayMs} ms`,
  );
  if (options.targets.includes('project')) out(`project: ${projectCommand.label}; NODE_ENV=production, auth and query limits on, LOG_LEVEL=info to ${logFile}`);
  if (options.targets.includes('project-cached')) out(`project-cached: the same with ENTITY_CACHE_TTL_MS=${String(BENCH_ENTITY_CACHE_TTL_MS)} (in process), its own row`);
  if (warning !== null) out(`WARNING: ${warning}`);
  out(`query: ${BENCH_QUERY}`);
  out();

  let upstream: { url: string; child: Child } | null = null;
  const targets: Target[] = [];
  try {
    const serveJs = await compileServers(root);
    upstream = await startUpstream(serveJs, root, options.upstreamDelayMs, options.node);
    const context = { root, node: options.node, serveJs, jwtSecret, token, upstream: { url: upstream.url, credentials: recoveryConnectFixture.credentials } };
    out(`started the upstream stand-in at ${upstream.url}`);
    for (const name of options.targets) {
      const started = Date.now();
      if (name === 'upstream') targets.push(upstreamTarget(upstream, await upstreamLogin(upstream.url)));
      else if (name === 'project' || name === 'project-cached') targets.push(await startProject(context, projectCommand, logFd, name));
      else targets.push(await startPeer(context, name));
      if (name !== 'upstream') out(`started ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }

    const { problems, bodies } = await checkTargets(targets, tokens);
    if (problems.length > 0) {
      out('The targets do not answer alike; nothing was measured:');
      for (const problem of problems) out(`  - ${problem}`);
      return false;
    }
    out(`checked: ${targets.map((target) => target.name).join(', ')} answer the same data and refuse bad, missing and unscoped tokens`);

    const loadFor = (target: Target, durationSeconds: number) =>
      measure(target, { connections: options.connections, durationSeconds, expectBody: bodies.get(target.name) ?? '', upstreamUrl: upstream?.url ?? '' });
    if (options.warmupSeconds > 0) {
      for (const target of targets) await loadFor(target, options.warmupSeconds);
      out('warmed up');
    }
    const runs = new Map<TargetName, Measurement[]>(targets.map((target) => [target.name, []]));
    for (let round = 0; round < options.rounds; round++) {
      for (const target of rotated(targets, round)) {
        const run = await loadFor(target, options.durationSeconds);
        runs.get(target.name)?.push(run);
        out(
          `round ${round + 1} ${target.name.padEnd(9)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${run.p50Ms.toFixed(2)} ms  p99 ${run.p99Ms.toFixed(2)} ms  ` +
            `RSS ${mib(run.memory.first.totalBytes)}→${mib(run.memory.last.totalBytes)} MiB (peak ${mib(run.memory.peak.totalBytes)})  upstream reads ${run.upstream.calls.assignments} for ${run.sent} requests`,
        );
      }
    }

    const rows = targets.map((target) => summarize(target.name, runs.get(target.name) ?? []));
    out();
    out(table(rows, { slow, projectFrom: projectCommand.short }));
    out();
    out(`Medians over ${options.rounds} round(s); load average at the end ${load()}.`);
    out('p50, p99: of every answer\'s own duration in the run, as autocannon measured it.');
    out('RSS: peak during each run of the sum of VmRSS over the target\'s process tree (sampled every 250 ms from /proc); "largest" is its biggest process, the server.');
    out('upstream calls / 1k req: RecoveryConnect list reads the stand-in served per 1,000 client requests sent (logins not counted).');
    if (slow) out('max identical in flight: the most reads of the same URL the stand-in held at one moment (1 = identical reads are coalesced).');
    const failed = rows.filter((row) => row.failures > 0);
    out(
      failed.length === 0
        ? 'Every answer under load was the checked answer, byte for byte (no errors, timeouts, non-2xx or other bodies).'
        : `FAILED ANSWERS under load: ${failed.map((row) => `${row.name} ${row.failures}`).join(', ')}: those rows do not count.`,
    );
    if (options.targets.includes('project-cached')) {
      out('project-cached: upstream calls / 1k req is its cache misses per 1,000 requests (hit rate = 1 − that / 1,000).');
    }
    if (options.targets.includes('project')) {
      const lines = await operationLines(logFile);
      out(`project log: ${lines.toLocaleString('en-US')} operation lines written${options.keepLogs ? ` (${logFile})` : ''}.`);
    }
    return failed.length === 0;
  } finally {
    await Promise.all(targets.map((target) => target.stop()));
    await upstream?.child.stop();
    closeSync(logFd);
    if (!options.keepLogs) rmSync(logDir, { recursive: true, force: true });
  }
}

/** What `node --version` prints for the binary the servers run on. */
function nodeVersion(node: string): string {
  if (node === process.execPath) return process.version;
  const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) throw new OptionsError(`--node ${node}: not a node binary that runs here.`);
  return run.stdout.trim();
}
