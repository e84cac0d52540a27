/**
 * `npm run bench` options, from flags (`npm run bench -- --rounds 5`) or the environment
 * (`BENCH_ROUNDS=5 npm run bench`); a flag wins.
 */
import { parseArgs } from 'node:util';

export const SCENARIOS = ['comparison', 'slow', 'batching'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const TARGET_NAMES = ['upstream', 'project', 'project-cached', 'textbook', 'bare'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export const PROJECT_SOURCES = ['auto', 'build', 'source'] as const;
export type ProjectSource = (typeof PROJECT_SOURCES)[number];

export interface BenchOptions {
  readonly scenario: Scenario;
  /** Seconds of load per target and round. */
  readonly durationSeconds: number;
  readonly rounds: number;
  readonly connections: number;
  /** Seconds of unrecorded load per target before the first round. */
  readonly warmupSeconds: number;
  readonly targets: readonly TargetName[];
  /** Upstream answer delay (ms). */
  readonly upstreamDelayMs: number;
  /** `auto`: the build (dist/main.js) when there is one, else the sources through tsx. */
  readonly project: ProjectSource;
  /** The node binary the upstream, the project's build and the peers run on. */
  readonly node: string;
  /** Keep the project's log file after the run. */
  readonly keepLogs: boolean;
}

export const USAGE = `npm run bench [-- options]

  --scenario NAME     comparison (default) | slow | batching
  --duration S        seconds of load per target and round   (BENCH_DURATION, default 6)
  --rounds N          rounds; targets alternate within each   (BENCH_ROUNDS, default 3; batching: 30)
  --connections N     autocannon connections                  (BENCH_CONNECTIONS, default 16; slow: 64)
  --warmup S          unrecorded seconds per target first     (BENCH_WARMUP, default 2)
  --targets LIST      comma-separated, from ${TARGET_NAMES.join(', ')} (BENCH_TARGETS, default all)
  --upstream-delay MS upstream answer delay                   (BENCH_UPSTREAM_DELAY_MS, default 0; slow: 30)
  --project FROM      auto (default) | build | source         (BENCH_PROJECT)
  --node PATH         node binary of every server             (BENCH_NODE, default: this node;
                      Node 24: --node "$(npx -y -p node@24 node -p process.execPath)")
  --keep-logs         keep the project's log file
  --help
`;

/** Thrown for a bad option; the message says which. */
export class OptionsError extends Error {
  override readonly name = 'OptionsError';
}

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new OptionsError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return Number(raw);
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined || raw === '') return fallback;
  const found = allowed.find((value) => value === raw);
  if (found === undefined) throw new OptionsError(`${name} must be one of ${allowed.join(', ')} (got "${raw}").`);
  return found;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** `null` when `--help` was asked for. */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scenario: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      targets: { type: 'string' },
      'upstream-delay': { type: 'string' },
      project: { type: 'string' },
      node: { type: 'string' },
      'keep-logs': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help === true) return null;
  const scenario = oneOf('--scenario', values.scenario ?? env.BENCH_SCENARIO, SCENARIOS, 'comparison');
  const slow = scenario === 'slow';
  const targetList = values.targets ?? env.BENCH_TARGETS;
  const targets =
    targetList === undefined || targetList === ''
      ? [...TARGET_NAMES]
      : targetList.split(',').map((name) => oneOf('--targets', name.trim(), TARGET_NAMES, 'project'));
  return {
    scenario,
    durationSeconds: whole('--duration', values.duration ?? env.BENCH_DURATION, 6, 1, 3600),
    rounds: whole('--rounds', values.rounds ?? env.BENCH_ROUNDS, scenario === 'batching' ? 30 : 3, 1, 1000),
    connections: whole('--connections', values.connections ?? env.BENCH_CONNECTIONS, slow ? 64 : 16, 1, 1024),
    warmupSeconds: whole('--warmup', values.warmup ?? env.BENCH_WARMUP, 2, 0, 600),
    // Table order is the issue's: the limit, the project, then the peers.
    targets: TARGET_NAMES.filter((name) => targets.includes(name)),
    upstreamDelayMs: whole('--upstream-delay', values['upstream-delay'] ?? env.BENCH_UPSTREAM_DELAY_MS, slow ? 30 : 0, 0, 10_000),
    project: oneOf('--project', values.project ?? env.BENCH_PROJECT, PROJECT_SOURCES, 'auto'),
    node: nonEmpty(values.node ?? env.BENCH_NODE) ?? process.execPath,
    keepLogs: values['keep-logs'] === true,
  };
}
