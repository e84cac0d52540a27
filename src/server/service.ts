/**
 * Runs the service until SIGTERM or SIGINT, for the two entries: src/server/main.ts (production,
 * `node dist/main.js`: every provider configured) and tools/dev/main.ts (`npm start`, `npm run
 * dev`: outside production, simulators embedded for every provider whose URL is not set).
 *
 * Its standard output is the JSON log only, so a log collector (or `| pino-pretty`) reads every
 * line; it starts with a `listening` line (where the service, its metrics and GraphiQL are).
 * Outside production the banner for the person who started it (the dev token, the URLs) goes to
 * standard error, which a terminal shows as well.
 *
 * SIGTERM or SIGINT: not ready at once (`/health/ready` 503), the port kept open for
 * SHUTDOWN_DELAY_MS so load balancers stop sending, then closed; requests in flight get
 * SHUTDOWN_GRACE_MS to finish; exit 0.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { authBannerLines } from './auth/banner';
import { ConfigError, loadConfig, type Config } from '../config/index';
import { createLogger } from '../infra/logger';
import { installProcessGuards } from './process-guards';
import { startRuntime, type Runtime, type StartEmbedded } from './runtime';

/** The configuration, or the list of problems on stderr and exit status 1. */
function loadConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Starts the service; `startEmbedded` comes from the dev entry only. Exits the process on a failed start. */
export function runService(startEmbedded?: StartEmbedded): void {
  start(startEmbedded).catch((error: unknown) => {
    console.error('Failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

async function start(startEmbedded: StartEmbedded | undefined): Promise<void> {
  const config = loadConfigOrExit();

  const logger = createLogger({ level: config.logLevel });
  installProcessGuards(logger);
  const runtime = await startRuntime(config, logger, startEmbedded);

  // Never the dev token: it is a credential, and this line goes wherever the log goes.
  logger.info(
    {
      url: runtime.app.graphqlUrl,
      metrics: runtime.app.metricsUrl,
      graphiql: runtime.app.graphiqlUrl,
      tracing: config.observability?.tracing.enabled === true ? 'otlp' : 'off',
      auth: runtime.auth.mode,
      providers: Object.fromEntries(runtime.endpoints.map((endpoint) => [endpoint.name, endpoint.url])),
    },
    'listening',
  );
  // The banner is for the person at the terminal, on standard error: standard output stays JSON.
  if (!config.isProduction) process.stderr.write(`${bannerLines(runtime, config).join('\n')}\n`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const started = Date.now();
    runtime.app.drain();
    logger.info({ signal, delayMs: config.shutdown.delayMs, graceMs: config.shutdown.graceMs }, 'shutting down: not ready');
    sleep(config.shutdown.delayMs)
      .then(() => runtime.close())
      .then(
        () => {
          logger.info({ durationMs: Date.now() - started }, 'shut down');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** What a person who ran the service on a terminal needs: where it is, how to call it, where the providers are. */
function bannerLines(runtime: Runtime, config: Config): string[] {
  const base = runtime.app.graphqlUrl.replace(/\/graphql$/, '');
  const tokenHint =
    runtime.auth.mode === 'verify' && config.auth.jwtSecret !== null
      ? ['Tokens             npm --silent run token -- --scopes "assignments:read cdc:read"   (with the same AUTH_JWT_SECRET)']
      : [];
  return [
    '',
    `GraphQL endpoint   ${runtime.app.graphqlUrl}`,
    ...(runtime.app.graphiqlUrl !== null
      ? [`GraphiQL           open ${runtime.app.graphiqlUrl} in a browser: works offline${runtime.auth.devToken !== null ? ', the dev token already in its headers' : ''}`]
      : []),
    ...(config.landingPage ? [`Apollo Sandbox     open ${runtime.app.graphqlUrl} in a browser (loads from Apollo's CDN: needs the internet)`] : []),
    ...authBannerLines(runtime.auth, config.auth),
    ...tokenHint,
    ...runtime.endpoints.map(
      (endpoint) => `${endpoint.name.padEnd(19)}${endpoint.simulated ? 'embedded simulator at ' : ''}${endpoint.url}`,
    ),
    `Probes             ${base}/health/live  ${base}/health/ready`,
    `Metrics            ${runtime.app.metricsUrl ?? 'not served (set METRICS_PORT)'}`,
    `Tracing            ${config.observability?.tracing.enabled === true ? 'OTLP/HTTP, see the OTEL_* variables' : 'off (set OTEL_EXPORTER_OTLP_ENDPOINT to turn it on)'}`,
    '',
    'Try:  { assignment(id: "57074903") { id orderType primaryCollateral { vehicle { vin make model } } } }',
    '',
  ];
}
