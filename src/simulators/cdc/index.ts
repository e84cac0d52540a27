/** CDC simulator — SKELETON so the wiring compiles; the CDC simulator helper replaces it. */
import express from 'express';
import type { CdcFixtureAssignment } from '../fixtures';
import { listen, type RunningSimulator } from '../common/listen';

export type { RunningSimulator } from '../common/listen';

/** How to start a CDC simulator; every field has a default. */
export interface CdcSimulatorOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default: the fixture's. */
  credentials?: { client_key: string; client_secret: string };
  /** Default: the fixture's. Always deep-cloned. */
  assignments?: CdcFixtureAssignment[];
  /** Default 3600, as documented. */
  tokenTtlSeconds?: number;
  /** The simulator's clock. Default `() => new Date()`. */
  now?: () => Date;
}

export async function startCdcSimulator(options: CdcSimulatorOptions = {}): Promise<RunningSimulator> {
  const app = express();
  return listen(app, { host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
}
