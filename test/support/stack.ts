/**
 * The whole service as tests use it: the three provider simulators on real loopback sockets and
 * the subgraph pointed at them like at the real providers, answering GraphQL over HTTP.
 */
import type { Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { startCdcSimulator, type CdcSimulatorOptions } from '../../src/simulators/cdc';
import {
  API_PREFIX as DEBT_COLLECTION_API_PREFIX,
  startDebtCollectionSimulator,
  type DebtCollectionSimulatorOptions,
} from '../../src/simulators/debt-collection';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from '../../src/simulators/fixtures';
import {
  startRecoveryConnectSimulator,
  type RecoveryConnectSimulatorOptions,
  type RunningSimulator,
} from '../../src/simulators/recovery-connect';
import { simControl, type SimControl } from './sim-control';

export interface GraphQLAnswer {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The control routes of each provider's simulator. */
export interface StackSimulators {
  readonly recoveryConnect: SimControl;
  readonly cdc: SimControl;
  readonly debtCollection: SimControl;
}

export interface TestStack {
  readonly graphqlUrl: string;
  /** The RecoveryConnect simulator's base URL. */
  readonly simulatorUrl: string;
  /** The RecoveryConnect simulator's control routes (same as `sims.recoveryConnect`). */
  readonly sim: SimControl;
  readonly sims: StackSimulators;
  /** Base URL of each simulator (its root, where `/__sim` is). */
  readonly simulatorUrls: { readonly recoveryConnect: string; readonly cdc: string; readonly debtCollection: string };
  /** POSTs an operation as a client would. */
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** RecoveryConnect simulator options. */
  readonly simulator?: RecoveryConnectSimulatorOptions;
  readonly cdcSimulator?: CdcSimulatorOptions;
  readonly debtCollectionSimulator?: DebtCollectionSimulatorOptions;
  readonly providerTimeoutMs?: number;
  /** Default: a silent logger. */
  readonly logger?: Logger;
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const started: RunningSimulator[] = [];
  const closeSimulators = () => Promise.all(started.map((simulator) => simulator.close()));
  let runtime: Runtime;
  let rc: RunningSimulator;
  let cdc: RunningSimulator;
  let dc: RunningSimulator;
  try {
    rc = await startRecoveryConnectSimulator(options.simulator);
    started.push(rc);
    cdc = await startCdcSimulator(options.cdcSimulator);
    started.push(cdc);
    dc = await startDebtCollectionSimulator(options.debtCollectionSimulator);
    started.push(dc);
    const cdcCredentials = options.cdcSimulator?.credentials ?? cdcFixture.credentials;
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      isProduction: false,
      logLevel: 'silent',
      providerTimeoutMs: options.providerTimeoutMs ?? 5_000,
      recoveryConnect: {
        mode: 'remote',
        baseUrl: rc.url,
        credentials: options.simulator?.credentials ?? recoveryConnectFixture.credentials,
      },
      cdc: {
        mode: 'remote',
        baseUrl: cdc.url,
        credentials: { clientKey: cdcCredentials.client_key, clientSecret: cdcCredentials.client_secret },
      },
      debtCollection: {
        mode: 'remote',
        baseUrl: dc.url + DEBT_COLLECTION_API_PREFIX,
        credentials: { apiKey: options.debtCollectionSimulator?.apiKey ?? debtCollectionFixture.apiKey },
      },
    };
    runtime = await startRuntime(config, options.logger ?? createLogger({ level: 'silent' }));
  } catch (error) {
    await closeSimulators();
    throw error;
  }

  const sims: StackSimulators = {
    recoveryConnect: simControl(rc.url),
    cdc: simControl(cdc.url),
    debtCollection: simControl(dc.url),
  };
  return {
    graphqlUrl: runtime.app.graphqlUrl,
    simulatorUrl: rc.url,
    sim: sims.recoveryConnect,
    sims,
    simulatorUrls: { recoveryConnect: rc.url, cdc: cdc.url, debtCollection: dc.url },
    async gql(query, variables) {
      const res = await fetch(runtime.app.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as Omit<GraphQLAnswer, 'status'>) };
    },
    async close() {
      await runtime.close();
      await closeSimulators();
    },
  };
}
