/**
 * The service: `node dist/main.js` (the build, what production and `npm start` run) or
 * `npm run dev` (the source, through tsx). On the configured providers, or outside production on
 * embedded simulators for every provider whose URL is not set.
 *
 * SIGTERM or SIGINT: not ready at once (`/health/ready` 503), the port kept open for
 * SHUTDOWN_DELAY_MS so load balancers stop sending, then closed; requests in flight get
 * SHUTDOWN_GRACE_MS to finish; exit 0.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { authBannerLines } from './auth/banner';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { installProcessGuards } from './process-guards';
import { startRuntime, type Runtime } from './runtime';

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

async function main(): Promise<void> {
  const config = loadConfigOrExit();

  const logger = createLogger({ level: config.logLevel });
  installProcessGuards(logger);
  const runtime = await startRuntime(config, logger);

  if (config.isProduction) {
    // Production output is read by a log collector: one JSON line, no banner.
    logger.info(
      {
        url: runtime.app.graphqlUrl,
        auth: runtime.auth.mode,
        providers: Object.fromEntries(runtime.endpoints.map((endpoint) => [endpoint.name, endpoint.url])),
      },
      'listening',
    );
  } else {
    console.log(bannerLines(runtime, config).join('\n'));
  }

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
      ? ['Tokens             npm run -s token -- --scopes "assignments:read cdc:read"   (with the same AUTH_JWT_SECRET)']
      : [];
  return [
    '',
    `GraphQL endpoint   ${runtime.app.graphqlUrl}`,
    ...(config.landingPage ? [`Apollo Sandbox     open ${runtime.app.graphqlUrl} in a browser`] : []),
    ...authBannerLines(runtime.auth, config.auth),
    ...tokenHint,
    ...runtime.endpoints.map(
      (endpoint) => `${endpoint.name.padEnd(19)}${endpoint.simulated ? 'embedded simulator at ' : ''}${endpoint.url}`,
    ),
    `Probes             ${base}/health/live  ${base}/health/ready`,
    '',
    'Try:  { assignment(id: "57074903") { id orderType primaryCollateral { vehicle { vin make model } } } }',
    '',
  ];
}

main().catch((error: unknown) => {
  console.error('Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
