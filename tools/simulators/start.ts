import { startCdcSimulator, type CdcSimulatorOptions } from './cdc';
import type { RunningSimulator } from './common/listen';
import { startDebtCollectionSimulator, type DebtCollectionSimulatorOptions } from './debt-collection';
import { startRecoveryConnectSimulator, type RecoveryConnectSimulatorOptions } from './recovery-connect';

/** Options per simulator. */
export interface SimulatorsOptions {
  /** Host for every simulator that does not set its own. Default `127.0.0.1`. */
  host?: string;
  recoveryConnect?: RecoveryConnectSimulatorOptions;
  cdc?: CdcSimulatorOptions;
  debtCollection?: DebtCollectionSimulatorOptions;
}

/** Every running simulator, and one `close()` for all of them. */
export interface RunningSimulators {
  readonly recoveryConnect: RunningSimulator;
  readonly cdc: RunningSimulator;
  /** Its API is below `/v1` (see `API_PREFIX`); the control routes are at the root. */
  readonly debtCollection: RunningSimulator;
  close(): Promise<void>;
}

/** Starts all simulators; if one fails to start, the ones already started are closed. */
export async function startSimulators(options: SimulatorsOptions = {}): Promise<RunningSimulators> {
  const started: RunningSimulator[] = [];
  const track = (simulator: RunningSimulator): RunningSimulator => {
    started.push(simulator);
    return simulator;
  };
  const close = async (): Promise<void> => {
    await Promise.all(started.map((simulator) => simulator.close()));
  };
  const host = (own: string | undefined): string | undefined => own ?? options.host;

  try {
    const rc = options.recoveryConnect ?? {};
    const recoveryConnect = track(await startRecoveryConnectSimulator({ ...rc, host: host(rc.host) }));
    const cdcOptions = options.cdc ?? {};
    const cdc = track(await startCdcSimulator({ ...cdcOptions, host: host(cdcOptions.host) }));
    const dc = options.debtCollection ?? {};
    const debtCollection = track(await startDebtCollectionSimulator({ ...dc, host: host(dc.host) }));
    return { recoveryConnect, cdc, debtCollection, close };
  } catch (error) {
    await close();
    throw error;
  }
}
