/**
 * Metrics of the calls to providers: every call by provider, method, route template, outcome and
 * status, with its duration (retries included: what the resolver waited), every repeat of a call,
 * every read that joined an identical one in flight instead of being sent, and each provider's
 * circuit breaker and bulkhead, read when Prometheus scrapes.
 *
 * The hot path (one call) looks up a cached entry per provider, method and route and touches only
 * prom-client children made once; nothing is built per call but the route template.
 */
import { Counter, Gauge, Histogram, type LabelValues } from 'prom-client';
import type { ProviderName } from '../../domain/provider-fault';
import { BoundedLabel, METRIC_PREFIX, registry } from './metrics';

/**
 * How a call ended: `success` (an answer below 400), `http_error` (the provider answered 4xx/5xx;
 * its client decides what that means), or the kind of failure when no usable answer came.
 */
export type CallOutcome =
  | 'success'
  | 'http_error'
  | 'timeout'
  | 'connection'
  | 'invalid_body'
  | 'circuit_open'
  | 'overloaded'
  | 'error';

/** The breaker states, each a series of the state gauge (1 for the current state, 0 for the others). */
const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

/** Seconds; provider calls take milliseconds to the 5 s call timeout, a few seconds more with retries. */
const CALL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Distinct routes per provider and method beyond which a route is counted as `other`. */
const MAX_ROUTES = 50;

const calls = new Counter({
  name: `${METRIC_PREFIX}provider_calls_total`,
  help: 'Calls to a provider, by provider, method, route template, outcome and HTTP status (empty when none came), retries included in one call.',
  labelNames: ['provider', 'method', 'route', 'outcome', 'status'] as const,
  registers: [registry],
});

const callDuration = new Histogram({
  name: `${METRIC_PREFIX}provider_call_duration_seconds`,
  help: 'Duration of a call to a provider, from the first attempt to the last answer or failure (queueing and retries included).',
  labelNames: ['provider', 'method', 'route'] as const,
  buckets: CALL_BUCKETS,
  registers: [registry],
});

const retries = new Counter({
  name: `${METRIC_PREFIX}provider_retries_total`,
  help: 'Repeats of a provider call after a failed attempt (the first attempt is not counted).',
  labelNames: ['provider', 'method', 'route'] as const,
  registers: [registry],
});

const coalescedReads = new Counter({
  name: `${METRIC_PREFIX}provider_coalesced_reads_total`,
  help: 'Provider reads answered by an identical read already in flight for another caller, so not sent (src/providers/coalesce.ts).',
  labelNames: ['provider', 'route'] as const,
  registers: [registry],
});

const breakerOpened = new Counter({
  name: `${METRIC_PREFIX}provider_breaker_opened_total`,
  help: 'Times a provider circuit breaker opened (counts openings shorter than a scrape interval too).',
  labelNames: ['provider'] as const,
  registers: [registry],
});

/** What the gauges read at scrape time: one per provider policy alive in this process. */
export interface PolicyGauges {
  readonly provider: ProviderName;
  breakerState(): BreakerState;
  /** Calls running in the bulkhead, and calls waiting for a place in it. */
  bulkhead(): { readonly active: number; readonly queued: number };
}

const policies = new Map<ProviderName, PolicyGauges>();

new Gauge({
  name: `${METRIC_PREFIX}provider_breaker_state`,
  help: 'Circuit breaker state per provider: 1 for the current state (closed, open, half_open), 0 for the others.',
  labelNames: ['provider', 'state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const policy of policies.values()) {
      const current = policy.breakerState();
      for (const state of BREAKER_STATES) this.set({ provider: policy.provider, state }, state === current ? 1 : 0);
    }
  },
});

new Gauge({
  name: `${METRIC_PREFIX}provider_bulkhead_active`,
  help: 'Calls to a provider running now (bulkhead places in use).',
  labelNames: ['provider'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const policy of policies.values()) this.set({ provider: policy.provider }, policy.bulkhead().active);
  },
});

new Gauge({
  name: `${METRIC_PREFIX}provider_bulkhead_queued`,
  help: 'Calls to a provider waiting for a bulkhead place now.',
  labelNames: ['provider'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const policy of policies.values()) this.set({ provider: policy.provider }, policy.bulkhead().queued);
  },
});

/**
 * Makes a provider's breaker and bulkhead visible; the returned function stops it (the runtime
 * calls it on close). One policy per provider: a later one replaces an earlier one.
 */
export function observePolicy(gauges: PolicyGauges): () => void {
  policies.set(gauges.provider, gauges);
  return () => {
    if (policies.get(gauges.provider) === gauges) policies.delete(gauges.provider);
  };
}

/** Counts a breaker opening. */
export function breakerOpenedFor(provider: ProviderName): () => void {
  const child = breakerOpened.labels(provider);
  return () => {
    child.inc();
  };
}

/** The instruments of one provider, method and route, made once and reused by every call. */
export interface RouteMetrics {
  /** One call ended: `status` is the HTTP status of its last answer, or 0 when none came. */
  ended(outcome: CallOutcome, status: number, seconds: number): void;
  /** One more attempt after a failed one. */
  retried(): void;
  /** A read took the outcome of an identical read in flight instead of being sent. */
  coalesced(): void;
}

/** Status label values: real HTTP statuses only, so a provider cannot invent series. */
function statusLabel(status: number): string {
  return Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : '';
}

function routeMetrics(labels: LabelValues<'provider' | 'method' | 'route'>): RouteMetrics {
  const duration = callDuration.labels(labels);
  const retried = retries.labels(labels);
  // Made on first use: most routes (writes) never coalesce, and a series only appears once one does.
  let coalesced: Counter.Internal | undefined;
  // outcome → status → counter child; both closed sets, filled as they occur.
  const ends = new Map<CallOutcome, Map<number, Counter.Internal>>();
  return {
    ended(outcome, status, seconds) {
      duration.observe(seconds);
      let byStatus = ends.get(outcome);
      if (!byStatus) {
        byStatus = new Map();
        ends.set(outcome, byStatus);
      }
      let counter = byStatus.get(status);
      if (!counter) {
        counter = calls.labels({ ...labels, outcome, status: statusLabel(status) });
        byStatus.set(status, counter);
      }
      counter.inc();
    },
    retried() {
      retried.inc();
    },
    coalesced() {
      coalesced ??= coalescedReads.labels({ provider: labels.provider, route: labels.route });
      coalesced.inc();
    },
  };
}

/** One provider's metrics: the entry of each (method, route template), cached and bounded. */
export interface ProviderCallMetrics {
  route(method: string, template: string): RouteMetrics;
}

export function providerCallMetrics(provider: ProviderName): ProviderCallMetrics {
  const byMethod = new Map<string, Map<string, RouteMetrics>>();
  const routes = new BoundedLabel(MAX_ROUTES);
  return {
    route(method, template) {
      let byRoute = byMethod.get(method);
      if (!byRoute) {
        byRoute = new Map();
        byMethod.set(method, byRoute);
      }
      let entry = byRoute.get(template);
      if (!entry) {
        const route = routes.of(template);
        entry = byRoute.get(route) ?? routeMetrics({ provider, method, route });
        // Kept under the admitted route: an overflowing template is not remembered, so the map stays bounded too.
        byRoute.set(route, entry);
      }
      return entry;
    },
  };
}
