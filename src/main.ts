/**
 * `npm start`: the subgraph on the configured providers, or on embedded simulators for every
 * provider whose URL is not set.
 */
import { authBannerLines } from './auth/banner';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { installProcessGuards } from './process-guards';
import { startRuntime } from './runtime';

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

  const lines = [
    '',
    `GraphQL endpoint   ${runtime.app.graphqlUrl}`,
    ...(config.landingPage ? [`Apollo Sandbox     open ${runtime.app.graphqlUrl} in a browser`] : []),
    ...authBannerLines(runtime.auth, config.auth),
    ...runtime.endpoints.map(
      (endpoint) => `${endpoint.name.padEnd(19)}${endpoint.simulated ? 'embedded simulator at ' : ''}${endpoint.url}`,
    ),
    '',
    'Try:  { assignment(id: "57074903") { id orderType primaryCollateral { vehicle { vin make model } } } }',
    '',
  ];
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    runtime.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error('Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
