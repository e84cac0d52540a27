/**
 * Wires one running service: provider targets (real hosts, or the embedded simulators when a
 * provider is not configured) → pooled HTTP clients → provider clients → the GraphQL server.
 */
import { startApp, type RunningApp } from './app';
import type { Config } from './config';
import type { Logger } from './logger';
import { createHttpClient, DEFAULT_HTTP_LIMITS, type HttpClient } from './providers/http';
import { createRecoveryConnectClient } from './providers/recovery-connect/client';
import { recoveryConnectFixture } from './simulators/fixtures';
import { startSimulators, type RunningSimulators } from './simulators/start';

/** How one provider is reached in this run, for the start banner. */
export interface ProviderEndpoint {
  readonly name: string;
  readonly url: string;
  readonly simulated: boolean;
}

export interface Runtime {
  readonly app: RunningApp;
  readonly endpoints: readonly ProviderEndpoint[];
  /** Present when at least one provider runs embedded. */
  readonly simulators: RunningSimulators | null;
  close(): Promise<void>;
}

export async function startRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const needsSimulators = config.recoveryConnect.mode === 'simulator';
  const simulators = needsSimulators ? await startSimulators({ host: '127.0.0.1' }) : null;
  const clients: HttpClient[] = [];

  try {
    const recoveryConnect =
      config.recoveryConnect.mode === 'remote'
        ? { url: config.recoveryConnect.baseUrl, credentials: config.recoveryConnect.credentials, simulated: false }
        : { url: requireSimulators(simulators).recoveryConnect.url, credentials: recoveryConnectFixture.credentials, simulated: true };

    const recoveryConnectHttp = createHttpClient({
      ...DEFAULT_HTTP_LIMITS,
      provider: 'RECOVERY_CONNECT',
      baseUrl: recoveryConnect.url,
      headersTimeoutMs: config.providerTimeoutMs,
      bodyTimeoutMs: config.providerTimeoutMs,
    });
    clients.push(recoveryConnectHttp);

    const app = await startApp({
      port: config.port,
      host: config.host,
      isProduction: config.isProduction,
      logger,
      providers: { recoveryConnect: createRecoveryConnectClient(recoveryConnectHttp, recoveryConnect.credentials) },
    });

    return {
      app,
      simulators,
      endpoints: [{ name: 'RecoveryConnect', url: recoveryConnect.url, simulated: recoveryConnect.simulated }],
      async close() {
        await app.close();
        await Promise.all(clients.map((client) => client.close()));
        await simulators?.close();
      },
    };
  } catch (error) {
    await Promise.all(clients.map((client) => client.close()));
    await simulators?.close();
    throw error;
  }
}

function requireSimulators(simulators: RunningSimulators | null): RunningSimulators {
  if (!simulators) throw new Error('simulators were not started');
  return simulators;
}
