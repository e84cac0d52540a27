/**
 * Wires one running service: provider targets (real hosts, or, from the dev entry only, providers
 * embedded in this process for the ones not configured) → pooled HTTP clients → provider clients →
 * the GraphQL server. Nothing here imports a simulator: the dev entry (tools/dev/main.ts) passes
 * them in as {@link StartEmbedded}, so a production start never loads one.
 */
import { startApp, type RunningApp } from './app';
import { startInboundAuth, type InboundAuth } from './auth/startup';
import { ConfigError, type Config, type ProviderTarget } from '../config/index';
import type { ProviderHealth } from './http/probes';
import type { Logger } from '../infra/logger';
import { DEFAULT_OBSERVABILITY } from '../config/observability';
import { startTracing } from '../infra/observability/tracing';
import { createCdcClient, type CdcCredentials } from '../providers/cdc/client';
import { createDebtCollectionClient, type DebtCollectionCredentials } from '../providers/debt-collection/client';
import type { ProviderName } from '../providers/failure';
import { createHttpClient, DEFAULT_HTTP_LIMITS, type HttpClient } from '../providers/http';
import { createRecoveryConnectClient, type RecoveryConnectCredentials } from '../providers/recovery-connect/client';
import { policyOptions } from '../providers/resilience/options';
import { createProviderPolicy } from '../providers/resilience/policy';
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
  readonly embedded: EmbeddedProviders | null;
  close(): Promise<void>;
}

/** Where a provider is in this run, and with which credentials. */
interface Resolved<Credentials> {
  readonly url: string;
  readonly credentials: Credentials;
  readonly simulated: boolean;
}

/** One embedded provider: where it listens and the credentials it accepts. */
export interface EmbeddedProvider<Credentials> {
  readonly url: string;
  readonly credentials: Credentials;
}

/** The providers the dev entry starts in this process for the targets the configuration leaves unset. */
export interface EmbeddedProviders {
  readonly recoveryConnect: EmbeddedProvider<RecoveryConnectCredentials>;
  readonly cdc: EmbeddedProvider<CdcCredentials>;
  readonly debtCollection: EmbeddedProvider<DebtCollectionCredentials>;
  close(): Promise<void>;
}

/** Starts the embedded providers (tools/dev/embedded.ts); only the dev entry has one. */
export type StartEmbedded = (config: Config) => Promise<EmbeddedProviders>;

/** Why a start without every provider configured and without the dev entry cannot go on. */
export const EMBEDDED_ONLY_FROM_DEV =
  'A provider URL is not set. Set every provider (see .env.example), or run `npm start` outside production: its dev entry embeds simulators for the providers left unset.';

export async function startRuntime(config: Config, logger: Logger, startEmbedded?: StartEmbedded): Promise<Runtime> {
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
  if (needsSimulators && !startEmbedded) throw new ConfigError([EMBEDDED_ONLY_FROM_DEV]);
  const embedded = needsSimulators && startEmbedded ? await startEmbedded(config) : null;
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
    const embeddedOne = <C>(pick: (embedded: EmbeddedProviders) => EmbeddedProvider<C>) => (): Resolved<C> => ({
      ...pick(requireEmbedded(embedded)),
      simulated: true,
    });
    const recoveryConnect = resolve(config.recoveryConnect, embeddedOne((embedded) => embedded.recoveryConnect));
    const cdc = resolve(config.cdc, embeddedOne((embedded) => embedded.cdc));
    const debtCollection = resolve(config.debtCollection, embeddedOne((embedded) => embedded.debtCollection));

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
      embedded,
      endpoints: [
        { name: 'RecoveryConnect', url: recoveryConnect.url, simulated: recoveryConnect.simulated },
        { name: 'Banco CDC', url: cdc.url, simulated: cdc.simulated },
        { name: 'Debt collection', url: debtCollection.url, simulated: debtCollection.simulated },
      ],
      async close() {
        await app.close();
        await Promise.all(clients.map((client) => client.close()));
        await shared.close();
        await embedded?.close();
        // Last: the spans of the requests that just finished are exported.
        await tracing?.shutdown();
      },
    };
  } catch (error) {
    await Promise.all(clients.map((client) => client.close()));
    await shared.close();
    await embedded?.close();
    await tracing?.shutdown();
    throw error;
  }
}

function requireEmbedded(embedded: EmbeddedProviders | null): EmbeddedProviders {
  if (!embedded) throw new Error('the embedded providers were not started');
  return embedded;
}
