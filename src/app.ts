/**
 * The HTTP server: Express 5 with Apollo Server at `/graphql` and the health probes. Cross-cutting
 * features are plugins (`useX`) in one list, so a reader sees the whole pipeline here.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { enforceAccess } from './auth/enforce';
import { requireRouterSecret } from './auth/router-secret';
import type { InboundAuth } from './auth/startup';
import { createContextFactory, type GraphQLContext, type Providers, type Services } from './context';
import { createReadiness, probeRoutes, type ProviderHealth } from './http/probes';
import { DEFAULT_HARDENING, type HardeningConfig } from './hardening/settings';
import { createLimitedServer } from './http/server-limits';
import type { Logger } from './logger';
import { deadlineMiddleware } from './providers/resilience/deadline';
import { requestShareMiddleware } from './providers/resilience/request-share';
import { httpErrorHandler, notFound } from './plugins/http-errors';
import { maskErrors } from './plugins/mask-errors';
import { useArmor } from './plugins/use-armor';
import { useDemandControl } from './plugins/use-demand-control';
import { useRequestLogging } from './plugins/use-request-logging';
import { currentRequestContext, requestContextMiddleware } from './request-context';
import { buildSchema } from './schema';

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
}

export interface RunningApp {
  /** `http://<host>:<port>/graphql` as a client on this machine reaches it. */
  readonly graphqlUrl: string;
  readonly port: number;
  /** Not ready from now on (`/health/ready` answers 503); everything else still serves. */
  drain(): void;
  /** Not ready, the port closed, requests in flight finished (or cut after the grace period). */
  close(): Promise<void>;
}

/** Largest request body accepted; a GraphQL operation is far smaller. */
const MAX_BODY = '1mb';

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const app = express();
  app.disable('x-powered-by');
  const hardening = options.hardening ?? DEFAULT_HARDENING;
  // Seconds for headers and body, a connection limit below the descriptor limit (src/http/server-limits.ts).
  const httpServer: Server = createLimitedServer(app, hardening.server, options.logger);
  const readiness = createReadiness();

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
      useRequestLogging(),
    ],
  });
  await apollo.start();

  const createContext = createContextFactory({ providers: options.providers, services: options.services, logger: options.logger });
  app.use(probeRoutes({ readiness, providers: options.providerHealth }));
  const routerSecret = options.auth.routerSecret;
  if (routerSecret !== null) app.use('/graphql', requireRouterSecret(routerSecret, options.logger));
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    requestContextMiddleware(),
    deadlineMiddleware(options.requestDeadlineMs),
    requestShareMiddleware(hardening.demand),
    expressMiddleware(apollo, {
      // The token is verified once here; a bad one refuses the request (401) before it runs.
      context: async ({ req }) =>
        createContext(currentRequestContext()?.requestId ?? req.header('x-request-id'), await options.auth.authenticate(req.header('authorization'))),
    }),
  );
  // After every route: JSON answers for unknown routes and for body and other HTTP errors.
  app.use(notFound());
  app.use(httpErrorHandler(options.logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  readiness.markReady();
  const port = (httpServer.address() as AddressInfo).port;
  const reachableHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  return {
    graphqlUrl: `http://${reachableHost}:${port}/graphql`,
    port,
    drain: () => {
      readiness.markDraining();
    },
    close: () => {
      readiness.markDraining();
      return apollo.stop();
    },
  };
}
