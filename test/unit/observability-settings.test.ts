import { readObservabilityConfig } from '../../src/config/observability';

function read(env: NodeJS.ProcessEnv, options: { port?: number; production?: boolean } = {}) {
  const problems: string[] = [];
  const config = readObservabilityConfig(env, options.port ?? 4000, options.production ?? false, problems);
  return { config, problems };
}

describe('metrics settings', () => {
  it('serve /metrics on the public port outside production, nowhere in production, by default', () => {
    expect(read({}).config.metrics).toEqual({ onPublicPort: true, port: null });
    expect(read({}, { production: true }).config.metrics).toEqual({ onPublicPort: false, port: null });
  });

  it('move /metrics to METRICS_PORT, off the public port, in production too', () => {
    expect(read({ METRICS_PORT: '9464' }).config.metrics).toEqual({ onPublicPort: false, port: 9464 });
    expect(read({ METRICS_PORT: '9464' }, { production: true }).config.metrics).toEqual({ onPublicPort: false, port: 9464 });
  });

  it('serve them on the public port when METRICS_PORT names it', () => {
    expect(read({ METRICS_PORT: '4000' }, { production: true }).config.metrics).toEqual({ onPublicPort: true, port: null });
  });

  it('refuse a METRICS_PORT that is not a port', () => {
    for (const value of ['abc', '70000', '-1', '9464 ']) {
      expect(read({ METRICS_PORT: value }).problems).toEqual([`METRICS_PORT must be a port number from 0 to 65535 (got "${value}").`]);
    }
  });
});

describe('tracing settings', () => {
  it('are off with no OTEL_* variable', () => {
    expect(read({}).config.tracing).toEqual({ enabled: false });
  });

  it('are on with an OTLP endpoint (either variable) or OTEL_TRACES_EXPORTER=otlp, protobuf by default', () => {
    for (const env of [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' },
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/v1/traces' },
      { OTEL_TRACES_EXPORTER: 'otlp' },
    ]) {
      expect(read(env)).toEqual({ config: expect.objectContaining({ tracing: { enabled: true } }), problems: [] });
    }
  });

  it('export OTLP/HTTP with protobuf, the OTLP default, whichever protocol variable says so', () => {
    const base = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' };
    expect(read({ ...base, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' })).toEqual({ config: expect.objectContaining({ tracing: { enabled: true } }), problems: [] });
    // The traces variable wins over the general one.
    expect(read({ ...base, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' }).problems).toEqual([]);
  });

  it('are off with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none, whatever the endpoint', () => {
    const base = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' };
    expect(read({ ...base, OTEL_SDK_DISABLED: 'true' }).config.tracing.enabled).toBe(false);
    expect(read({ ...base, OTEL_TRACES_EXPORTER: 'none' }).config.tracing.enabled).toBe(false);
  });

  it('refuse what would silently export nothing: gRPC or JSON, another exporter, a malformed endpoint', () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }).problems).toEqual([
      'OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf (got "grpc"); use the collector\'s OTLP/HTTP port (4318).',
    ]);
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' }).problems).toEqual([
      'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be http/protobuf (got "http/json"); use the collector\'s OTLP/HTTP port (4318).',
    ]);
    expect(read({ OTEL_TRACES_EXPORTER: 'jaeger' }).problems).toEqual([
      'OTEL_TRACES_EXPORTER must be otlp or none (got "jaeger"); traces are exported over OTLP/HTTP only.',
    ]);
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318' }).problems).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, e.g. http://otel-collector:4318.',
    ]);
    expect(read({ OTEL_SDK_DISABLED: 'yes' }).problems).toEqual(['OTEL_SDK_DISABLED must be true or false (got "yes").']);
  });
});

describe('GraphiQL', () => {
  it('is served outside production only', () => {
    expect(read({}).config.graphiql).toBe(true);
    expect(read({}, { production: true }).config.graphiql).toBe(false);
  });
});
