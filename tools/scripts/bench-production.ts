/**
 * `npm run bench:production`: what the service costs to run, measured on the build, side by side
 * with the tsx development start, in one run.
 *
 * The provider simulators run in a process of their own (`npm run simulators` on free ports); each
 * subject is started RUNS times as a child process in production mode against them, and measured:
 *   cold start  spawn → `GET /health/live` answers, and → the first GraphQL answer
 *   RSS idle    resident memory of the whole process tree, 3 s after the first answer
 *   RSS load    the highest RSS while CLIENTS concurrent clients send one assignment query after
 *               another for LOAD_SECONDS (and the requests per second they got)
 * Medians, with every run in brackets. Linux only (/proc). The build is made first (npm run build).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { signToken } from '../../src/server/auth/dev-token';
import { NODE_MEMORY_ENV, NODE_MEMORY_FLAGS } from '../../src/server/node-flags';
import { ALL_SCOPES } from '../../src/graphql/auth/scopes';

const ROOT = join(__dirname, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 4012);
const QUERY = JSON.stringify({ query: '{ assignment(id: "57074903") { id orderType primaryCollateral { vehicle { vin make model } } } }' });

interface Subject {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

const SUBJECTS: readonly Subject[] = [
  { name: 'build   node dist/main.js', command: process.execPath, args: [...NODE_MEMORY_FLAGS, 'dist/main.js'], env: NODE_MEMORY_ENV },
  { name: 'dev     tsx tools/dev/main.ts', command: join(ROOT, 'node_modules', '.bin', 'tsx'), args: ['tools/dev/main.ts'] },
];

interface Sample {
  readonly liveMs: number;
  readonly firstAnswerMs: number;
  readonly idleMb: number;
  readonly loadMb: number;
  readonly requestsPerSecond: number;
}

/** Resident memory of `pid` and all its descendants, in MB. */
function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (id: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
      const children = readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim();
      for (const child of children === '' ? [] : children.split(' ')) visit(Number(child));
    } catch {
      // the process ended while being read
    }
  };
  visit(pid);
  return kb / 1024;
}

/** The settings `npm run simulators` prints for the subgraph (providers and a token secret). */
interface Simulators {
  readonly settings: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** `npm run simulators` on free ports, as a process of its own; resolves with the settings it printed. */
async function startSimulatorProcess(): Promise<Simulators> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/simulators/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SIM_RECOVERY_CONNECT_PORT: '0', SIM_CDC_PORT: '0', SIM_DEBT_COLLECTION_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('npm --silent run token')) resolve();
    });
    child.once('exit', () => {
      reject(new Error(`the simulators exited:\n${output}`));
    });
  });
  const block = /Start the subgraph on them.*\n((?:.*\\\n)*.*) npm start\n/.exec(output)?.[1] ?? '';
  const settings = Object.fromEntries(
    block
      .split(/\s+/)
      .filter((word) => word.includes('='))
      .map((word) => word.split('=', 2) as [string, string]),
  );
  return {
    settings,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function env(simulators: Simulators): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SHUTDOWN_DELAY_MS: '0',
    ...simulators.settings,
  };
}

async function measure(subject: Subject, simulators: Simulators, token: string): Promise<Sample> {
  const base = `http://127.0.0.1:${PORT}`;
  const ask = () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: QUERY });
  const started = performance.now();
  const child: ChildProcess = spawn(subject.command, subject.args, { cwd: ROOT, env: { ...env(simulators), ...subject.env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${subject.name} exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${base}/health/live`)).ok) break;
      } catch {
        // not listening yet
      }
      await sleep(5);
    }
    const liveMs = performance.now() - started;
    const first = (await (await ask()).json()) as { data?: { assignment?: unknown } };
    if (!first.data?.assignment) throw new Error(`unexpected answer: ${JSON.stringify(first)}`);
    const firstAnswerMs = performance.now() - started;

    await sleep(3_000);
    const pid = child.pid ?? 0;
    const idleMb = treeRssMb(pid);

    let answered = 0;
    let loadMb = idleMb;
    const sampler = setInterval(() => {
      loadMb = Math.max(loadMb, treeRssMb(pid));
    }, 100);
    const end = performance.now() + LOAD_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < end) {
          const res = await ask();
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`status ${res.status}`);
          answered += 1;
        }
      }),
    );
    clearInterval(sampler);
    return { liveMs, firstAnswerMs, idleMb, loadMb, requestsPerSecond: answered / LOAD_SECONDS };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function column(samples: readonly Sample[], pick: (sample: Sample) => number): string {
  const values = samples.map(pick);
  return `${median(values).toFixed(0)} [${values.map((value) => value.toFixed(0)).join(' ')}]`;
}

async function main(): Promise<void> {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const simulators = await startSimulatorProcess();
  const token = await signToken({ secret: simulators.settings.AUTH_JWT_SECRET ?? '', scopes: ALL_SCOPES, lifetimeSeconds: 3600 });
  const samples = new Map<Subject, Sample[]>(SUBJECTS.map((subject) => [subject, []]));
  try {
    // Rounds alternate between the subjects, so machine noise does not favour one.
    for (let run = 0; run < RUNS; run += 1) {
      for (const subject of SUBJECTS) samples.get(subject)?.push(await measure(subject, simulators, token));
    }
  } finally {
    await simulators.close();
  }
  console.log(`\n${RUNS} runs each; load: ${CLIENTS} clients for ${LOAD_SECONDS} s; median [every run]`);
  for (const [subject, list] of samples) {
    console.log(`\n${subject.name}`);
    console.log(`  to /health/live       ${column(list, (s) => s.liveMs)} ms`);
    console.log(`  to first answer       ${column(list, (s) => s.firstAnswerMs)} ms`);
    console.log(`  RSS idle              ${column(list, (s) => s.idleMb)} MB`);
    console.log(`  RSS under load (max)  ${column(list, (s) => s.loadMb)} MB`);
    console.log(`  requests per second   ${column(list, (s) => s.requestsPerSecond)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
