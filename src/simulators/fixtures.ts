import recoveryConnectJson from '../../fixtures/recoveryconnect.json';
import type { RawAssignment } from '../providers/recovery-connect/raw';

/** Simulator login for RecoveryConnect: demo data, not a secret. */
export interface SimulatorCredentials {
  readonly username: string;
  readonly password: string;
}

/** The project's RecoveryConnect seed data (`fixtures/recoveryconnect.json`). */
export interface RecoveryConnectFixture {
  readonly credentials: SimulatorCredentials;
  /** Shared, read-only: simulators deep-clone before changing anything. */
  readonly assignments: readonly RawAssignment[];
}

// The annotation makes the compiler check the JSON against the wire types.
const assignments: readonly RawAssignment[] = recoveryConnectJson.assignments;

export const recoveryConnectFixture: RecoveryConnectFixture = {
  credentials: recoveryConnectJson.credentials,
  assignments,
};
