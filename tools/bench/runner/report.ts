/**
 * The table: per target, the median over rounds of req/s, p50, p99, peak RSS and upstream calls
 * per 1,000 client requests, and req/s as a multiple of the textbook's. Markdown, so it pastes
 * into the README or an issue as it is.
 */
import type { Measurement } from './load';
import type { TargetName } from './options';
import { TARGET_LABELS } from './targets';

const MIB = 1024 * 1024;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export interface Row {
  readonly name: TargetName;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly rssTotalMiB: number;
  readonly rssLargestMiB: number;
  readonly processes: number;
  /** Upstream list reads (not logins) per 1,000 client requests sent. */
  readonly upstreamPerThousand: number;
  readonly maxIdenticalInFlight: number;
  readonly failures: number;
}

export function summarize(name: TargetName, runs: readonly Measurement[]): Row {
  const of = (pick: (run: Measurement) => number) => median(runs.map(pick));
  return {
    name,
    requestsPerSecond: of((run) => run.requestsPerSecond),
    p50Ms: of((run) => run.p50Ms),
    p99Ms: of((run) => run.p99Ms),
    rssTotalMiB: of((run) => run.memory.peak.totalBytes) / MIB,
    rssLargestMiB: of((run) => run.memory.peak.largestBytes) / MIB,
    processes: Math.max(...runs.map((run) => run.memory.peak.processes)),
    upstreamPerThousand: of((run) => (run.sent === 0 ? NaN : (run.upstream.calls.assignments / run.sent) * 1000)),
    maxIdenticalInFlight: Math.max(...runs.map((run) => run.upstream.maxIdenticalInFlight)),
    failures: runs.reduce(
      (sum, run) => sum + run.failures.errors + run.failures.timeouts + run.failures.non2xx + run.failures.mismatches,
      0,
    ),
  };
}

const grouped = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';

/** One decimal; two below a millisecond. */
const milliseconds = (value: number) => grouped(value, value < 1 ? 2 : 1);

export interface TableOptions {
  /** The slow-upstream scenario: adds the identical reads in flight. */
  readonly slow: boolean;
  /** How the project ran (`build`, `npx tsx`), written beside its name. */
  readonly projectFrom: string;
}

export function table(rows: readonly Row[], options: TableOptions): string {
  const textbook = rows.find((row) => row.name === 'textbook');
  const head = ['target', 'req/s', 'p50 ms', 'p99 ms', 'RSS MiB', 'upstream calls / 1k req', ...(options.slow ? ['max identical in flight'] : []), 'vs textbook'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of rows) {
    const rss = row.processes > 1 ? `${grouped(row.rssTotalMiB)} (largest ${grouped(row.rssLargestMiB)}, ${row.processes} processes)` : grouped(row.rssTotalMiB);
    const cells = [
      row.name === 'project' || row.name === 'project-cached' ? `**${TARGET_LABELS[row.name]}** (${options.projectFrom})` : TARGET_LABELS[row.name],
      grouped(row.requestsPerSecond),
      milliseconds(row.p50Ms),
      milliseconds(row.p99Ms),
      rss,
      grouped(row.upstreamPerThousand),
      ...(options.slow ? [String(row.maxIdenticalInFlight)] : []),
      textbook ? `${grouped(row.requestsPerSecond / textbook.requestsPerSecond, 2)}×` : '–',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
