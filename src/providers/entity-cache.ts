/**
 * The provider clients with the entity cache: `readers` for the request loaders (queries and
 * federation entity references), whose single-entity reads go through the cache; `writers` for
 * everything else, whose reads stay fresh and whose writes invalidate what they change. A mutation
 * therefore never decides on cached data (a case update reads the case fresh under its lock; a CDC
 * status change reads the status fresh, see src/providers/cdc/status-port.ts).
 *
 * Cached, by entity: RecoveryConnect assignments (by id), Banco CDC assignments (by code, found
 * ones), debt-collection cases (by agencyCollectionCaseId, readable ones). Lists, searches by
 * debtor, collaterals, status histories, blocked lists and transfer runs are always read fresh.
 * Not-found answers are never cached.
 */
import type { Providers } from './providers';
import type { CdcClient } from './cdc/client';
import type { DebtCollectionClient, ReadCase } from './debt-collection/client';
import type { RecoveryConnectClient } from './recovery-connect/client';
import { isUnreadable } from '../domain/unreadable';
import type { CacheEntry, EntityCache } from '../infra/shared-state/entity-cache';

const tag = {
  assignment: (id: string) => `rc:assignment:${id}`,
  cdcAssignment: (code: string) => `cdc:assignment:${code}`,
  debtCase: (agencyCollectionCaseId: string) => `dc:case:${agencyCollectionCaseId}`,
  debtor: (debtorId: string) => `dc:debtor:${debtorId}`,
} as const;

export interface CachedProviders {
  readonly readers: Providers;
  readonly writers: Providers;
}

export function cachedProviders(providers: Providers, cache: EntityCache): CachedProviders {
  return {
    readers: {
      recoveryConnect: cachedRecoveryConnect(providers.recoveryConnect, cache),
      cdc: cachedCdc(providers.cdc, cache),
      debtCollection: cachedDebtCollection(providers.debtCollection, cache),
    },
    writers: {
      recoveryConnect: {
        ...providers.recoveryConnect,
        // Invalidated whatever the outcome: a failed write may still have been applied.
        updateAssignment: (id, patch) => afterwards(providers.recoveryConnect.updateAssignment(id, patch), () => cache.invalidate([tag.assignment(id)])),
      },
      cdc: {
        ...providers.cdc,
        setStatus: (request) => afterwards(providers.cdc.setStatus(request), () => cache.invalidate([tag.cdcAssignment(request.code)])),
      },
      debtCollection: {
        ...providers.debtCollection,
        // The debtor's block is part of every case of the debtor.
        update: (payload) =>
          afterwards(providers.debtCollection.update(payload), () =>
            cache.invalidate([tag.debtCase(payload.agencyCollectionCaseId), tag.debtor(payload.debtorId)]),
          ),
      },
    },
  };
}

/** `call`'s outcome, once `then` (which never rejects) has run. */
async function afterwards<T>(call: Promise<T>, then: () => Promise<void>): Promise<T> {
  try {
    return await call;
  } finally {
    await then();
  }
}

/**
 * Hits from the cache, the rest read in one call; what the read returned is stored.
 * `read` answers for the ids it was given (in any order); `entriesOf` says what to keep of it.
 */
async function throughCache<R>(
  cache: EntityCache,
  kind: string,
  ids: readonly string[],
  read: (missing: readonly string[]) => Promise<R[]>,
  entriesOf: (found: readonly R[]) => CacheEntry<R>[],
): Promise<R[]> {
  const hits = await cache.getMany<R>(kind, ids);
  const missing = ids.filter((id) => !hits.has(id));
  if (missing.length === 0) return [...hits.values()];
  const startedAt = await cache.readStart();
  const found = await read(missing);
  await cache.setMany(kind, entriesOf(found), startedAt);
  return [...hits.values(), ...found];
}

function cachedRecoveryConnect(client: RecoveryConnectClient, cache: EntityCache): RecoveryConnectClient {
  return {
    ...client,
    assignmentsByIds: (ids) =>
      throughCache(cache, 'rc-assignment', ids, (missing) => client.assignmentsByIds(missing), (found) =>
        found.map((assignment) => ({ id: assignment.id, value: assignment, tags: [tag.assignment(assignment.id)] })),
      ),
  };
}

function cachedCdc(client: CdcClient, cache: EntityCache): CdcClient {
  return {
    ...client,
    async assignment(code) {
      const [read] = await throughCache(cache, 'cdc-assignment', [code], async () => [await client.assignment(code)], (found) =>
        found.flatMap((read) => (read.kind === 'found' ? [{ id: code, value: read, tags: [tag.cdcAssignment(code)] }] : [])),
      );
      return read ?? client.assignment(code);
    },
  };
}

function cachedDebtCollection(client: DebtCollectionClient, cache: EntityCache): DebtCollectionClient {
  return {
    ...client,
    readCases(query) {
      const byAgencyIdOnly = query.debtorIds === undefined && query.collectionCaseIds === undefined;
      const ids = query.agencyCollectionCaseIds;
      if (!byAgencyIdOnly || ids === undefined || ids.length === 0) return client.readCases(query);
      return throughCache<ReadCase>(cache, 'dc-case', ids, (missing) => client.readCases({ agencyCollectionCaseIds: missing }), (found) =>
        found.flatMap((read) =>
          isUnreadable(read.value)
            ? []
            : [{ id: read.agencyCollectionCaseId, value: read, tags: [tag.debtCase(read.agencyCollectionCaseId), tag.debtor(read.debtorId)] }],
        ),
      );
    },
  };
}
