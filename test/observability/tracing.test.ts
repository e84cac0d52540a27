/**
 * Tracing with an in-memory exporter: one operation with two provider calls is one trace,
 * continuing the router's traceparent, with a span per provider call and per attempt under it,
 * and each attempt's context sent on to the provider.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { activeTracer, installTracing, startTracing, TRACING_OFF, type TracingHandle } from '../../src/infra/observability/tracing';
import { startStack, type TestStack } from '../support/stack';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const ROUTER_SPAN_ID = 'b7ad6b7169203331';
const TRACEPARENT = `00-${TRACE_ID}-${ROUTER_SPAN_ID}-01`;

const exporter = new InMemorySpanExporter();
let tracing: TracingHandle;
let stack: TestStack;

beforeAll(async () => {
  tracing = await installTracing(exporter, { batch: false });
  stack = await startStack({ resilience: { retries: 1 } });
  // The provider logins happen now, so the traced operations make only the calls they need.
  await stack.gql('{ assignment(id: "57074903") { id } }');
});
afterAll(async () => {
  await stack.close();
  await tracing.shutdown();
});
beforeEach(async () => {
  exporter.reset();
  await stack.sim.clearRequests();
  await stack.sim.clearFaults();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

/** The one span named `name`. */
function spanNamed(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((span) => span.name === name);
  if (found.length !== 1) throw new Error(`${String(found.length)} spans named ${name}: ${spans.map((span) => span.name).join(', ')}`);
  return found[0] as ReadableSpan;
}

describe('a traced operation', () => {
  it("is one trace under the router's span: the operation, two provider calls, one attempt each", async () => {
    const answer = await stack.gqlAs(stack.token, 'query Traced { assignment(id: "57074903") { id collaterals { id } } }', undefined, {
      traceparent: TRACEPARENT,
    });
    expect(answer.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name).sort()).toEqual([
      'GET /api/v130/assignments/{id}/collaterals',
      'GET /api/v150/assignments',
      'RECOVERY_CONNECT GET /api/v130/assignments/{id}/collaterals',
      'RECOVERY_CONNECT GET /api/v150/assignments',
      'query Traced',
    ]);
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([TRACE_ID]));

    const operation = spanNamed(spans, 'query Traced');
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(parentOf(operation)).toBe(ROUTER_SPAN_ID);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'Traced',
      'http.route': '/graphql',
      'http.response.status_code': 200,
    });

    for (const route of ['/api/v150/assignments', '/api/v130/assignments/{id}/collaterals']) {
      const call = spanNamed(spans, `RECOVERY_CONNECT GET ${route}`);
      const attempt = spanNamed(spans, `GET ${route}`);
      expect(call.kind).toBe(SpanKind.INTERNAL);
      expect(parentOf(call)).toBe(idOf(operation));
      expect(attempt.kind).toBe(SpanKind.CLIENT);
      expect(parentOf(attempt)).toBe(idOf(call));
      expect(attempt.attributes).toMatchObject({ 'http.request.method': 'GET', 'url.template': route, 'http.response.status_code': 200 });
      expect(attempt.attributes['http.request.resend_count']).toBeUndefined();
    }

    // Each attempt's context went to the provider: the provider's spans join the same trace.
    const sent = (await stack.sim.requests()).map((request) => request.traceparent);
    const attempts = spans.filter((span) => span.kind === SpanKind.CLIENT).map((span) => `00-${TRACE_ID}-${idOf(span)}-01`);
    expect(sent.sort()).toEqual(attempts.sort());
  });

  it('shows a retry as a second attempt under the same call', async () => {
    await stack.sim.fault({ method: 'GET', path: '/api/v150/assignments', status: 503, times: 1 });
    const answer = await stack.gqlAs(stack.token, 'query Retried { assignment(id: "57074903") { id } }', undefined, { traceparent: TRACEPARENT });
    expect(answer.errors).toBeUndefined();

    const spans = exporter.getFinishedSpans();
    const call = spanNamed(spans, 'RECOVERY_CONNECT GET /api/v150/assignments');
    const attempts = spans.filter((span) => parentOf(span) === idOf(call)).sort((a, b) => Number(a.attributes['http.request.resend_count'] ?? 0) - Number(b.attributes['http.request.resend_count'] ?? 0));
    expect(attempts.map((span) => [span.attributes['http.response.status_code'], span.attributes['http.request.resend_count'], span.status.code])).toEqual([
      [503, undefined, SpanStatusCode.ERROR],
      [200, 1, SpanStatusCode.UNSET],
    ]);
    expect(call.attributes['recovery_graph.attempts']).toBe(2);
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('starts a new trace when the caller sends no traceparent, and records no document or variables', async () => {
    await stack.gql('query ($id: ID!) { assignment(id: $id) { id } }', { id: '57074903' });
    const spans = exporter.getFinishedSpans();
    const operation = spanNamed(spans, 'query');
    expect(operation.parentSpanContext).toBeUndefined();
    expect(operation.spanContext().traceId).not.toBe(TRACE_ID);
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain('57074903');
  });
});

describe('tracing off', () => {
  it('loads nothing and makes no span', async () => {
    expect(await startTracing(TRACING_OFF)).toBeNull();
    expect(activeTracer()).not.toBeNull(); // the in-memory one of this file, still installed
  });
});
