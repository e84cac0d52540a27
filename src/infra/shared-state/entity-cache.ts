/**
 * The entity cache (ENTITY_CACHE_TTL_MS): provider reads of single entities, reused for the TTL,
 * in process or in Redis. It holds provider data, never GraphQL answers: every caller's access is
 * checked before a resolver runs, and the data is the same for every caller (the service's own
 * provider account), so nothing one caller may not see reaches another.
 *
 * Invalidation by tags: every entry carries tags (`case:<id>`, `debtor:<id>`, …) and the time its
 * provider read STARTED. A mutation of this graph invalidates its tags by writing the time of the
 * invalidation (a tombstone, kept as long as an entry lives); an entry is used only when its read
 * started after every tombstone of its tags. So a read that was already on its way when the write
 * happened cannot put the old value back. Times are Redis's own clock (TIME) when in Redis, so the
 * replicas' clocks do not matter.
 *
 * A cache that fails never fails a read: no hits (the provider is asked), nothing stored. An
 * invalidation that cannot reach Redis is kept and sent again once Redis answers.
 */
import { LRUCache } from 'lru-cache';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { keyHash } from './redis';

export interface CacheEntry<T> {
  readonly id: string;
  readonly value: T;
  readonly tags: readonly string[];
}

export interface EntityCache {
  /** The time to stamp a provider read with: call it before the read starts. */
  readStart(): Promise<number>;
  /** The valid entries among `ids` (misses are absent). Never rejects. */
  getMany<T>(kind: string, ids: readonly string[]): Promise<Map<string, T>>;
  /** Stores what a provider read that started at `startedAt` returned. Never rejects. */
  setMany<T>(kind: string, entries: readonly CacheEntry<T>[], startedAt: number): Promise<void>;
  /** No entry with one of `tags`, read before now, is used again. Never rejects. */
  invalidate(tags: readonly string[]): Promise<void>;
}

/** Most entries held in process (each entity read is one entry). */
export const IN_PROCESS_MAX_ENTRIES = 10_000;

interface Stored<T> {
  readonly value: T;
  readonly tags: readonly string[];
  /** When its provider read started. */
  readonly at: number;
}

/** The cache of one process. */
export function createMemoryEntityCache(options: { readonly ttlMs: number; readonly now?: () => number }): EntityCache {
  const now = options.now ?? Date.now;
  const entries = new LRUCache<string, Stored<unknown>>({ max: IN_PROCESS_MAX_ENTRIES, ttl: options.ttlMs, ttlResolution: 0, perf: { now } });
  // A tombstone outlives every entry it could hide.
  const tombstones = new LRUCache<string, number>({ max: IN_PROCESS_MAX_ENTRIES, ttl: options.ttlMs + 1_000, ttlResolution: 0, perf: { now } });
  const valid = (stored: Stored<unknown>) => stored.tags.every((tag) => (tombstones.get(tag) ?? -Infinity) < stored.at);
  return {
    readStart: () => Promise.resolve(now()),
    getMany<T>(kind: string, ids: readonly string[]) {
      const hits = new Map<string, T>();
      for (const id of ids) {
        const stored = entries.get(`${kind}:${id}`);
        if (stored && valid(stored)) hits.set(id, stored.value as T);
      }
      return Promise.resolve(hits);
    },
    setMany(kind, list, startedAt) {
      for (const entry of list) entries.set(`${kind}:${entry.id}`, { value: entry.value, tags: entry.tags, at: startedAt });
      return Promise.resolve();
    },
    invalidate(tags) {
      // Strictly after any read that started before this moment.
      const at = now();
      for (const tag of tags) tombstones.set(tag, at);
      return Promise.resolve();
    },
  };
}

/** The cache in Redis, shared by every replica. `namespace` names the tenants of the providers. */
export function createRedisEntityCache(
  redis: Redis,
  options: { readonly ttlMs: number; readonly namespace: string; readonly logger: Logger },
): EntityCache {
  const entryKey = (kind: string, id: string) => `${options.namespace}:e:${kind}:${keyHash(id)}`;
  // Tags may name a debtor: hashed, like every personal id in a key.
  const tagKey = (tag: string) => `${options.namespace}:t:${keyHash(tag)}`;
  const ready = () => redis.status === 'ready';
  /** Invalidations that did not reach Redis, sent again when it answers. */
  const owed = new Set<string>();

  async function serverTime(): Promise<number> {
    const [seconds, micros] = await redis.time();
    return Number(seconds) * 1000 + Number(micros) / 1000;
  }

  async function writeTombstones(tags: readonly string[]): Promise<void> {
    const at = await serverTime();
    const batch = redis.multi();
    for (const tag of tags) batch.set(tagKey(tag), String(at), 'PX', options.ttlMs + 1_000);
    await batch.exec();
  }

  redis.on('ready', () => {
    if (owed.size === 0) return;
    const tags = [...owed];
    owed.clear();
    writeTombstones(tags).catch(() => {
      for (const tag of tags) owed.add(tag);
    });
  });

  return {
    async readStart() {
      if (!ready()) return Number.NaN;
      try {
        return await serverTime();
      } catch {
        return Number.NaN;
      }
    },

    async getMany<T>(kind: string, ids: readonly string[]) {
      const hits = new Map<string, T>();
      if (!ready() || ids.length === 0 || owed.size > 0) return hits;
      try {
        const raws = await redis.mget(ids.map((id) => entryKey(kind, id)));
        const found: [string, Stored<T>][] = [];
        raws.forEach((raw, index) => {
          const id = ids[index];
          const stored = raw === null || id === undefined ? null : parseStored<T>(raw);
          if (id !== undefined && stored) found.push([id, stored]);
        });
        if (found.length === 0) return hits;
        const tags = [...new Set(found.flatMap(([, stored]) => stored.tags))];
        const stones = tags.length > 0 ? await redis.mget(tags.map(tagKey)) : [];
        const tombstone = new Map(tags.map((tag, index) => [tag, Number(stones[index] ?? -Infinity)]));
        for (const [id, stored] of found) {
          if (stored.tags.every((tag) => (tombstone.get(tag) ?? -Infinity) < stored.at)) hits.set(id, stored.value);
        }
      } catch {
        hits.clear();
      }
      return hits;
    },

    async setMany(kind, list, startedAt) {
      if (!ready() || list.length === 0 || Number.isNaN(startedAt)) return;
      try {
        const batch = redis.multi();
        for (const entry of list) {
          const stored: Stored<unknown> = { value: entry.value, tags: entry.tags, at: startedAt };
          batch.set(entryKey(kind, entry.id), JSON.stringify(stored), 'PX', options.ttlMs);
        }
        await batch.exec();
      } catch {
        // Not stored: the next read asks the provider.
      }
    },

    async invalidate(tags) {
      if (tags.length === 0) return;
      try {
        if (!ready()) throw new Error('Redis is not connected');
        await writeTombstones(tags);
      } catch (error) {
        for (const tag of tags) owed.add(tag);
        options.logger.warn(
          { reason: (error as Error).message, tags: tags.length },
          'the entity cache could not be invalidated in Redis; the cache is not used by this replica until it is',
        );
      }
    },
  };
}

function parseStored<T>(raw: string): Stored<T> | null {
  try {
    const stored = JSON.parse(raw) as Partial<Stored<T>>;
    if (typeof stored.at !== 'number' || !Array.isArray(stored.tags) || stored.value === undefined) return null;
    return { value: stored.value, tags: stored.tags, at: stored.at };
  } catch {
    return null;
  }
}
