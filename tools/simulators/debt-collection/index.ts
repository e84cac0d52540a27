/** Magicline debt-collection simulator: the only stand-in for the provider, so it holds the contract strictly. */
import type { RawDebtorCases } from '../../../src/providers/debt-collection/raw';
import type { RunFixture } from '../fixtures';
import { RATE_LIMIT_PER_MINUTE } from '../../../src/providers/debt-collection/raw';
import { debtCollectionFixture } from '../fixtures';
import { createFaultStore } from '../common/faults';
import { isIntegerAtLeast, isIntegerBetween } from '../common/guards';
import { listen, type RunningSimulator } from '../common/listen';
import { createRequestLog } from '../common/request-log';
import { createRequestIdStore } from './idempotency';
import { createRateLimiter, RATE_LIMIT_WINDOW_MS } from './rate-limit';
import { createDebtCollectionApp } from './routes';
import { createRunStore } from './runs';
import { createDebtorStore } from './store';
import { createWriteLog, type WriteEntry } from './write-log';

export type { RunningSimulator } from '../common/listen';
export { API_PREFIX } from './routes';

/** How to start a debt-collection simulator; every field has a default. */
export interface DebtCollectionSimulatorOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default: the fixture's. */
  apiKey?: string;
  /** Default: the fixture's. Always deep-cloned; the caller's objects are never changed. */
  debtors?: RawDebtorCases[];
  /** Transfer runs. Default: the fixture's. Deep-cloned too. */
  runs?: RunFixture[];
  /** Requests a minute per endpoint. Default 1000, as documented. */
  rateLimitPerMinute?: number;
  /**
   * The rate limit's window in ms. Default 60000, as documented; tests shorten it (and scale
   * `rateLimitPerMinute`, then the limit per window) to prove in seconds what takes minutes.
   */
  rateLimitWindowMs?: number;
  /** The simulator's clock (rate-limit windows, log and write times). Default `() => new Date()`. */
  now?: () => Date;
}

/** Starts a debt-collection simulator on a real socket; its API is below {@link API_PREFIX}. */
export async function startDebtCollectionSimulator(options: DebtCollectionSimulatorOptions = {}): Promise<RunningSimulator> {
  const port = options.port ?? 0;
  const limitPerMinute = options.rateLimitPerMinute ?? RATE_LIMIT_PER_MINUTE;
  const apiKey = options.apiKey ?? debtCollectionFixture.apiKey;
  if (!isIntegerBetween(port, 0, 65535)) throw new RangeError(`Invalid port ${String(port)}.`);
  if (!isIntegerAtLeast(limitPerMinute, 1)) throw new RangeError(`Invalid rateLimitPerMinute ${String(limitPerMinute)}.`);
  const windowMs = options.rateLimitWindowMs ?? RATE_LIMIT_WINDOW_MS;
  if (!isIntegerBetween(windowMs, 100, RATE_LIMIT_WINDOW_MS)) throw new RangeError(`Invalid rateLimitWindowMs ${String(windowMs)}.`);
  if (apiKey === '') throw new RangeError('The API key must not be empty.');

  const now = options.now ?? ((): Date => new Date());
  const app = createDebtCollectionApp({
    apiKey,
    store: createDebtorStore(options.debtors ?? debtCollectionFixture.debtors),
    runs: createRunStore(options.runs ?? debtCollectionFixture.runs),
    requestIds: createRequestIdStore(),
    writes: createWriteLog<WriteEntry>(),
    log: createRequestLog(),
    faults: createFaultStore(),
    rateLimit: createRateLimiter({ limitPerMinute, windowMs, now }),
    now,
  });
  return listen(app, { host: options.host ?? '127.0.0.1', port });
}
