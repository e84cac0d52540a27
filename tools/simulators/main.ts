import { randomBytes } from 'node:crypto';
import { API_PREFIX } from './debt-collection';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from './fixtures';
import { startSimulators } from './start';

/** `npm run simulators`: runs the provider simulators until interrupted. */
const HOST = '127.0.0.1';

function portFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${text}".`);
  return port;
}

async function main(): Promise<void> {
  const simulators = await startSimulators({
    host: HOST,
    recoveryConnect: { port: portFromEnv('SIM_RECOVERY_CONNECT_PORT', 4101) },
    cdc: { port: portFromEnv('SIM_CDC_PORT', 4102) },
    debtCollection: { port: portFromEnv('SIM_DEBT_COLLECTION_PORT', 4103) },
  });
  const { username, password } = recoveryConnectFixture.credentials;
  const rc = simulators.recoveryConnect.url;
  console.log(`RecoveryConnect simulator: ${rc}`);
  console.log(`  credentials (simulator data): username=${username} password=${password}`);
  console.log(`  control routes: ${rc}/__sim/requests, ${rc}/__sim/faults, ${rc}/__sim/tokens`);
  const cdc = simulators.cdc.url;
  const { client_key: clientKey, client_secret: clientSecret } = cdcFixture.credentials;
  console.log(`Banco CDC simulator: ${cdc}`);
  console.log(`  credentials (simulator data): client_key=${clientKey} client_secret=${clientSecret}`);
  console.log(`  control routes: ${cdc}/__sim/requests, ${cdc}/__sim/faults, ${cdc}/__sim/tokens, ${cdc}/__sim/writes, ${cdc}/__sim/assignment-status`);
  const dc = simulators.debtCollection.url;
  const { apiKey } = debtCollectionFixture;
  console.log(`Debt collection simulator: ${dc}${API_PREFIX}`);
  console.log(`  API key (simulator data): ${apiKey}`);
  console.log(`  control routes: ${dc}/__sim/requests, ${dc}/__sim/faults, ${dc}/__sim/writes`);
  // A secret of this run only: the command below starts a subgraph that verifies tokens with it.
  const secret = randomBytes(32).toString('base64url');
  console.log('');
  console.log('Start the subgraph on them (in another terminal):');
  console.log(
    [
      `  AUTH_JWT_SECRET=${secret}`,
      `  RECOVERY_CONNECT_URL=${rc} RECOVERY_CONNECT_USERNAME=${username} RECOVERY_CONNECT_PASSWORD=${password}`,
      `  CDC_URL=${cdc} CDC_CLIENT_KEY=${clientKey} CDC_CLIENT_SECRET=${clientSecret}`,
      `  DEBT_COLLECTION_URL=${dc}${API_PREFIX} DEBT_COLLECTION_API_KEY=${apiKey} npm start`,
    ].join(' \\\n'),
  );
  console.log('A token for it (every scope, 12 h; fewer with --scopes "assignments:read cdc:read"):');
  console.log(`  AUTH_JWT_SECRET=${secret} npm --silent run token`);

  const shutdown = (signal: NodeJS.Signals): void => {
    console.log(`${signal}: closing simulators`);
    simulators.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
