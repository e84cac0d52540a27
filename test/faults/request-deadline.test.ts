/**
 * The deadline of a GraphQL request bounds every provider call made for it, even when the
 * per-call timeout is longer: the answer is a typed PROVIDER_ERROR once it passes, and nothing is
 * repeated after it.
 */
import { startStack, type TestStack } from '../support/stack';
import { callsTo, onlyError, READS, resetSimulators, timed, TYPING, type ProviderRead } from './support';

const DEADLINE_MS = 700;
const CALL_TIMEOUT_MS = 5_000;

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack({ providerTimeoutMs: CALL_TIMEOUT_MS, resilience: { requestDeadlineMs: DEADLINE_MS } });
});
afterAll(async () => {
  await stack.close();
});
afterEach(async () => {
  await resetSimulators(stack);
});

describe.each(READS)('a $label read', (read: ProviderRead) => {
  it('that hangs is cut at the request deadline, not at the longer call timeout', async () => {
    await read.sim(stack).fault({ method: read.method, path: read.path, delayMs: 10_000, times: 0 });

    const { result, ms } = await timed(() => stack.gql(read.query));

    const error = onlyError(result);
    expect(error.message).toBe(`${read.label} did not answer within the request's deadline.`);
    expect(error.extensions).toEqual({ code: 'PROVIDER_ERROR', provider: read.provider, retryable: true });
    expect(await callsTo(read.sim(stack), read.method, read.path)).toBe(1);
    expect(ms).toBeLessThan(CALL_TIMEOUT_MS);
  });
});

it('gives every request its own deadline', async () => {
  const read = READS[0] as ProviderRead;
  // Two slow answers one after the other: together longer than one deadline, each within its own.
  const delayMs = Math.round(DEADLINE_MS * 0.6);
  await read.sim(stack).fault({ method: read.method, path: read.path, delayMs, times: 2 });
  expect((await stack.gql(read.query)).errors).toBeUndefined();
  expect((await stack.gql(read.query)).errors).toBeUndefined();
  expect(await callsTo(read.sim(stack), read.method, read.path)).toBe(2);
});

it('settles a CDC status change that hit the deadline without sending it twice', async () => {
  await stack.sims.cdc.fault({ method: 'POST', path: '/assignment/status/', phase: 'after', delayMs: 10_000 });

  const answer = await stack.gql(`mutation { setCdcStatus(input: { code: "${TYPING}", status: ANALYSIS }) {
    __typename ... on ProviderError { provider retryable message }
  } }`);

  // The deadline also ends the read-back, so whether it went through is honestly unknown.
  expect(answer.data?.setCdcStatus).toMatchObject({ __typename: 'ProviderError', provider: 'CDC', retryable: true });
  expect((answer.data?.setCdcStatus as { message: string }).message).toMatch(/Whether the status changed is unknown; it is safe to send the change again\.$/);
  expect(await callsTo(stack.sims.cdc, 'POST', '/assignment/status/')).toBe(1);
  expect(await stack.sims.cdc.writes()).toHaveLength(1);
});
