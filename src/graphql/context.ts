/**
 * The typed context every resolver receives: the provider clients, this request's DataLoaders
 * (fresh per request, so nothing is cached across users), and a logger bound to the request.
 */
import type { Caller } from './auth/caller';
import type { CaseWriteGuards } from '../application/debt-collection/ports';
import type { Logger } from '../infra/logger';
import type { Providers } from '../providers/providers';

export type { Providers };
import { createCdcLoaders, type CdcLoaders } from '../providers/cdc/loaders';
import { createDebtCollectionLoaders, type DebtCollectionLoaders } from '../providers/debt-collection/loaders';
import { createRecoveryConnectLoaders, type RecoveryConnectLoaders } from '../providers/recovery-connect/loaders';

/** Long-lived state the domain keeps between requests, created once per instance. */
export interface Services {
  readonly debtCaseWrites: CaseWriteGuards;
  /** The clients the request loaders read entities with: through the entity cache when it is on (src/shared-state/). */
  readonly entityReaders?: Providers;
}

export interface GraphQLContext {
  /** Correlates log lines and masked errors of one request (src/request-context.ts). */
  readonly requestId: string;
  /** Who calls, from the bearer token, verified once per request; access checks read it. */
  readonly auth: Caller;
  /** The service's logger; every line written while serving the request carries its id (the logger's mixin). */
  readonly logger: Logger;
  readonly providers: Providers;
  readonly services: Services;
  readonly loaders: {
    readonly recoveryConnect: RecoveryConnectLoaders;
    readonly cdc: CdcLoaders;
    readonly debtCollection: DebtCollectionLoaders;
  };
}

export function createContextFactory(deps: {
  readonly providers: Providers;
  readonly services: Services;
  readonly logger: Logger;
}) {
  const readers = deps.services.entityReaders ?? deps.providers;
  /** `requestId`: the request's own (src/request-context.ts), never taken from a header here. */
  return (requestId: string, auth: Caller): GraphQLContext => {
    return {
      requestId,
      auth,
      logger: deps.logger,
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
