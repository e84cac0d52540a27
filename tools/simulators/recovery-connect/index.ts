import type { RawAssignment } from '../../../src/providers/recovery-connect/raw';
import { isTimeZone } from '../../../src/providers/values';
import { recoveryConnectFixture } from '../fixtures';
import { isIntegerAtLeast, isIntegerBetween } from '../common/guards';
import { createFaultStore } from '../common/faults';
import { listen, type RunningSimulator } from '../common/listen';
import { createRequestLog } from '../common/request-log';
import { createTokenStore } from '../common/token-store';
import { createRecoveryConnectApp } from './routes';
import { createAssignmentStore } from './store';

export type { RunningSimulator } from '../common/listen';

/** How to start a RecoveryConnect simulator; every field has a default. */
export interface RecoveryConnectSimulatorOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default: the fixture's. */
  credentials?: { username: string; password: string };
  /** Default: the fixture's. Always deep-cloned; the caller's objects are never changed. */
  assignments?: RawAssignment[];
  /** Default 3600, as the provider documents. */
  tokenTtlSeconds?: number;
  /** The simulator's clock, for token expiry and timestamps. Default `() => new Date()`. */
  now?: () => Date;
  /**
   * The provider's app zone: the wall clock of the timestamps it writes without a zone. Default
   * UTC; set it to the graph's `RECOVERY_CONNECT_TIME_ZONE`.
   */
  timeZone?: string;
}

/** Starts a RecoveryConnect simulator on a real loopback socket. */
export async function startRecoveryConnectSimulator(
  options: RecoveryConnectSimulatorOptions = {},
): Promise<RunningSimulator> {
  const port = options.port ?? 0;
  const ttlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!isIntegerBetween(port, 0, 65535)) throw new RangeError(`Invalid port ${String(port)}.`);
  if (!isIntegerAtLeast(ttlSeconds, 1)) throw new RangeError(`Invalid tokenTtlSeconds ${String(ttlSeconds)}.`);
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) throw new RangeError(`Invalid timeZone ${options.timeZone}.`);

  const now = options.now ?? ((): Date => new Date());
  const { username, password } = options.credentials ?? recoveryConnectFixture.credentials;
  let baseUrl = '';
  const app = createRecoveryConnectApp({
    credentials: { username, password },
    store: createAssignmentStore(options.assignments ?? recoveryConnectFixture.assignments, options.timeZone),
    tokens: createTokenStore({ ttlSeconds, now }),
    log: createRequestLog(),
    faults: createFaultStore(),
    now,
    baseUrl: () => baseUrl,
  });
  const running = await listen(app, { host: options.host ?? '127.0.0.1', port });
  baseUrl = running.url;
  return running;
}
