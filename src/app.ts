/**
 * The HTTP server: Express 5 with Apollo Server at `/graphql` and a health check. Cross-cutting
 * features are plugins (`useX`) in one list, so a reader sees the whole pipeline here.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createContextFactory, type GraphQLContext, type Providers, type Services } from './context';
import type { Logger } from './logger';
import { maskErrors } from './plugins/mask-errors';
import { useRequestLogging } from './plugins/use-request-logging';
import { buildSchema } from './schema';

export interface AppOptions {
  readonly port: number;
  readonly host: string;
  readonly isProduction: boolean;
  readonly providers: Providers;
  readonly services: Services;
  readonly logger: Logger;
}

export interface RunningApp {
  /** `http://<host>:<port>/graphql` as a client on this machine reaches it. */
  readonly graphqlUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Largest request body accepted; a GraphQL operation is far smaller. */
const MAX_BODY = '1mb';

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);

  const apollo = new ApolloServer<GraphQLContext>({
    schema: buildSchema(),
    // Apollo's own messages go through our logger: one format, one level, redaction applied.
    logger: options.logger,
    introspection: !options.isProduction,
    includeStacktraceInErrorResponses: false,
    formatError: maskErrors({ logger: options.logger }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Federated tracing (ftv1) for routers that send `apollo-federation-include-trace: ftv1`;
      // without that header it does nothing. Error messages in traces are masked.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      options.isProduction
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      useRequestLogging(),
    ],
  });
  await apollo.start();

  const createContext = createContextFactory({ providers: options.providers, services: options.services, logger: options.logger });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: ({ req }) => Promise.resolve(createContext(req.header('x-request-id'))),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const reachableHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  return {
    graphqlUrl: `http://${reachableHost}:${port}/graphql`,
    port,
    close: () => apollo.stop(),
  };
}
