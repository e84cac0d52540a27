/**
 * The schema-driven fuzzer in the suite (issue 11): a fixed seed, 2,000 generated operations for
 * every root field, every mutation and `_entities`, against the service running in production
 * mode in a child process on the simulators; then the requests of issue 11. Longer runs:
 * `npm run fuzz -- --runs N --seed S`.
 */
import { fuzz, type FuzzReport } from './run';
import { ISSUE_REQUESTS } from './regressions';

const RUNS = 2000;
const SEED = 11;

let report: FuzzReport;

beforeAll(async () => {
  report = await fuzz({ runs: RUNS, seed: SEED });
  const seconds = (report.durationMs / 1000).toFixed(1);
  console.warn(`fuzz: ${RUNS} operations (seed ${SEED}) in ${seconds} s; HTTP statuses ${JSON.stringify(report.statuses)}; ${report.writes} provider writes`);
}, 170_000);

describe(`the fuzzer, seed ${SEED}, ${RUNS} operations`, () => {
  it('finds nothing: no 5xx, no INTERNAL_SERVER_ERROR, no write from a refused operation, no error log line', () => {
    expect(report.findings).toEqual([]);
  });

  it('leaves the process alive and answering', () => {
    expect(report.aliveAtEnd).toBe(true);
  });

  it('reaches every root field the schema has, and the resolvers behind most', () => {
    const reached = Object.keys(report.targets);
    expect(report.schemaTargets.filter((target) => !reached.includes(target))).toEqual([]);
    const answered = report.schemaTargets.filter((target) => (report.targets[target]?.answeredWithData ?? 0) > 0);
    expect(answered.length).toBeGreaterThanOrEqual(report.schemaTargets.length - 2);
    // Writes happened, so the write check had something to look at.
    expect(report.writes).toBeGreaterThan(0);
  });

  it.each(ISSUE_REQUESTS.map((regression) => [regression.name, regression] as const))('answers the request "%s" as a client error, never a crash', (name, regression) => {
    const answered = report.regressions.find((entry) => entry.name === name);
    expect(answered).toEqual({ name, status: regression.expected.status, codes: [...regression.expected.codes].sort() });
  });
});
