/** The provider clients of one running service. */
import type { CdcClient } from './cdc/client';
import type { DebtCollectionClient } from './debt-collection/client';
import type { RecoveryConnectClient } from './recovery-connect/client';

/** Long-lived clients, one per provider, shared by all requests. */
export interface Providers {
  readonly recoveryConnect: RecoveryConnectClient;
  readonly cdc: CdcClient;
  readonly debtCollection: DebtCollectionClient;
}

