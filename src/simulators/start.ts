import { startRecoveryConnectSimulator, type RecoveryConnectSimulatorOptions } from './recovery-connect';
import type { RunningSimulator } from './common/listen';

/** Options per simulator; CDC and debt collection will be sibling keys. */
export interface SimulatorsOptions {
  /** Host for every simulator that does not set its own. Default `127.0.0.1`. */
  host?: string;
  recoveryConnect?: RecoveryConnectSimulatorOptions;
}

/** Every running simulator, and one `close()` for all of them. */
export interface RunningSimulators {
  readonly recoveryConnect: RunningSimulator;
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
    return { recoveryConnect, close };
  } catch (error) {
    await close();
    throw error;
  }
}
