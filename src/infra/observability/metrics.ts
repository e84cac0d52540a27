/**
 * The process's Prometheus metrics (prom-client): one registry for the service, served as text at
 * `GET /metrics` (src/observability/metrics-routes.ts). Metrics are process-wide, as Prometheus
 * scrapes a process: the instruments live in the modules that feed them (operations, provider
 * calls, loaders) and register here.
 *
 * Label values are always bounded: operation names are admitted up to a cap (operation-metrics.ts),
 * provider routes are templates without ids (route-template.ts), statuses and outcomes are closed
 * sets. So a burst of distinct requests adds no series beyond those bounds.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Prefix of the service's own metrics; Node's default metrics keep their usual names. */
export const METRIC_PREFIX = 'recovery_graph_';

/** The service's registry (not prom-client's global one, so nothing a library registers leaks in). */
export const registry = new Registry();

let processMetrics = false;

/**
 * Node's default process metrics (CPU, memory, event loop lag, GC, handles), once per process.
 * Called when something serves the metrics, so a test or script that never does pays nothing.
 */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry });
}

/** The Prometheus text exposition of every metric, and its content type. */
export async function metricsText(): Promise<{ readonly contentType: string; readonly body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/**
 * A label value from an open set, bounded: the first `max` distinct values are kept as they are,
 * any later one is `overflow`. Admission is permanent for the process (a series, once exported,
 * stays), which is what bounds the number of series.
 */
export class BoundedLabel {
  private readonly admitted = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly overflow = 'other',
  ) {}

  /** `value` itself while there is room (or it was admitted before), else the overflow value. */
  of(value: string): string {
    if (this.admitted.has(value)) return value;
    if (this.admitted.size >= this.max) return this.overflow;
    this.admitted.add(value);
    return value;
  }
}
