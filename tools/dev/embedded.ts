/**
 * The embedded default: the three provider simulators in this process, on loopback ports, with
 * the credentials of their fixtures. Only the dev entry (main.ts beside this file) uses it.
 */
import type { Config } from '../../src/config';
import type { EmbeddedProviders } from '../../src/server/runtime';
import { API_PREFIX as DEBT_COLLECTION_API_PREFIX } from '../simulators/debt-collection';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from '../simulators/fixtures';
import { startSimulators } from '../simulators/start';

/** Starts every simulator (one each, whether or not its provider is configured: they are cheap). */
export async function startEmbeddedProviders(config: Config): Promise<EmbeddedProviders> {
  const simulators = await startSimulators({ host: '127.0.0.1', recoveryConnect: { timeZone: config.recoveryConnectTimeZone } });
  return {
    recoveryConnect: { url: simulators.recoveryConnect.url, credentials: recoveryConnectFixture.credentials },
    cdc: {
      url: simulators.cdc.url,
      credentials: { clientKey: cdcFixture.credentials.client_key, clientSecret: cdcFixture.credentials.client_secret },
    },
    debtCollection: { url: simulators.debtCollection.url + DEBT_COLLECTION_API_PREFIX, credentials: { apiKey: debtCollectionFixture.apiKey } },
    close: () => simulators.close(),
  };
}
