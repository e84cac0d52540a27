/**
 * The spans the service makes when tracing is on (tracing.ts), named and attributed after the
 * OpenTelemetry semantic conventions (HTTP and GraphQL):
 *
 *   query GetAssignment                 SERVER   one per GraphQL request; parent: the router's traceparent
 *     RECOVERY_CONNECT GET /api/v150/assignments    INTERNAL  one provider call, retries included
 *       GET /api/v150/assignments       CLIENT   one attempt; its context goes to the provider as traceparent
 *       GET /api/v150/assignments       CLIENT   a repeat: http.request.resend_count = 1
 *
 * No span carries a query document, variables, an id or a message: only names, templates,
 * statuses and error codes.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { ProviderName } from '../../domain/provider-fault';
import { activeTracer } from './tracing';

/**
 * Starts the request's span, continuing the caller's `traceparent`, and runs the rest of the
 * request in its context. Mount it after the body parser (whose callbacks leave the async context).
 * The span ends when the answer is sent; useTracing names it after the operation.
 */
export function requestSpanMiddleware(route: string): RequestHandler {
  return (req, res, next) => {
    const tracer = activeTracer();
    if (!tracer) {
      next();
      return;
    }
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `${req.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route, 'url.scheme': req.protocol } },
      parent,
    );
    const end = () => {
      res.off('finish', end);
      res.off('close', end);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (!res.writableFinished) span.setAttribute('error.type', 'aborted');
      span.end();
    };
    res.on('finish', end);
    res.on('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Names the request's span after its operation (`query GetAssignment`) and records its error codes. */
export function useTracing(): ApolloServerPlugin {
  return {
    requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span) return Promise.resolve();
      return Promise.resolve({
        didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'query';
          span.updateName(operationName ? `${type} ${operationName}` : type);
          span.setAttribute('graphql.operation.type', type);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
          return Promise.resolve();
        },
        didEncounterErrors({ errors }) {
          const codes = errors.map((error) => {
            const code = error.extensions.code;
            return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
          });
          span.setAttribute('graphql.error.codes', codes);
          return Promise.resolve();
        },
      });
    },
  };
}

/** One attempt's span: ended with the provider's status, or with the kind of failure. */
export interface AttemptSpan {
  answered(status: number): void;
  failed(kind: string): void;
}

/** One provider call's span, the parent of its attempts. */
export interface CallSpan {
  /** Starts an attempt and writes its trace context into `headers` (traceparent). */
  attempt(headers: Record<string, string>): AttemptSpan;
  /** Ends the call: `failure` is the kind of failure, or null when an answer came. */
  end(status: number, failure: string | null): void;
}

/** Where the provider is, for the attempts' `server.*` attributes. */
export interface ProviderServer {
  readonly address: string;
  readonly port: number;
}

/** A provider call's span under the active span (the request's), or null when tracing is off. */
export function startCallSpan(provider: ProviderName, method: string, route: string, server: ProviderServer): CallSpan | null {
  const tracer = activeTracer();
  if (!tracer) return null;
  const parent = context.active();
  const span = tracer.startSpan(
    `${provider} ${method} ${route}`,
    { kind: SpanKind.INTERNAL, attributes: { 'recovery_graph.provider': provider, 'http.request.method': method, 'url.template': route } },
    parent,
  );
  return callSpan(tracer, span, trace.setSpan(parent, span), method, route, server);
}

function callSpan(
  tracer: Tracer,
  span: Span,
  callContext: ReturnType<typeof context.active>,
  method: string,
  route: string,
  server: ProviderServer,
): CallSpan {
  let attempts = 0;
  return {
    attempt(headers) {
      const resendCount = attempts;
      attempts += 1;
      const attempt = tracer.startSpan(
        `${method} ${route}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'http.request.method': method,
            'url.template': route,
            'server.address': server.address,
            'server.port': server.port,
            ...(resendCount > 0 && { 'http.request.resend_count': resendCount }),
          },
        },
        callContext,
      );
      propagation.inject(trace.setSpan(callContext, attempt), headers);
      return {
        answered(status) {
          attempt.setAttribute('http.response.status_code', status);
          if (status >= 500) attempt.setStatus({ code: SpanStatusCode.ERROR });
          attempt.end();
        },
        failed(kind) {
          attempt.setAttribute('error.type', kind);
          attempt.setStatus({ code: SpanStatusCode.ERROR });
          attempt.end();
        },
      };
    },
    end(status, failure) {
      if (status > 0) span.setAttribute('http.response.status_code', status);
      if (failure !== null) {
        span.setAttribute('error.type', failure);
        span.setStatus({ code: SpanStatusCode.ERROR });
      } else if (status >= 500) {
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      if (attempts > 1) span.setAttribute('recovery_graph.attempts', attempts);
      span.end();
    },
  };
}
