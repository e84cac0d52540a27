/**
 * The circuit breaker of one provider through GraphQL: it opens after repeated failures, then
 * answers at once with a retryable PROVIDER_ERROR that says when to come back, sending nothing;
 * after the half-open delay one probe closes it. One provider down never holds up the others.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startStack, type TestStack } from '../support/stack';
import { callsTo, onlyError, READS, TYPING, timed, type ProviderRead } from './support';

const CALL_TIMEOUT_MS = 300;
const HALF_OPEN_AFTER_MS = 500;
const [RECOVERY_CONNECT, CDC, DEBT_COLLECTION] = READS as [ProviderRead, ProviderRead, ProviderRead];

let stack: TestStack;

beforeEach(async () => {
  stack = await startStack({
    providerTimeoutMs: CALL_TIMEOUT_MS,
    resilience: { requestDeadlineMs: 5_000, breaker: { consecutiveFailures: 3, halfOpenAfterMs: HALF_OPEN_AFTER_MS } },
  });
});
afterEach(async () => {
  await stack.close();
});

/** Takes a provider down (every request reset) and fails one read: its 3 attempts open the breaker. */
async function open(read: ProviderRead): Promise<void> {
  await read.sim(stack).fault({ method: read.method, path: read.path, reset: true, times: 0 });
  expect(onlyError(await stack.gql(read.query)).message).toBe(`${read.label} could not be reached (ECONNRESET).`);
  expect(await callsTo(read.sim(stack), read.method, read.path)).toBe(3);
}

describe.each(READS)('the $label breaker', (read) => {
  it('opens, fails fast without calling the provider, and a half-open probe closes it', async () => {
    await open(read);
    const sim = read.sim(stack);

    const { result: fast, ms } = await timed(() => stack.gql(read.query));
    const error = onlyError(fast);
    expect(error.message).toMatch(new RegExp(`^${read.label} is failing; calls to it are paused for \\d+ s\\.$`));
    expect(error.extensions).toEqual({ code: 'PROVIDER_ERROR', provider: read.provider, retryable: true, retryAfterSeconds: 1 });
    expect(await callsTo(sim, read.method, read.path)).toBe(3); // nothing sent
    expect(ms).toBeLessThan(CALL_TIMEOUT_MS); // it did not wait for a timeout

    // The provider is back; after the half-open delay one probe goes through and closes the breaker.
    await sim.clearFaults();
    await sleep(HALF_OPEN_AFTER_MS + 50);
    expect((await stack.gql(read.query)).errors).toBeUndefined();
    expect((await stack.gql(read.query)).errors).toBeUndefined();
    expect(await callsTo(sim, read.method, read.path)).toBe(5);
  });

  it('opens again when the probe fails', async () => {
    await open(read);
    await sleep(HALF_OPEN_AFTER_MS + 50);
    // The probe is one attempt: the breaker opens again before the retry.
    expect(onlyError(await stack.gql(read.query)).extensions).toMatchObject({ retryable: true, retryAfterSeconds: 1 });
    expect(await callsTo(read.sim(stack), read.method, read.path)).toBe(4);
  });
});

describe('an open breaker on a write', () => {
  it('answers setCdcStatus with a retryable ProviderError carrying retryAfterSeconds, and sends nothing', async () => {
    await open(CDC);
    const answer = await stack.gql(
      `mutation { setCdcStatus(input: { code: "${TYPING}", status: ANALYSIS }) {
        __typename ... on ProviderError { provider retryable retryAfterSeconds }
      } }`,
    );
    expect(answer.data?.setCdcStatus).toEqual({ __typename: 'ProviderError', provider: 'CDC', retryable: true, retryAfterSeconds: 1 });
    expect(await callsTo(stack.sims.cdc, 'POST', '/assignment/status/')).toBe(0);
    expect(await stack.sims.cdc.writes()).toEqual([]);
  });
});

describe('isolation', () => {
  it('leaves the other providers answering while one is open', async () => {
    await open(DEBT_COLLECTION);
    for (const other of [RECOVERY_CONNECT, CDC]) expect((await stack.gql(other.query)).errors).toBeUndefined();
  });

  it('answers queries that need only the other providers while one hangs', async () => {
    await DEBT_COLLECTION.sim(stack).fault({ method: 'GET', path: DEBT_COLLECTION.path, delayMs: 10_000, times: 0 });
    const order: string[] = [];
    const track = (name: string, pending: Promise<unknown>) =>
      pending.then(() => {
        order.push(name);
      });

    await Promise.all([
      track('debt collection', stack.gql(DEBT_COLLECTION.query)),
      track('RecoveryConnect', stack.gql(RECOVERY_CONNECT.query)),
      track('CDC', stack.gql(CDC.query)),
      track('both', stack.gql(`{ ${RECOVERY_CONNECT.query.slice(1, -1)} ${CDC.query.slice(1, -1)} }`)),
    ]);

    expect(order.at(-1)).toBe('debt collection');
  });
});
