/**
 * The hardening block of the configuration, read from the environment: the HTTP server's own
 * limits (src/http/server-limits.ts) and the demand one request may make (src/demand/limits.ts).
 */
import { integerSetting } from './env';
import { DEFAULT_DEMAND_LIMITS, type DemandLimits } from '../graphql/demand/limits';
import { DEFAULT_SERVER_LIMITS, type ServerLimits } from '../server/http/server-limits';

export interface HardeningConfig {
  readonly server: ServerLimits;
  readonly demand: DemandLimits;
}

export const DEFAULT_HARDENING: HardeningConfig = { server: DEFAULT_SERVER_LIMITS, demand: DEFAULT_DEMAND_LIMITS };

/** Reads HTTP_* and the demand variables; problems are added to `problems`. */
export function readHardeningConfig(env: NodeJS.ProcessEnv, problems: string[]): HardeningConfig {
  const read = (name: string, fallback: number, min: number, max: number): number => integerSetting(env, name, fallback, min, max, problems);
  const server = DEFAULT_SERVER_LIMITS;
  const demand = DEFAULT_DEMAND_LIMITS;
  const calls = demand.callsPerRequest;
  const headersTimeoutSeconds = read('HTTP_HEADERS_TIMEOUT_SECONDS', server.headersTimeoutSeconds, 1, 300);
  const requestTimeoutSeconds = read('HTTP_REQUEST_TIMEOUT_SECONDS', server.requestTimeoutSeconds, 1, 3600);
  if (requestTimeoutSeconds < headersTimeoutSeconds) {
    problems.push('HTTP_REQUEST_TIMEOUT_SECONDS must be at least HTTP_HEADERS_TIMEOUT_SECONDS (the whole request includes its headers).');
  }
  return {
    server: {
      headersTimeoutSeconds,
      requestTimeoutSeconds,
      keepAliveTimeoutSeconds: read('HTTP_KEEP_ALIVE_TIMEOUT_SECONDS', server.keepAliveTimeoutSeconds, 1, 600),
      maxConnections: read('HTTP_MAX_CONNECTIONS', server.maxConnections, 1, 1_000_000),
    },
    demand: {
      maxRepresentations: read('ENTITIES_MAX_REPRESENTATIONS', demand.maxRepresentations, 1, 100_000),
      maxCost: read('DEMAND_MAX_COST', demand.maxCost, 1, 100_000_000),
      callsPerRequest: {
        RECOVERY_CONNECT: read('RECOVERY_CONNECT_CALLS_PER_REQUEST', calls.RECOVERY_CONNECT, 1, 100_000),
        CDC: read('CDC_CALLS_PER_REQUEST', calls.CDC, 1, 100_000),
        DEBT_COLLECTION: read('DEBT_COLLECTION_CALLS_PER_REQUEST', calls.DEBT_COLLECTION, 1, 100_000),
      },
      concurrentPerRequest: read('PROVIDER_CONCURRENT_PER_REQUEST', demand.concurrentPerRequest, 1, 1024),
    },
  };
}
