/**
 * The HTTP server: Express 5 with Apollo Server at `/graphql`, the health probes, `/metrics` and
 * GraphiQL. Cross-cutting features are plugins (`useX`) in one list, so a reader sees the whole
 * pipeline here.
 */
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import express, { type RequestHandler } from 'express';
import { enforceAccess } from '../graphql/auth/enforce';
import { requireRouterSecret } from './auth/router-secret';
import type { InboundAuth } from './auth/startup';
import { createContextFactory, type GraphQLContext, type Providers, type Services } from '../graphql/context';
import { accessLog } from './http/access-log';
import { apolloHandler } from './http/apollo-handler';
import { graphiqlRoutes } from './http/graphiql';
import { graphqlEndpoint } from './http/graphql-endpoint';
import { jsonBody } from './http/json-body';
import { metricsHandler, startMetricsServer, type MetricsServer } from './http/metrics-routes';
import { createReadiness, probeRoutes, type ProviderHealth } from './http/probes';
import { DEFAULT_HARDENING, type HardeningConfig } from '../config/hardening';
import { createLimitedServer } from './http/server-limits';
import type { Logger } from '../infra/logger';
import { DEFAULT_OBSERVABILITY, type ObservabilityConfig } from '../config/observability';
import { requestSpanMiddleware, useTracing } from '../infra/observability/trace-spans';
import { activeTracer } from '../infra/observability/tracing';
import { deadlineMiddleware } from './http/deadline';
import { requestShareMiddleware } from '../providers/resilience/request-share';
import { httpErrorHandler, notFound } from './http/http-errors';
import { maskErrors } from '../graphql/plugins/mask-errors';
import { useArmor } from '../graphql/plugins/use-armor';
import { useDemandControl } from '../graphql/plugins/use-demand-control';
import { useMetrics } from '../graphql/plugins/use-metrics';
import { useNoStore } from '../graphql/plugins/use-no-store';
import { useRequestLogging } from '../graphql/plugins/use-request-logging';
import { currentRequestContext, requestContextMiddleware, requestIdFrom } from '../infra/request-context';
import { buildSchema } from '../graphql/schema';

export interface AppOptions {
  readonly port: number;
  readonly host: string;
  readonly isProduction: boolean;
  /** Schema introspection (config: off in production unless enabled). */
  readonly introspection: boolean;
  /** Apollo Sandbox at `GET /graphql` (config: off in production unless enabled). */
  readonly landingPage: boolean;
  /** Bounds every provider call made for one GraphQL request (src/providers/resilience/deadline.ts). */
  readonly requestDeadlineMs: number;
  readonly providers: Providers;
  readonly services: Services;
  readonly logger: Logger;
  /** Who may call: bearer tokens, and optionally the router secret (src/auth/). */
  readonly auth: InboundAuth;
  /** Shown by `GET /health/ready`: each provider's breaker and last successful call. */
  readonly providerHealth: readonly ProviderHealth[];
  /** How long requests in flight may take to finish on `close()` before their connections are closed. */
  readonly shutdownGraceMs: number;
  /** HTTP server limits and per-request demand limits (default: DEFAULT_HARDENING). */
  readonly hardening?: HardeningConfig;
  /** Where `/metrics` is served, and GraphiQL (default: DEFAULT_OBSERVABILITY). */
  readonly observability?: ObservabilityConfig;
  /** The dev token GraphiQL opens with (dev mode only), or null. */
  readonly devToken?: string | null;
}

export interface RunningApp {
  /** `http://<host>:<port>/graphql` as a client on this machine reaches it. */
  readonly graphqlUrl: string;
  readonly port: number;
  /** Where Prometheus scrapes, or null when metrics are not served. */
  readonly metricsUrl: string | null;
  /** GraphiQL, or null when it is not served (production, or its packages not installed). */
  readonly graphiqlUrl: string | null;
  /** Not ready from now on (`/health/ready` answers 503); everything else still serves. */
  drain(): void;
  /** Not ready, the port closed, requests in flight finished (or cut after the grace period). */
  close(): Promise<void>;
}

/** Largest request body accepted; a GraphQL operation is far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const app = express();
  app.disable('x-powered-by');
  const hardening = options.hardening ?? DEFAULT_HARDENING;
  // The listener is set below, once the routes are: POST /graphql directly, the rest through Express.
  let listener: RequestListener = app;
  // Seconds for headers and body, a connection limit below the descriptor limit (src/http/server-limits.ts).
  const httpServer: Server = createLimitedServer((req, res) => {
    listener(req, res);
  }, hardening.server, options.logger);
  const readiness = createReadiness();
  const observability = options.observability ?? DEFAULT_OBSERVABILITY;
  // First, before anything may refuse a request: its id and context, and its access log line.
  const logAccess = accessLog({ logger: options.logger, requestId: requestIdFrom });
  const enterRequest = requestContextMiddleware();
  app.use(logAccess, enterRequest);

  // Query limits; production hides their values and the schema's field suggestions.
  const armor = useArmor({ hideDetails: options.isProduction });
  const apollo = new ApolloServer<GraphQLContext>({
    // The SDL's @authenticated / @requiresScopes are enforced here too, not only by a router.
    schema: enforceAccess(buildSchema()),
    // Apollo's own messages go through our logger: one format, one level, redaction applied.
    logger: options.logger,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts closes everything on SIGINT/SIGTERM; Apollo's own handler racing it hung the exit.
    stopOnTerminationSignals: false,
    // Explicit although Apollo's defaults: a browser form cannot post an operation (CSRF), and
    // one HTTP request is one operation, so the limits bound what a request can cost.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    validationOptions: armor.validationOptions,
    formatError: maskErrors({ logger: options.logger }),
    plugins: [
      ...armor.plugins,
      // Representations, list sizes and provider calls, counted with the variables before anything runs.
      useDemandControl({ limits: hardening.demand, hideDetails: options.isProduction }),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs }),
      // Federated tracing (ftv1) for routers that send `apollo-federation-include-trace: ftv1`;
      // without that header it does nothing. Error messages in traces are masked.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      options.landingPage
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })
        : ApolloServerPluginLandingPageDisabled(),
      // No cache hints in this schema: one `no-store` header instead of a cache policy per field.
      ApolloServerPluginCacheControlDisabled(),
      useNoStore(),
      useRequestLogging({ logger: options.logger }),
      useMetrics(),
      ...(activeTracer() ? [useTracing()] : []),
    ],
  });
  await apollo.start();

  const createContext = createContextFactory({ providers: options.providers, services: options.services, logger: options.logger });
  app.use(probeRoutes({ readiness, providers: options.providerHealth }));
  if (observability.metrics.onPublicPort) app.get('/metrics', metricsHandler());
  const graphiql = observability.graphiql ? graphiqlRoutes({ endpoint: '/graphql', devToken: options.devToken ?? null }) : null;
  if (graphiql) app.use(graphiql);
  const routerSecret = options.auth.routerSecret;
  const graphqlHandlers: RequestHandler[] = [
    ...(routerSecret !== null ? [requireRouterSecret(routerSecret, options.logger)] : []),
    jsonBody(MAX_BODY_BYTES),
    // The request's context again (the body parser left it), now with its deadline.
    deadlineMiddleware(options.requestDeadlineMs),
    requestShareMiddleware(hardening.demand),
    // With tracing on: the request's span, continuing the router's traceparent.
    requestSpanMiddleware('/graphql'),
    // The token is verified once here; a bad one refuses the request (401) before it runs.
    apolloHandler(apollo, async (req) =>
      createContext(currentRequestContext()?.requestId ?? requestIdFrom(undefined), await options.auth.authenticate(req.headers.authorization)),
    ),
  ];
  app.use('/graphql', ...graphqlHandlers);
  // After every route: JSON answers for unknown routes and for body and other HTTP errors.
  const onError = httpErrorHandler(options.logger);
  app.use(notFound());
  app.use(onError);
  listener = graphqlEndpoint({ app, path: '/graphql', handlers: [logAccess, enterRequest, ...graphqlHandlers], onError });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const reachableHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  let metricsServer: MetricsServer | null = null;
  if (observability.metrics.port !== null) {
    try {
      metricsServer = await startMetricsServer({ port: observability.metrics.port, host: options.host, before: [logAccess, enterRequest] });
    } catch (error) {
      await apollo.stop();
      throw error;
    }
  }
  readiness.markReady();
  const base = `http://${reachableHost}:${port}`;

  return {
    graphqlUrl: `${base}/graphql`,
    port,
    metricsUrl: metricsServer
      ? `http://${reachableHost}:${metricsServer.port}/metrics`
      : observability.metrics.onPublicPort
        ? `${base}/metrics`
        : null,
    graphiqlUrl: graphiql ? `${base}/graphiql` : null,
    drain: () => {
      readiness.markDraining();
    },
    close: async () => {
      readiness.markDraining();
      await Promise.all([apollo.stop(), metricsServer?.close()]);
    },
  };
}
