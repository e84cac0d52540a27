/**
 * The whole service as tests use it: the three provider simulators on real loopback sockets and
 * the subgraph pointed at them like at the real providers, answering GraphQL over HTTP.
 */
import { ROUTER_SECRET_HEADER } from '../../src/server/auth/router-secret';
import { signToken } from '../../src/server/auth/dev-token';
import { ALL_SCOPES } from '../../src/graphql/auth/scopes';
import type { AuthConfig } from '../../src/config/auth';
import { DEFAULT_SHUTDOWN_GRACE_MS, type Config } from '../../src/config/index';
import { DEFAULT_OBSERVABILITY, type ObservabilityConfig } from '../../src/config/observability';
import { DEFAULT_HARDENING, type HardeningConfig } from '../../src/config/hardening';
import { resilienceConfig } from '../../src/providers/resilience/options';
import { createLogger, type Logger } from '../../src/infra/logger';
import { startRuntime, type Runtime } from '../../src/server/runtime';
import { startCdcSimulator, type CdcSimulatorOptions } from '../../tools/simulators/cdc';
import {
  API_PREFIX as DEBT_COLLECTION_API_PREFIX,
  startDebtCollectionSimulator,
  type DebtCollectionSimulatorOptions,
} from '../../tools/simulators/debt-collection';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from '../../tools/simulators/fixtures';
import {
  startRecoveryConnectSimulator,
  type RecoveryConnectSimulatorOptions,
  type RunningSimulator,
} from '../../tools/simulators/recovery-connect';
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
  /** Where `/metrics` is served, or null. */
  readonly metricsUrl: string | null;
  /** The RecoveryConnect simulator's base URL. */
  readonly simulatorUrl: string;
  /** The RecoveryConnect simulator's control routes (same as `sims.recoveryConnect`). */
  readonly sim: SimControl;
  readonly sims: StackSimulators;
  /** Base URL of each simulator (its root, where `/__sim` is). */
  readonly simulatorUrls: { readonly recoveryConnect: string; readonly cdc: string; readonly debtCollection: string };
  /** POSTs an operation as a client would, with a token holding every scope (`token`). */
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** POSTs with this bearer token, or none (null), and extra headers. */
  gqlAs(token: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLAnswer>;
  /** The token `gql` sends: every scope, signed with the stack's secret, valid an hour. */
  readonly token: string;
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
  /** Production mode and the schema's exposure; default: not production, introspection and landing page on. */
  readonly exposure?: Partial<Pick<Config, 'isProduction' | 'introspection' | 'landingPage'>>;
  /** RECOVERY_CONNECT_TIME_ZONE, for the graph and the RecoveryConnect simulator alike; default UTC. */
  readonly recoveryConnectTimeZone?: string;
  /** RecoveryConnect's base URL instead of its simulator's (e.g. a closed port); the simulator still runs. */
  readonly recoveryConnectUrl?: string;
  /** Inbound auth; default: HS256 with TEST_JWT_SECRET, no issuer, audience or router secret. */
  readonly auth?: Partial<AuthConfig>;
  /** Provider call policies; default: the service's, with a short backoff ({@link TEST_BACKOFF}). */
  readonly resilience?: ResilienceOverrides;
  /** Metrics, tracing and GraphiQL; default: DEFAULT_OBSERVABILITY (metrics on the public port, tracing off). */
  readonly observability?: Partial<ObservabilityConfig>;
  /** HTTP server and demand limits; default: the service's (DEFAULT_HARDENING). */
  readonly hardening?: HardeningOverrides;
}

/** Overrides of the server limits and of the demand limits, each field on its own. */
export interface HardeningOverrides {
  readonly server?: Partial<HardeningConfig['server']>;
  readonly demand?: Partial<HardeningConfig['demand']>;
}

type ResilienceOverrides = NonNullable<Parameters<typeof resilienceConfig>[1]>;

/** Retries wait milliseconds, not the service's up to a second, so failing cases stay quick. */
export const TEST_BACKOFF = { initialDelayMs: 5, maxDelayMs: 20 } as const;

/** The HS256 secret test stacks verify tokens with (unless `auth` says otherwise). */
export const TEST_JWT_SECRET = 'test-secret-of-the-test-stack-0123456789abcdef';

/** A token signed with TEST_JWT_SECRET: every scope and an hour unless told otherwise. */
export function testToken(options: { scopes?: readonly string[]; lifetimeSeconds?: number; secret?: string; issuer?: string; audience?: string; subject?: string } = {}): Promise<string> {
  return signToken({
    secret: options.secret ?? TEST_JWT_SECRET,
    scopes: options.scopes ?? ALL_SCOPES,
    lifetimeSeconds: options.lifetimeSeconds ?? 3600,
    subject: options.subject ?? 'test-client',
    ...(options.issuer !== undefined && { issuer: options.issuer }),
    ...(options.audience !== undefined && { audience: options.audience }),
  });
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const started: RunningSimulator[] = [];
  const closeSimulators = () => Promise.all(started.map((simulator) => simulator.close()));
  let runtime: Runtime;
  const auth: AuthConfig = {
    jwtSecret: TEST_JWT_SECRET,
    jwksUrl: null,
    issuer: null,
    audience: null,
    disabled: false,
    routerSecret: null,
    ...options.auth,
  };
  const token = await testToken({
    secret: auth.jwtSecret ?? TEST_JWT_SECRET,
    ...(auth.issuer !== null && { issuer: auth.issuer }),
    ...(auth.audience !== null && { audience: auth.audience }),
  });
  let rc: RunningSimulator;
  let cdc: RunningSimulator;
  let dc: RunningSimulator;
  try {
    rc = await startRecoveryConnectSimulator({ timeZone: options.recoveryConnectTimeZone ?? 'UTC', ...options.simulator });
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
      introspection: true,
      landingPage: true,
      logLevel: 'silent',
      providerTimeoutMs: options.providerTimeoutMs ?? 5_000,
      recoveryConnect: {
        mode: 'remote',
        baseUrl: options.recoveryConnectUrl ?? rc.url,
        credentials: options.simulator?.credentials ?? recoveryConnectFixture.credentials,
      },
      recoveryConnectTimeZone: options.recoveryConnectTimeZone ?? 'UTC',
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
      ...options.exposure,
      auth,
      resilience: resilienceConfig(options.providerTimeoutMs ?? 5_000, { backoff: TEST_BACKOFF, ...options.resilience }),
      shutdown: { delayMs: 0, graceMs: DEFAULT_SHUTDOWN_GRACE_MS },
      observability: { ...DEFAULT_OBSERVABILITY, ...options.observability },
      hardening: {
        server: { ...DEFAULT_HARDENING.server, ...options.hardening?.server },
        demand: { ...DEFAULT_HARDENING.demand, ...options.hardening?.demand },
      },
    };
    runtime = await startRuntime(config, options.logger ?? createLogger({ level: 'silent' }));
  } catch (error) {
    await closeSimulators();
    throw error;
  }

  const gqlAs: TestStack['gqlAs'] = async (bearer, query, variables, headers = {}) => {
    const res = await fetch(runtime.app.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer !== null && { authorization: `Bearer ${bearer}` }),
        ...(auth.routerSecret !== null && { [ROUTER_SECRET_HEADER]: auth.routerSecret }),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as Omit<GraphQLAnswer, 'status'>) };
  };

  const sims: StackSimulators = {
    recoveryConnect: simControl(rc.url),
    cdc: simControl(cdc.url),
    debtCollection: simControl(dc.url),
  };
  return {
    graphqlUrl: runtime.app.graphqlUrl,
    metricsUrl: runtime.app.metricsUrl,
    simulatorUrl: rc.url,
    sim: sims.recoveryConnect,
    sims,
    simulatorUrls: { recoveryConnect: rc.url, cdc: cdc.url, debtCollection: dc.url },
    token,
    gql: (query, variables) => gqlAs(token, query, variables),
    gqlAs,
    async close() {
      await runtime.close();
      await closeSimulators();
    },
  };
}

/** The three provider simulators' control routes, for checks that no provider was called. */
export function simulatorsOf(stack: TestStack): SimControl[] {
  return [stack.sims.recoveryConnect, stack.sims.cdc, stack.sims.debtCollection];
}
