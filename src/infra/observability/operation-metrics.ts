/**
 * Metrics of GraphQL operations and HTTP requests.
 *
 * - Operations by name, type and outcome, and their duration by name and type. A name is a label
 *   only once the operation was validated against the schema, and only the first
 *   {@link MAX_OPERATION_NAMES} distinct names get their own series; later ones are `other`.
 *   Unnamed operations are `anonymous`; a request refused before its operation was known (parse
 *   or validation error) is `unknown` of type `unknown`. A request refused before Apollo Server
 *   looks at it (a bad token: 401) is no operation at all; the HTTP counter has it.
 * - HTTP requests by route (the service's own routes, anything else `other`), method and status,
 *   refusals included (a 401 from a bad token, a 404, a 413, a CSRF 400), which never reach an
 *   operation.
 */
import { Counter, Histogram } from 'prom-client';
import { BoundedLabel, METRIC_PREFIX, registry } from './metrics';

/** How an operation ended. */
export type OperationOutcome =
  /** No error. */
  | 'success'
  /** Data and errors: some fields failed (a provider, a scope), the rest answered. */
  | 'partial'
  /** It ran, and nothing but errors came of it. */
  | 'error'
  /** Refused before it ran: unparsable, invalid against the schema, over a limit. */
  | 'rejected';

export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

/** Distinct operation names with their own series; a router's and a few frontends' fit many times. */
export const MAX_OPERATION_NAMES = 100;

/** Seconds, as the request deadline (10 s) bounds an operation. */
const OPERATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const operations = new Counter({
  name: `${METRIC_PREFIX}graphql_operations_total`,
  help: 'GraphQL operations by name (validated names only, bounded; else anonymous, other or unknown), type and outcome (success, partial, error, rejected).',
  labelNames: ['operation', 'type', 'outcome'] as const,
  registers: [registry],
});

const operationDuration = new Histogram({
  name: `${METRIC_PREFIX}graphql_operation_duration_seconds`,
  help: 'Duration of a GraphQL operation, from the request reaching Apollo Server to the answer, by name and type.',
  labelNames: ['operation', 'type'] as const,
  buckets: OPERATION_BUCKETS,
  registers: [registry],
});

const httpRequests = new Counter({
  name: `${METRIC_PREFIX}http_requests_total`,
  help: 'HTTP requests answered, by route (the service routes; anything else is other), method and status.',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [registry],
});

/** The instruments of one operation name and type, made once. */
interface OperationSeries {
  readonly duration: Histogram.Internal<'operation' | 'type'>;
  readonly outcomes: Record<OperationOutcome, Counter.Internal>;
}

const OUTCOMES: readonly OperationOutcome[] = ['success', 'partial', 'error', 'rejected'];
const names = new BoundedLabel(MAX_OPERATION_NAMES);
/** name label → type → series. */
const series = new Map<string, Map<OperationType, OperationSeries>>();

function seriesOf(operation: string, type: OperationType): OperationSeries {
  let byType = series.get(operation);
  if (!byType) {
    byType = new Map();
    series.set(operation, byType);
  }
  let entry = byType.get(type);
  if (!entry) {
    const outcomes = {} as Record<OperationOutcome, Counter.Internal>;
    for (const outcome of OUTCOMES) outcomes[outcome] = operations.labels({ operation, type, outcome });
    entry = { duration: operationDuration.labels({ operation, type }), outcomes };
    byType.set(type, entry);
  }
  return entry;
}

/**
 * Records one operation. `name` is the operation's name once validated (null: anonymous);
 * `type` is unknown when the request was refused before its operation was resolved.
 */
export function recordOperation(name: string | null, type: OperationType, outcome: OperationOutcome, seconds: number): void {
  const operation = type === 'unknown' ? 'unknown' : name === null ? 'anonymous' : names.of(name);
  const entry = seriesOf(operation, type);
  entry.duration.observe(seconds);
  entry.outcomes[outcome].inc();
}

/** The routes counted under their own name; a route is matched exactly. */
const KNOWN_ROUTES: ReadonlySet<string> = new Set(['/graphql', '/graphiql', '/health', '/health/live', '/health/ready', '/metrics']);

/** Records one HTTP request; `path` is the request's path without its query string. */
export function recordHttpRequest(path: string, method: string, status: number): void {
  const route = KNOWN_ROUTES.has(path) ? path : path.startsWith('/graphiql/') ? '/graphiql/*' : 'other';
  const verb = method === 'GET' || method === 'POST' || method === 'HEAD' || method === 'OPTIONS' ? method : 'other';
  httpRequests.inc({ route, method: verb, status: status >= 100 && status <= 599 ? String(status) : 'other' });
}
