/**
 * One measured run: autocannon against one target for a fixed time, the target's process tree
 * memory sampled meanwhile, and what the stand-in served for it.
 *
 * Latency percentiles are computed here from every answer's own duration (fractions of a
 * millisecond kept): autocannon's histogram counts whole milliseconds, too coarse for the
 * upstream row and for a fast target.
 */
import autocannon from 'autocannon';
import type { StandInStats } from '../upstream/stand-in';
import { STATS_PATH } from '../upstream/stand-in';
import { sampleMemory, type MemoryOverRun } from './process-tree';
import type { Target } from './targets';

export interface Measurement {
  /** Answers completed per second over the run. */
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Memory of the target's tree during the run. */
  readonly memory: MemoryOverRun;
  /** Answers completed. */
  readonly requests: number;
  /** Requests sent (the answered ones and those still in flight when the run stopped). */
  readonly sent: number;
  /** Connection errors, timeouts, non-2xx answers, and 2xx answers whose body was not the checked one. */
  readonly failures: { readonly errors: number; readonly timeouts: number; readonly non2xx: number; readonly mismatches: number };
  /** What the stand-in served during the run. */
  readonly upstream: StandInStats;
}

export interface LoadOptions {
  readonly connections: number;
  readonly durationSeconds: number;
  /** Every answer must be exactly this body. */
  readonly expectBody: string;
  readonly upstreamUrl: string;
}

async function upstreamStats(upstreamUrl: string, method: 'GET' | 'DELETE'): Promise<StandInStats> {
  const res = await fetch(upstreamUrl + STATS_PATH, { method });
  return (await res.json()) as StandInStats;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

/** Calls still under way when the load stops get this long to reach the stand-in's count. */
const SETTLE_MS = 250;

export async function measure(target: Target, options: LoadOptions): Promise<Measurement> {
  await upstreamStats(options.upstreamUrl, 'DELETE');
  const sampler = await sampleMemory(target.pid);
  const durations: number[] = [];
  const result = await autocannon({
    url: target.request.url,
    method: target.request.method,
    headers: target.request.headers,
    ...(target.request.body !== undefined && { body: target.request.body }),
    connections: options.connections,
    duration: options.durationSeconds,
    expectBody: options.expectBody,
    setupClient(client) {
      client.on('response', (_status: number, _bytes: number, durationMs: number) => {
        durations.push(durationMs);
      });
    },
  });
  const memory = await sampler.stop();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const upstream = await upstreamStats(options.upstreamUrl, 'GET');
  const requests = result.requests.total;
  const sorted = Float64Array.from(durations).sort();
  return {
    requestsPerSecond: requests / result.duration,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    memory,
    requests,
    sent: result.requests.sent,
    failures: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches },
    upstream,
  };
}
