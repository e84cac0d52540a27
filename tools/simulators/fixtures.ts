/**
 * The project's seed data for the simulators (`fixtures/*.json`, copied from the provider
 * documentation's examples). Typed against each provider's wire types, so a fixture that drifts
 * from the contract fails the build or the start, not a test far away.
 */
import cdcJson from './fixtures/cdc.json';
import debtCollectionJson from './fixtures/debt-collection.json';
import recoveryConnectJson from './fixtures/recoveryconnect.json';
import type { RawCdcAssignment, RawCdcOperation, RawStatusChange } from '../../src/providers/cdc/raw';
import {
  isOneOf,
  RAW_BLOCK_LIMITS,
  RAW_CLOSURE_TYPES,
  type RawBlock,
  type RawClosure,
  type RawDebt,
  type RawDebtorCases,
  type RawRunDebtor,
} from '../../src/providers/debt-collection/raw';
import type { RawAssignment } from '../../src/providers/recovery-connect/raw';

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

/** A CDC assignment as the simulator holds it: the wire shape plus its operations and history. */
export interface CdcFixtureAssignment extends RawCdcAssignment {
  readonly operations: readonly RawCdcOperation[];
  readonly status_history: readonly RawStatusChange[];
}

/** The project's CDC seed data (`fixtures/cdc.json`). Credentials are demo data, not secrets. */
export interface CdcFixture {
  readonly credentials: { readonly client_key: string; readonly client_secret: string };
  /** Shared, read-only: simulators deep-clone before changing anything. */
  readonly assignments: readonly CdcFixtureAssignment[];
}

const cdcAssignments: readonly CdcFixtureAssignment[] = cdcJson.assignments;

export const cdcFixture: CdcFixture = { credentials: cdcJson.credentials, assignments: cdcAssignments };

/** A transfer run as the simulator holds it: the wire's debtors plus whether it is confirmed. */
export interface RunFixture {
  readonly runId: string;
  readonly confirmed: boolean;
  readonly debtors: readonly RawRunDebtor[];
}

/** The project's debt-collection seed data (`fixtures/debt-collection.json`). The API key is demo data. */
export interface DebtCollectionFixture {
  readonly tenant: string;
  readonly apiKey: string;
  /** Shared, read-only: simulators deep-clone before changing anything. */
  readonly debtors: readonly RawDebtorCases[];
  /** Transfer runs (`GET /{runId}/debtors`, `POST /{runId}/confirmTransfer`). Read-only too. */
  readonly runs: readonly RunFixture[];
}


/** JSON imports type enums as `string`: check them once, here, and fail loudly on a bad fixture. */
function block(value: { limitType: string; endDate: string } | null): RawBlock | null {
  if (value === null) return null;
  const { limitType } = value;
  if (!isOneOf(RAW_BLOCK_LIMITS, limitType)) throw new Error(`fixtures/debt-collection.json: bad limitType ${limitType}`);
  return { limitType, endDate: value.endDate };
}

function closure(value: { type: string; date: string; options: unknown[]; rejectionReason: null; closureReason: null } | null): RawClosure | null {
  if (value === null) return null;
  const { type } = value;
  if (!isOneOf(RAW_CLOSURE_TYPES, type) || value.options.length > 0) {
    throw new Error(`fixtures/debt-collection.json: unsupported closure ${JSON.stringify(value)}`);
  }
  return { type, date: value.date, options: [], rejectionReason: null, closureReason: null };
}

type FixtureDebt = Omit<RawDebt, 'block'> & { block: { limitType: string; endDate: string } | null };

function debt(value: FixtureDebt): RawDebt {
  return { ...value, block: block(value.block) };
}

export const debtCollectionFixture: DebtCollectionFixture = {
  tenant: debtCollectionJson.tenant,
  apiKey: debtCollectionJson.apiKey,
  debtors: debtCollectionJson.debtors.map((debtor) => ({
    debtorId: debtor.debtorId,
    block: block(debtor.block),
    agencyCollectionCases: debtor.agencyCollectionCases.map((kase) => ({
      agencyCollectionCaseId: kase.agencyCollectionCaseId,
      publicCollectionCaseId: kase.publicCollectionCaseId,
      collectionCaseIds: kase.collectionCaseIds,
      closure: closure(kase.closure),
      debts: kase.debts.map(debt),
    })),
  })),
  runs: debtCollectionJson.runs.map((run) => ({
    runId: run.runId,
    confirmed: run.confirmed,
    debtors: run.debtors.map((debtor) => ({
      debtorId: debtor.debtorId,
      block: block(debtor.block),
      collectionCases: debtor.collectionCases.map((kase) => ({ collectionCaseId: kase.collectionCaseId, debts: kase.debts.map(debt) })),
    })),
  })),
};
