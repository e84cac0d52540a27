/**
 * What the operator turns on to see inside the service, from the environment:
 *
 * - Metrics: `GET /metrics` on its own `METRICS_PORT` when set, which the public port then does
 *   not serve; without it, on the public port outside production only. In production the
 *   metrics show which provider fails and how the service is used (no personal data, no secret),
 *   which is nobody's business outside the cluster, so they are served only where the operator
 *   said: `METRICS_PORT` (a port a load balancer does not route to), or `METRICS_PORT` equal to
 *   `PORT` to serve them on the public port deliberately (behind a private network).
 * - Tracing: on when an OTLP endpoint is set (`OTEL_EXPORTER_OTLP_ENDPOINT` or
 *   `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or `OTEL_TRACES_EXPORTER=otlp`; off with
 *   `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`. The exporter reads the rest of the
 *   standard variables itself (headers, timeout, compression), the SDK the sampler
 *   (`OTEL_TRACES_SAMPLER`), the resource `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES`.
 * - GraphiQL at `/graphiql`: outside production.
 */
import { booleanSetting, isHttpUrl } from './env';
import type { TracingConfig } from '../infra/observability/tracing';

export interface MetricsConfig {
  /** `/metrics` on the public port. */
  readonly onPublicPort: boolean;
  /** A port of its own for `/metrics` (on HOST), or null. */
  readonly port: number | null;
}

export interface ObservabilityConfig {
  readonly metrics: MetricsConfig;
  readonly tracing: TracingConfig;
  /** GraphiQL at `GET /graphiql`, served from the installed packages (outside production). */
  readonly graphiql: boolean;
}

/** The defaults outside production with nothing set (what tests and `npm start` get). */
export const DEFAULT_OBSERVABILITY: ObservabilityConfig = {
  metrics: { onPublicPort: true, port: null },
  tracing: { enabled: false },
  graphiql: true,
};

/** Reads the settings, adding what is wrong to `problems`. `port` is the public port. */
export function readObservabilityConfig(env: NodeJS.ProcessEnv, port: number, isProduction: boolean, problems: string[]): ObservabilityConfig {
  return {
    metrics: readMetrics(env, port, isProduction, problems),
    tracing: readTracing(env, problems),
    graphiql: !isProduction,
  };
}

function readMetrics(env: NodeJS.ProcessEnv, port: number, isProduction: boolean, problems: string[]): MetricsConfig {
  const raw = env.METRICS_PORT;
  if (raw === undefined || raw === '') return { onPublicPort: !isProduction, port: null };
  const value = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value > 65535) {
    problems.push(`METRICS_PORT must be a port number from 0 to 65535 (got "${raw}").`);
    return { onPublicPort: false, port: null };
  }
  // The public port named on purpose: metrics there, even in production.
  if (value === port && port !== 0) return { onPublicPort: true, port: null };
  return { onPublicPort: false, port: value };
}

function readTracing(env: NodeJS.ProcessEnv, problems: string[]): TracingConfig {
  const off: TracingConfig = { enabled: false };
  const disabled = booleanSetting(env, 'OTEL_SDK_DISABLED', false, problems);
  const exporter = env.OTEL_TRACES_EXPORTER ?? '';
  if (exporter !== '' && exporter !== 'otlp' && exporter !== 'none') {
    problems.push(`OTEL_TRACES_EXPORTER must be otlp or none (got "${exporter}"); traces are exported over OTLP/HTTP only.`);
  }
  const endpoints = ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'].filter((name) => env[name]);
  for (const name of endpoints) {
    if (!isHttpUrl(env[name] ?? '')) problems.push(`${name} must be an http(s) URL, e.g. http://otel-collector:4318.`);
  }
  const protocolName = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = env[protocolName] || 'http/protobuf';
  // One encoding, the OTLP default, which every collector reads: one exporter package, not three.
  if (protocol !== 'http/protobuf') {
    problems.push(`${protocolName} must be http/protobuf (got "${protocol}"); use the collector's OTLP/HTTP port (4318).`);
    return off;
  }
  if (disabled || exporter === 'none') return off;
  return { enabled: endpoints.length > 0 || exporter === 'otlp' };
}
