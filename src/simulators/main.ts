import { recoveryConnectFixture } from './fixtures';
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
  });
  const { username, password } = recoveryConnectFixture.credentials;
  const rc = simulators.recoveryConnect.url;
  console.log(`RecoveryConnect simulator: ${rc}`);
  console.log(`  credentials (simulator data): username=${username} password=${password}`);
  console.log(`  control routes: ${rc}/__sim/requests, ${rc}/__sim/faults, ${rc}/__sim/tokens`);
  console.log('Point the subgraph at it:');
  console.log(`  RECOVERY_CONNECT_URL=${rc} RECOVERY_CONNECT_USERNAME=${username} RECOVERY_CONNECT_PASSWORD=${password} npm start`);

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
