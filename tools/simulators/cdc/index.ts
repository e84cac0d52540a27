/** Banco CDC "CaaS" simulator: the documented contract (see `providers/cdc/raw.ts`), held strictly. */
import { cdcFixture, type CdcFixtureAssignment } from '../fixtures';
import { createFaultStore } from '../common/faults';
import { isIntegerAtLeast, isIntegerBetween } from '../common/guards';
import { listen, type RunningSimulator } from '../common/listen';
import { createRequestLog } from '../common/request-log';
import { createTokenStore } from '../common/token-store';
import { createCdcApp } from './routes';
import { createCdcStore } from './store';
import { createWriteLog, type StatusWrite } from './write-log';

export type { RunningSimulator } from '../common/listen';
export type { StatusWrite } from './write-log';

/** How to start a CDC simulator; every field has a default. */
export interface CdcSimulatorOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default: the fixture's. */
  credentials?: { client_key: string; client_secret: string };
  /** Default: the fixture's. Always deep-cloned; the caller's objects are never changed. */
  assignments?: CdcFixtureAssignment[];
  /** Default 3600, as documented. */
  tokenTtlSeconds?: number;
  /** The simulator's clock, for token expiry and timestamps. Default `() => new Date()`. */
  now?: () => Date;
}

/** Starts a CDC simulator on a real loopback socket. */
export async function startCdcSimulator(options: CdcSimulatorOptions = {}): Promise<RunningSimulator> {
  const port = options.port ?? 0;
  const ttlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!isIntegerBetween(port, 0, 65535)) throw new RangeError(`Invalid port ${String(port)}.`);
  if (!isIntegerAtLeast(ttlSeconds, 1)) throw new RangeError(`Invalid tokenTtlSeconds ${String(ttlSeconds)}.`);

  const now = options.now ?? ((): Date => new Date());
  const { client_key, client_secret } = options.credentials ?? cdcFixture.credentials;
  const app = createCdcApp({
    credentials: { client_key, client_secret },
    store: createCdcStore(options.assignments ?? cdcFixture.assignments),
    tokens: createTokenStore({ ttlSeconds, now }),
    log: createRequestLog(),
    writes: createWriteLog<StatusWrite>(),
    faults: createFaultStore(),
    now,
  });
  return listen(app, { host: options.host ?? '127.0.0.1', port });
}
