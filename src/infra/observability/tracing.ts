/**
 * OpenTelemetry tracing, off unless configured (settings.ts reads the standard OTEL_* variables).
 * Off, nothing of the SDK is loaded and the code that makes spans does nothing: it asks
 * {@link activeTracer}, gets null, and moves on. On, the SDK is loaded here (dynamic imports), with
 * W3C trace context propagation and the AsyncLocalStorage context manager, so a span started for a
 * request is the parent of every span made while serving it.
 *
 * The spans (see trace-spans.ts): one per GraphQL request (SERVER, continuing the router's
 * `traceparent`), one per provider call under it, and one per attempt of that call (CLIENT, with
 * `http.request.resend_count` for repeats), whose context is sent on to the provider.
 */
import { context, diag, DiagLogLevel, propagation, trace, type Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../logger';

/** The instrumentation scope of our spans. */
export const TRACER_NAME = 'recovery-graph';

export interface TracingConfig {
  /**
   * Whether spans are made and exported at all, over OTLP/HTTP with protobuf (the OTLP default;
   * the endpoint, headers, timeout and compression are read by the exporter from OTEL_*).
   */
  readonly enabled: boolean;
}

export const TRACING_OFF: TracingConfig = { enabled: false };

/** Longest a shutdown waits for the last spans: a collector that is down must not hold the exit. */
const FLUSH_LIMIT_MS = 3_000;

export interface TracingHandle {
  /** Exports what is left and unregisters the SDK. */
  shutdown(): Promise<void>;
}

let tracer: Tracer | null = null;

/** The tracer when tracing is on, else null (the one check the hot path makes). */
export function activeTracer(): Tracer | null {
  return tracer;
}

/**
 * Starts tracing as configured, exporting over OTLP; null (and nothing loaded) when it is off.
 * `logger` hears the SDK's warnings and errors (spans it could not export): a collector that is
 * down loses spans, never a request, and never fails the shutdown.
 */
export async function startTracing(config: TracingConfig, logger?: Logger): Promise<TracingHandle | null> {
  if (!config.enabled) return null;
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  return installTracing(new OTLPTraceExporter(), { batch: true, ...(logger && { logger }) });
}

/**
 * Registers the SDK with `exporter`: batched for a real exporter, span by span (`batch: false`)
 * for tests reading an in-memory exporter. One installation per process at a time.
 */
export async function installTracing(
  exporter: SpanExporter,
  options: { readonly batch: boolean; readonly logger?: Logger },
): Promise<TracingHandle> {
  if (tracer) throw new Error('tracing is already installed');
  const logger = options.logger;
  if (logger) {
    // The SDK reports what goes wrong (an export that failed) through its diag logger.
    const warn = (message: string, ...args: unknown[]) => {
      logger.warn({ component: 'opentelemetry', detail: args.map(String).join(' ') || undefined }, message);
    };
    diag.setLogger({ error: warn, warn, info: () => undefined, debug: () => undefined, verbose: () => undefined }, DiagLogLevel.WARN);
  }
  const [sdk, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, resources] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
  ]);
  // Our name by default; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (the env detector) win.
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': TRACER_NAME }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const processor = options.batch ? new sdk.BatchSpanProcessor(exporter) : new sdk.SimpleSpanProcessor(exporter);
  // The sampler comes from OTEL_TRACES_SAMPLER (default: parent-based, always on).
  const provider = new sdk.BasicTracerProvider({ resource, spanProcessors: [processor] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  tracer = trace.getTracer(TRACER_NAME);
  return {
    async shutdown() {
      tracer = null;
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => {
          resolve('late');
        }, FLUSH_LIMIT_MS);
      });
      try {
        const outcome = await Promise.race([provider.shutdown(), limit]);
        if (outcome === 'late') logger?.warn({ component: 'opentelemetry' }, `the last spans were not exported within ${String(FLUSH_LIMIT_MS)} ms`);
      } catch (error) {
        logger?.warn({ component: 'opentelemetry', err: error }, 'the last spans could not be exported');
      } finally {
        clearTimeout(timer);
      }
      trace.disable();
      propagation.disable();
      context.disable();
      diag.disable();
    },
  };
}
