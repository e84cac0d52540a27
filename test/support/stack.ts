/**
 * The whole service as tests use it: a RecoveryConnect simulator on a real loopback socket and
 * the subgraph pointed at it like at the real provider, answering GraphQL over HTTP.
 */
import type { Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { startRuntime, type Runtime } from '../../src/runtime';
import { recoveryConnectFixture } from '../../src/simulators/fixtures';
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

export interface TestStack {
  readonly graphqlUrl: string;
  readonly simulatorUrl: string;
  readonly sim: SimControl;
  /** POSTs an operation as a client would. */
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  close(): Promise<void>;
}

export interface StackOptions {
  readonly simulator?: RecoveryConnectSimulatorOptions;
  readonly providerTimeoutMs?: number;
  /** Default: a silent logger. */
  readonly logger?: Logger;
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const simulator: RunningSimulator = await startRecoveryConnectSimulator(options.simulator);
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    isProduction: false,
    logLevel: 'silent',
    providerTimeoutMs: options.providerTimeoutMs ?? 5_000,
    recoveryConnect: {
      mode: 'remote',
      baseUrl: simulator.url,
      credentials: options.simulator?.credentials ?? recoveryConnectFixture.credentials,
    },
  };
  let runtime: Runtime;
  try {
    runtime = await startRuntime(config, options.logger ?? createLogger({ level: 'silent' }));
  } catch (error) {
    await simulator.close();
    throw error;
  }

  return {
    graphqlUrl: runtime.app.graphqlUrl,
    simulatorUrl: simulator.url,
    sim: simControl(simulator.url),
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
      await simulator.close();
    },
  };
}
