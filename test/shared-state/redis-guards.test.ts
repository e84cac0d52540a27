/**
 * The Redis versions of the domain's guards against a real Redis, each replica played by its own
 * connection: the requestId store, the write lock with its lease, and the entity cache's
 * invalidation of reads already on their way.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { SharedStateUnavailable } from '../../src/application/ports/shared-state';
import { createLogger } from '../../src/infra/logger';
import { createRedisEntityCache } from '../../src/infra/shared-state/entity-cache';
import { createRedisRequestIdStore } from '../../src/infra/shared-state/request-ids';
import { createRedisWriteLock } from '../../src/infra/shared-state/write-lock';
import { startRedis, type TestRedis } from '../support/redis';

const logger = createLogger({ level: 'silent' });
let redis: TestRedis;
const connections: Redis[] = [];

/** A connection as the service opens one: no offline queue, commands fail fast. */
async function connection(): Promise<Redis> {
  const client = new Redis(redis.url, { enableOfflineQueue: false, commandTimeout: 1_000, maxRetriesPerRequest: 0 });
  client.on('error', () => undefined);
  connections.push(client);
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const client of connections) client.disconnect();
  await redis.stop();
});

beforeEach(async () => {
  await redis.client().flushall();
});

const storeOf = (client: Redis) =>
  createRedisRequestIdStore(client, { namespace: 'rg:test:request', ttlMs: 60_000, pendingTtlMs: 5_000, pollMs: 10, logger });

describe('the requestId store in Redis', () => {
  it('lets one of two replicas write; the other waits and answers the same success', async () => {
    const [one, two] = [storeOf(await connection()), storeOf(await connection())];
    const first = await one.admit('r-1', 'fp');
    expect(first.kind).toBe('proceed');
    const waiting = two.admit('r-1', 'fp');
    await sleep(50);
    if (first.kind === 'proceed') await first.settle('agency-id-123');
    expect(await waiting).toStrictEqual({ kind: 'replay', agencyCollectionCaseId: 'agency-id-123' });
    // Remembered for any replica, later too.
    expect(await storeOf(await connection()).admit('r-1', 'fp')).toStrictEqual({ kind: 'replay', agencyCollectionCaseId: 'agency-id-123' });
  });

  it('answers other input a conflict, in flight and after', async () => {
    const [one, two] = [storeOf(await connection()), storeOf(await connection())];
    const first = await one.admit('r-2', 'fp-a');
    expect(await two.admit('r-2', 'fp-b')).toStrictEqual({ kind: 'conflict' });
    if (first.kind === 'proceed') await first.settle('agency-id-123');
    expect(await two.admit('r-2', 'fp-b')).toStrictEqual({ kind: 'conflict' });
  });

  it('frees a requestId whose write failed, so the same request may be sent again', async () => {
    const [one, two] = [storeOf(await connection()), storeOf(await connection())];
    const first = await one.admit('r-3', 'fp');
    const waiting = two.admit('r-3', 'fp');
    if (first.kind === 'proceed') await first.settle(null);
    expect((await waiting).kind).toBe('proceed');
  });

  it('refuses at once when Redis cannot be reached', async () => {
    const client = await connection();
    client.disconnect();
    await expect(storeOf(client).admit('r-4', 'fp')).rejects.toBeInstanceOf(SharedStateUnavailable);
  });
});

describe('the write lock in Redis', () => {
  const lockOf = (client: Redis, leaseMs = 2_000, renewBeforeMs = 500) =>
    createRedisWriteLock(client, { namespace: 'rg:test:lock', leaseMs, renewBeforeMs, retryDelayMs: 10, logger });

  it('runs the tasks of one key one at a time across replicas, and other keys alongside', async () => {
    const [one, two] = [lockOf(await connection()), lockOf(await connection())];
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await sleep(100);
      events.push(`${name} end`);
    };
    await Promise.all([one.run('debtor-1', task('a')), two.run('debtor-1', task('b'))]);
    expect(events.join(',')).toMatch(/^(a start,a end,b start,b end|b start,b end,a start,a end)$/);

    events.length = 0;
    await Promise.all([one.run('debtor-1', task('a')), two.run('debtor-2', task('b'))]);
    expect(events.slice(0, 2).sort()).toStrictEqual(['a start', 'b start']);
  });

  it('keeps the lease while the task runs past it, and says when it was lost', async () => {
    const client = await connection();
    const lock = lockOf(client, 400, 200);
    const kept = await lock.run('debtor-3', async (lease) => {
      await sleep(900);
      return lease.held();
    });
    expect(kept).toBe(true);

    const lost = await lock.run('debtor-4', async (lease) => {
      // Redis loses the key (a restart without persistence): the next renewal fails.
      await client.flushall();
      await sleep(500);
      return lease.held();
    });
    expect(lost).toBe(false);
  });

  it('refuses at once when Redis cannot be reached; the task does not run', async () => {
    const client = await connection();
    client.disconnect();
    let ran = false;
    await expect(
      lockOf(client).run('debtor-5', () => {
        ran = true;
        return Promise.resolve();
      }),
    ).rejects.toBeInstanceOf(SharedStateUnavailable);
    expect(ran).toBe(false);
  });
});

describe('the entity cache in Redis', () => {
  const cacheOf = (client: Redis) => createRedisEntityCache(client, { ttlMs: 60_000, namespace: 'rg:test:cache', logger });

  it('never stores back a read that started before an invalidation of its tags', async () => {
    const [reader, writer] = [cacheOf(await connection()), cacheOf(await connection())];
    const startedAt = await reader.readStart();
    await writer.invalidate(['dc:debtor:2334545']);
    await reader.setMany('dc-case', [{ id: 'agency-id-123', value: { paid: '0' }, tags: ['dc:case:agency-id-123', 'dc:debtor:2334545'] }], startedAt);
    expect(await reader.getMany('dc-case', ['agency-id-123'])).toStrictEqual(new Map());

    await reader.setMany('dc-case', [{ id: 'agency-id-123', value: { paid: '7' }, tags: ['dc:case:agency-id-123', 'dc:debtor:2334545'] }], await reader.readStart());
    expect(await writer.getMany('dc-case', ['agency-id-123', 'agency-id-999'])).toStrictEqual(new Map([['agency-id-123', { paid: '7' }]]));
  });

  it('keeps personal ids out of its keys', async () => {
    const cache = cacheOf(await connection());
    await cache.setMany('dc-case', [{ id: 'agency-id-123', value: {}, tags: ['dc:debtor:2334545'] }], await cache.readStart());
    await cache.invalidate(['dc:debtor:2334545']);
    const keys = await redis.client().keys('*');
    expect(keys.length).toBe(2);
    expect(keys.join(' ')).not.toMatch(/2334545|agency-id/);
  });
});
