/**
 * Wires one running service: provider targets (real hosts, or the embedded simulators when a
 * provider is not configured) → pooled HTTP clients → provider clients → the GraphQL server.
 */
import { startApp, type RunningApp } from './app';
import { startInboundAuth, type InboundAuth } from './auth/startup';
import { ConfigError, type Config, type ProviderTarget } from './config';
import type { ProviderHealth } from './http/probes';
import type { Logger } from './logger';
import { DEFAULT_OBSERVABILITY } from './observability/settings';
import { startTracing } from './observability/tracing';
import { createCdcClient } from './providers/cdc/client';
import { createDebtCollectionClient } from './providers/debt-collection/client';
import type { ProviderName } from './providers/failure';
import { createHttpClient, DEFAULT_HTTP_LIMITS, type HttpClient } from './providers/http';
import { createRecoveryConnectClient } from './providers/recovery-connect/client';
import { policyOptions } from './providers/resilience/options';
import { createProviderPolicy } from './providers/resilience/policy';
import { API_PREFIX as DEBT_COLLECTION_API_PREFIX } from './simulators/debt-collection';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from './simulators/fixtures';
import { startSimulators, type RunningSimulators } from './simulators/start';
import { startSharedState, type Tenant } from './shared-state';

/** How one provider is reached in this run, for the start banner. */
export interface ProviderEndpoint {
  readonly name: string;
  readonly url: string;
  readonly simulated: boolean;
}

export interface Runtime {
  readonly app: RunningApp;
  /** How callers authenticate in this run (the dev token, in dev mode). */
  readonly auth: InboundAuth;
  readonly endpoints: readonly ProviderEndpoint[];
  /** Present when at least one provider runs embedded. */
  readonly simulators: RunningSimulators | null;
  close(): Promise<void>;
}

/** Where a provider is in this run, and with which credentials. */
interface Resolved<Credentials> {
  readonly url: string;
  readonly credentials: Credentials;
  readonly simulated: boolean;
}

export async function startRuntime(config: Config, logger: Logger): Promise<Runtime> {
  // First: a service that may not start without authentication starts nothing.
  const auth = await startInboundAuth(config, logger);
  const observability = config.observability ?? DEFAULT_OBSERVABILITY;
  // Before anything makes a span; null (and no SDK loaded) unless OTEL_* turn it on.
  const tracing = await startTracing(observability.tracing, logger);
  const needsSimulators = [config.recoveryConnect, config.cdc, config.debtCollection].some(
    (target) => target.mode === 'simulator',
  );
  // loadConfig already refuses this; a Config built another way must not slip through either.
  if (needsSimulators && config.isProduction) throw new ConfigError(['In production no simulator is started: configure every provider.']);
  const simulators = needsSimulators
    ? await startSimulators({ host: '127.0.0.1', recoveryConnect: { timeZone: config.recoveryConnectTimeZone } })
    : null;
  const clients: HttpClient[] = [];
  const providerHealth: ProviderHealth[] = [];
  // With REDIS_URL: the requestId store, write locks, rate budgets and cache, shared by replicas.
  const shared = startSharedState(config.sharedState, { logger, requestDeadlineMs: config.resilience.requestDeadlineMs });
  await shared.ready();

  /** The configured target, or the embedded simulator with its fixture's credentials. */
  function resolve<Credentials>(
    target: ProviderTarget<Credentials>,
    simulated: () => Resolved<Credentials>,
  ): Resolved<Credentials> {
    return target.mode === 'remote'
      ? { url: target.baseUrl, credentials: target.credentials, simulated: false }
      : simulated();
  }

  function http(provider: ProviderName, baseUrl: string, account: string): HttpClient {
    const rateBudget = shared.rateBudget({ provider, baseUrl, account });
    const policy = policyOptions(config.resilience, provider);
    const callPolicy = createProviderPolicy(provider, policy, logger);
    providerHealth.push({ provider, circuitState: () => callPolicy.circuitState(), lastSuccessAt: () => callPolicy.lastSuccessAt() });
    const client = createHttpClient({
      ...DEFAULT_HTTP_LIMITS,
      provider,
      baseUrl,
      // The bulkhead admits as many calls as there are sockets; the rest queue in it, bounded.
      connections: policy.bulkhead.limit,
      headersTimeoutMs: policy.timeoutMs,
      bodyTimeoutMs: policy.timeoutMs,
      policy: callPolicy,
      coalesceReads: config.resilience.coalesceReads,
      ...(rateBudget && { rateBudget }),
    });
    clients.push(client);
    return client;
  }

  try {
    const recoveryConnect = resolve(config.recoveryConnect, () => ({
      url: requireSimulators(simulators).recoveryConnect.url,
      credentials: recoveryConnectFixture.credentials,
      simulated: true,
    }));
    const cdc = resolve(config.cdc, () => ({
      url: requireSimulators(simulators).cdc.url,
      credentials: { clientKey: cdcFixture.credentials.client_key, clientSecret: cdcFixture.credentials.client_secret },
      simulated: true,
    }));
    const debtCollection = resolve(config.debtCollection, () => ({
      url: requireSimulators(simulators).debtCollection.url + DEBT_COLLECTION_API_PREFIX,
      credentials: { apiKey: debtCollectionFixture.apiKey },
      simulated: true,
    }));

    const tenants: Tenant[] = [
      { provider: 'RECOVERY_CONNECT', baseUrl: recoveryConnect.url, account: recoveryConnect.credentials.username },
      { provider: 'CDC', baseUrl: cdc.url, account: cdc.credentials.clientKey },
      { provider: 'DEBT_COLLECTION', baseUrl: debtCollection.url, account: debtCollection.credentials.apiKey },
    ];
    const [rcTenant, cdcTenant, dcTenant] = tenants as [Tenant, Tenant, Tenant];
    const wired = shared.services(
      {
        recoveryConnect: createRecoveryConnectClient(http('RECOVERY_CONNECT', rcTenant.baseUrl, rcTenant.account), recoveryConnect.credentials, {
          reading: { timeZone: config.recoveryConnectTimeZone },
        }),
        cdc: createCdcClient(http('CDC', cdcTenant.baseUrl, cdcTenant.account), cdc.credentials),
        debtCollection: createDebtCollectionClient(http('DEBT_COLLECTION', dcTenant.baseUrl, dcTenant.account), debtCollection.credentials),
      },
      tenants,
    );
    const app = await startApp({
      port: config.port,
      host: config.host,
      isProduction: config.isProduction,
      introspection: config.introspection,
      landingPage: config.landingPage,
      requestDeadlineMs: config.resilience.requestDeadlineMs,
      ...(config.hardening && { hardening: config.hardening }),
      logger,
      auth,
      providers: wired.providers,
      providerHealth,
      shutdownGraceMs: config.shutdown.graceMs,
      services: wired.services,
      observability,
      devToken: auth.devToken,
    });

    return {
      app,
      auth,
      simulators,
      endpoints: [
        { name: 'RecoveryConnect', url: recoveryConnect.url, simulated: recoveryConnect.simulated },
        { name: 'Banco CDC', url: cdc.url, simulated: cdc.simulated },
        { name: 'Debt collection', url: debtCollection.url, simulated: debtCollection.simulated },
      ],
      async close() {
        await app.close();
        await Promise.all(clients.map((client) => client.close()));
        await shared.close();
        await simulators?.close();
        // Last: the spans of the requests that just finished are exported.
        await tracing?.shutdown();
      },
    };
  } catch (error) {
    await Promise.all(clients.map((client) => client.close()));
    await shared.close();
    await simulators?.close();
    await tracing?.shutdown();
    throw error;
  }
}

function requireSimulators(simulators: RunningSimulators | null): RunningSimulators {
  if (!simulators) throw new Error('simulators were not started');
  return simulators;
}
