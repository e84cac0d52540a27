/** Debt-collection simulator — SKELETON so the wiring compiles; the debt-collection simulator helper replaces it. */
import express from 'express';
import type { RawDebtorCases } from '../../providers/debt-collection/raw';
import { listen, type RunningSimulator } from '../common/listen';

export type { RunningSimulator } from '../common/listen';

/** The provider's API lives below this path; the graph's base URL is `<simulator url>/v1`. */
export const API_PREFIX = '/v1';

/** How to start a debt-collection simulator; every field has a default. */
export interface DebtCollectionSimulatorOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default: the fixture's. */
  apiKey?: string;
  /** Default: the fixture's. Always deep-cloned. */
  debtors?: RawDebtorCases[];
  /** Requests a minute per endpoint. Default 1000, as documented. */
  rateLimitPerMinute?: number;
  /** The simulator's clock. Default `() => new Date()`. */
  now?: () => Date;
}

export async function startDebtCollectionSimulator(options: DebtCollectionSimulatorOptions = {}): Promise<RunningSimulator> {
  const app = express();
  return listen(app, { host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
}
