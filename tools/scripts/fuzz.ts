/**
 * `npm run fuzz -- --runs N --seed S [--concurrency C]`: the schema-driven fuzzer against the
 * service in production mode (a child process) on the simulators. Prints progress and a report;
 * exit status 1 when anything was found. The suite runs it with a fixed seed (test/fuzz/).
 */
import { fuzz } from '../../test/fuzz/run';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

async function main(): Promise<number> {
  const runs = option('runs', 10_000);
  const seed = option('seed', Date.now() % 1_000_000);
  const concurrency = option('concurrency', 8);
  console.warn(`fuzzing: ${runs} operations, seed ${seed} (replay with --seed ${seed})`);
  const report = await fuzz({ runs, seed, concurrency, progress: (line) => {
      console.warn(line);
    },
  });
  const untouched = report.schemaTargets.filter((target) => !report.targets[target]);
  console.warn(
    JSON.stringify(
      {
        runs: report.runs,
        seed: report.seed,
        seconds: Math.round(report.durationMs / 100) / 10,
        statuses: report.statuses,
        writes: report.writes,
        aliveAtEnd: report.aliveAtEnd,
        targets: report.targets,
        untouched,
        regressions: report.regressions,
        slowest: report.slowest,
        findings: report.findings.slice(0, 50),
        findingCount: report.findings.length,
      },
      null,
      2,
    ),
  );
  return report.findings.length === 0 && untouched.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
