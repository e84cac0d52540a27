/**
 * The typed context every resolver receives: the provider clients, this request's DataLoaders
 * (fresh per request, so nothing is cached across users), and a logger bound to the request.
 */
import { randomUUID } from 'node:crypto';
import type { Caller } from './auth/caller';
import type { CaseWriteGuards } from './domain/debt-collection/write-guards';
import type { Logger } from './logger';
import type { CdcClient } from './providers/cdc/client';
import { createCdcLoaders, type CdcLoaders } from './providers/cdc/loaders';
import type { DebtCollectionClient } from './providers/debt-collection/client';
import { createDebtCollectionLoaders, type DebtCollectionLoaders } from './providers/debt-collection/loaders';
import type { RecoveryConnectClient } from './providers/recovery-connect/client';
import { createRecoveryConnectLoaders, type RecoveryConnectLoaders } from './providers/recovery-connect/loaders';

/** Long-lived clients, one per provider, shared by all requests. */
export interface Providers {
  readonly recoveryConnect: RecoveryConnectClient;
  readonly cdc: CdcClient;
  readonly debtCollection: DebtCollectionClient;
}

/** Long-lived state the domain keeps between requests, created once per instance. */
export interface Services {
  readonly debtCaseWrites: CaseWriteGuards;
  /** The clients the request loaders read entities with: through the entity cache when it is on (src/shared-state/). */
  readonly entityReaders?: Providers;
}

export interface GraphQLContext {
  /** Correlates log lines and masked errors of one request. */
  readonly requestId: string;
  /** Who calls, from the bearer token, verified once per request; access checks read it. */
  readonly auth: Caller;
  readonly logger: Logger;
  readonly providers: Providers;
  readonly services: Services;
  readonly loaders: {
    readonly recoveryConnect: RecoveryConnectLoaders;
    readonly cdc: CdcLoaders;
    readonly debtCollection: DebtCollectionLoaders;
  };
}

/** Request ids from outside are accepted only in a safe shape, so they cannot forge log lines. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createContextFactory(deps: {
  readonly providers: Providers;
  readonly services: Services;
  readonly logger: Logger;
}) {
  const readers = deps.services.entityReaders ?? deps.providers;
  return (incomingRequestId: string | undefined, auth: Caller): GraphQLContext => {
    const requestId = incomingRequestId && REQUEST_ID.test(incomingRequestId) ? incomingRequestId : randomUUID();
    return {
      requestId,
      auth,
      logger: deps.logger.child({ requestId }),
      providers: deps.providers,
      services: deps.services,
      loaders: {
        recoveryConnect: createRecoveryConnectLoaders(readers.recoveryConnect),
        cdc: createCdcLoaders(readers.cdc),
        debtCollection: createDebtCollectionLoaders(readers.debtCollection),
      },
    };
  };
}
