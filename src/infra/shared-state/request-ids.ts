/**
 * The requestId store in Redis (the domain's `RequestIdStore`, idempotency.ts), shared by every
 * replica and kept across their restarts:
 *
 * - The first request of a requestId claims it: `SET key {pending, fingerprint, token} NX PX`.
 *   Its owner writes, then records the outcome: accepted (`{accepted, fingerprint, caseId}`,
 *   kept `ttlMs`), or not (its own pending entry is deleted, compare-and-delete, so a retry may
 *   write).
 * - Another request of the same requestId with the same input finds the entry: accepted → a
 *   replay; pending → it polls until the owner's outcome is there (then a replay, or it claims
 *   the id itself), or until its own deadline (then a retryable refusal). With other input it is
 *   a conflict at once.
 * - A pending entry outlives its owner's request deadline, so an owner that died frees the id
 *   after `pendingTtlMs`.
 *
 * Redis unreachable: `admit` throws `SharedStateUnavailable` (nothing is sent). An outcome that
 * cannot be recorded is logged; the provider's own requestId store still answers a replay.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Admission, RequestIdStore } from '../../application/debt-collection/ports';
import { SharedStateUnavailable } from '../../application/ports/shared-state';
import type { Logger } from '../logger';
import { currentDeadline, DEFAULT_REQUEST_DEADLINE_MS } from '../deadline';

export interface RedisRequestIdStoreOptions {
  /** Key prefix, naming the tenant. */
  readonly namespace: string;
  /** How long an accepted requestId is remembered (the in-memory store's TTL). */
  readonly ttlMs: number;
  /** How long a claim lives without an outcome: longer than any request may run. */
  readonly pendingTtlMs: number;
  /** How often a request waiting for an identical one in flight looks again. */
  readonly pollMs?: number;
  readonly logger: Logger;
}

type Entry =
  | { readonly state: 'pending'; readonly fingerprint: string; readonly token: string }
  | { readonly state: 'accepted'; readonly fingerprint: string; readonly caseId: string };

/** Deletes the key only while it still holds our claim (the pattern Redis documents for SET NX). */
const DELETE_IF_OURS = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

const UNREACHABLE = 'the requestId store (Redis) cannot be reached, so a replay could not be told from a new write.';

export function createRedisRequestIdStore(redis: Redis, options: RedisRequestIdStoreOptions): RequestIdStore {
  const pollMs = options.pollMs ?? 50;
  const keyOf = (requestId: string) => `${options.namespace}:${requestId}`;

  /** A Redis command, or the refusal the domain turns into "nothing sent, try again". */
  async function command<T>(run: () => Promise<T>): Promise<T> {
    if (redis.status !== 'ready') throw new SharedStateUnavailable(UNREACHABLE, 1);
    try {
      return await run();
    } catch {
      throw new SharedStateUnavailable(UNREACHABLE, 1);
    }
  }

  function proceed(key: string, claim: string, fingerprint: string): Admission {
    let open = true;
    return {
      kind: 'proceed',
      async settle(acceptedCaseId) {
        if (!open) return;
        open = false;
        try {
          if (acceptedCaseId === null) {
            await redis.eval(DELETE_IF_OURS, 1, key, claim);
          } else {
            const accepted: Entry = { state: 'accepted', fingerprint, caseId: acceptedCaseId };
            await redis.set(key, JSON.stringify(accepted), 'PX', options.ttlMs);
          }
        } catch (error) {
          // Not recorded: the claim expires after pendingTtlMs, and a replay of an accepted write
          // is then sent again with the same requestId, which the provider answers without writing.
          options.logger.warn(
            { updateRequestId: key.slice(options.namespace.length + 1), accepted: acceptedCaseId !== null, reason: (error as Error).message },
            'the outcome of a debt-collection write could not be recorded in Redis',
          );
        }
      },
    };
  }

  return {
    async admit(requestId, fingerprint) {
      const key = keyOf(requestId);
      const deadline = currentDeadline();
      const remainingMs = () => (deadline ? deadline.remainingMs() : DEFAULT_REQUEST_DEADLINE_MS);
      for (;;) {
        const claim = JSON.stringify({ state: 'pending', fingerprint, token: randomUUID() } satisfies Entry);
        const claimed = await command(() => redis.set(key, claim, 'PX', options.pendingTtlMs, 'NX'));
        if (claimed === 'OK') return proceed(key, claim, fingerprint);
        const raw = await command(() => redis.get(key));
        // Gone between the two commands: its owner failed, or it expired. Claim again.
        if (raw === null) continue;
        const entry = parseEntry(raw);
        if (!entry) throw new SharedStateUnavailable('the requestId store holds an entry that cannot be read.', 1);
        if (entry.fingerprint !== fingerprint) return { kind: 'conflict' };
        if (entry.state === 'accepted') return { kind: 'replay', agencyCollectionCaseId: entry.caseId };
        if (remainingMs() < pollMs * 2) {
          throw new SharedStateUnavailable('a request with this requestId and this input is still in progress.', 1);
        }
        await sleep(pollMs);
      }
    },
  };
}

function parseEntry(raw: string): Entry | null {
  try {
    const value = JSON.parse(raw) as Partial<Record<string, unknown>>;
    if (typeof value.fingerprint !== 'string') return null;
    if (value.state === 'pending' && typeof value.token === 'string') {
      return { state: 'pending', fingerprint: value.fingerprint, token: value.token };
    }
    if (value.state === 'accepted' && typeof value.caseId === 'string') {
      return { state: 'accepted', fingerprint: value.fingerprint, caseId: value.caseId };
    }
    return null;
  } catch {
    return null;
  }
}
