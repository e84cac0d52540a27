/**
 * The fault options every simulator shares (`POST /__sim/faults`), seen from a plain HTTP client:
 * delays, resets, broken and stalled bodies, the provider's own expired-token answer, and faults
 * that act after the real handler ran (phase "after": the write is applied, the answer is lost).
 */
import type { RawEnvelope } from '../../src/providers/cdc/raw';
import { startSimulators, type RunningSimulators } from '../../tools/simulators/start';
import { API_PREFIX } from '../../tools/simulators/debt-collection';
import { cdcFixture, debtCollectionFixture, recoveryConnectFixture } from '../../tools/simulators/fixtures';

const TYPING = '5b0e8c1a-2f4d-4a51-9c1e-000000000001'; // CDC status 1
const RC_ASSIGNMENTS = '/api/v150/assignments';
const DC_CASES = '/debt-collection/cases';

let sims: RunningSimulators;

beforeEach(async () => {
  sims = await startSimulators();
});
afterEach(async () => {
  await sims.close();
});

async function addFault(url: string, spec: unknown): Promise<Response> {
  return fetch(`${url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) });
}

async function fault(url: string, spec: unknown): Promise<void> {
  const res = await addFault(url, spec);
  expect(res.status).toBe(201);
}

async function cdcToken(): Promise<string> {
  const { client_key, client_secret } = cdcFixture.credentials;
  const res = await fetch(`${sims.cdc.url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_key, client_secret }),
  });
  return ((await res.json()) as RawEnvelope<{ access_token: string }>).data?.access_token ?? '';
}

async function rcToken(): Promise<string> {
  const res = await fetch(`${sims.recoveryConnect.url}/api/v140/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(recoveryConnectFixture.credentials),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

function cdc(method: string, path: string, token: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${sims.cdc.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    ...(signal && { signal }),
  });
}

function dcCases(signal?: AbortSignal): Promise<Response> {
  return fetch(`${sims.debtCollection.url}${API_PREFIX}${DC_CASES}?agencyCollectionCaseId=agency-id-123`, {
    headers: { 'x-api-key': debtCollectionFixture.apiKey },
    ...(signal && { signal }),
  });
}

async function cdcWrites(): Promise<unknown[]> {
  return ((await (await fetch(`${sims.cdc.url}/__sim/writes`)).json()) as { writes: unknown[] }).writes;
}

/** The `code` of the error a failed fetch carries (ECONNRESET, UND_ERR_SOCKET, ...). */
async function networkError(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => null,
    (rejected: unknown) => rejected,
  );
  // fetch rejects with a TypeError of Node's realm, not jest's: read it by shape.
  if (typeof error !== 'object' || error === null) throw new Error('expected the request to fail');
  const cause = 'cause' in error ? error.cause : null;
  return typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : 'no code';
}

describe('delay', () => {
  it('alone, delays the request and lets the real handler answer', async () => {
    await fault(sims.debtCollection.url, { path: `${API_PREFIX}${DC_CASES}`, delayMs: 150 });
    const started = Date.now();
    const res = await dcCases();
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await dcCases()).status).toBe(200); // `times` defaults to 1
  });

  it('drops a request whose client gave up while it waited: nothing is applied', async () => {
    const token = await cdcToken();
    await fault(sims.cdc.url, { method: 'POST', path: '/assignment/status/', delayMs: 400 });
    await expect(cdc('POST', `/assignment/status/?code=${TYPING}`, token, { number_status: 2 }, AbortSignal.timeout(50))).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await cdcWrites()).toEqual([]);
  });
});

describe('reset', () => {
  it('resets the connection without an answer', async () => {
    await fault(sims.debtCollection.url, { path: `${API_PREFIX}${DC_CASES}`, reset: true });
    expect(await networkError(dcCases())).toBe('ECONNRESET');
    expect((await dcCases()).status).toBe(200);
  });

  it('after a delay, when asked for both', async () => {
    await fault(sims.debtCollection.url, { delayMs: 50, reset: true });
    expect(await networkError(dcCases())).toBe('ECONNRESET');
  });
});

describe('corrupt bodies', () => {
  it('truncated: announces the whole length, sends half and closes the connection', async () => {
    await fault(sims.debtCollection.url, { path: `${API_PREFIX}${DC_CASES}`, status: 200, body: { result: ['x'.repeat(100)] }, corrupt: 'truncated' });
    const res = await dcCases();
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100);
    await expect(res.text()).rejects.toThrow();
  });

  it('invalid: half of the JSON as a complete answer', async () => {
    await fault(sims.debtCollection.url, { corrupt: 'invalid', status: 200, body: { result: [] } });
    const res = await dcCases();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"resu');
  });

  it('html: an HTML error page with the status, as a proxy sends', async () => {
    await fault(sims.recoveryConnect.url, { corrupt: 'html', status: 502 });
    const res = await fetch(`${sims.recoveryConnect.url}${RC_ASSIGNMENTS}`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('empty: no body at all, 200 unless a status is given', async () => {
    await fault(sims.cdc.url, { corrupt: 'empty' });
    const res = await fetch(`${sims.cdc.url}/assignment/list`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('0');
    expect(await res.text()).toBe('');
  });

  it('breaks the real answer when the fault acts after the handler', async () => {
    const token = await rcToken();
    await fault(sims.recoveryConnect.url, { path: RC_ASSIGNMENTS, phase: 'after', corrupt: 'invalid' });
    const res = await fetch(`${sims.recoveryConnect.url}${RC_ASSIGNMENTS}?ids=57074903`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"data":[{"id":')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });
});

describe('stallAfterBytes', () => {
  it('sends the headers and the first bytes, then stalls until the client gives up', async () => {
    await fault(sims.debtCollection.url, { path: `${API_PREFIX}${DC_CASES}`, phase: 'after', stallAfterBytes: 10 });
    const res = await dcCases(AbortSignal.timeout(300));
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(Buffer.from(first?.value ?? new Uint8Array()).toString('utf8')).toBe('{"result":');
    await expect(reader?.read()).rejects.toThrow();
  });
});

describe('expiredToken', () => {
  it("answers each provider's own 401 for a dead credential", async () => {
    await fault(sims.recoveryConnect.url, { expiredToken: true });
    const rc = await fetch(`${sims.recoveryConnect.url}${RC_ASSIGNMENTS}`);
    expect({ status: rc.status, body: await rc.json() }).toEqual({ status: 401, body: { message: 'Unauthenticated.' } });

    await fault(sims.cdc.url, { expiredToken: true });
    const cdcAnswer = await fetch(`${sims.cdc.url}/assignment/list`);
    expect(cdcAnswer.status).toBe(401);
    expect(await cdcAnswer.json()).toMatchObject({ return: false, return_code: '401-05', message: 'Invalid or expired token.' });

    await fault(sims.debtCollection.url, { expiredToken: true });
    const dc = await dcCases();
    expect(dc.status).toBe(401);
    expect(await dc.json()).toMatchObject({ errorCode: 'UNAUTHORIZED', errorMessage: 'Missing or invalid API key.' });
  });

  it('hits even a valid token, for `times` requests', async () => {
    const token = await cdcToken();
    await fault(sims.cdc.url, { path: '/assignment/', expiredToken: true, times: 2 });
    for (let i = 0; i < 2; i += 1) expect((await cdc('GET', `/assignment/?code=${TYPING}`, token)).status).toBe(401);
    expect((await cdc('GET', `/assignment/?code=${TYPING}`, token)).status).toBe(200);
  });
});

describe('phase "after": the write is applied, the answer is not', () => {
  it('reset after the handler: the status change is in the write log, the client saw no answer', async () => {
    const token = await cdcToken();
    await fault(sims.cdc.url, { method: 'POST', path: '/assignment/status/', phase: 'after', reset: true });
    expect(await networkError(cdc('POST', `/assignment/status/?code=${TYPING}`, token, { number_status: 2 }))).toBe('ECONNRESET');
    expect(await cdcWrites()).toEqual([expect.objectContaining({ code: TYPING, number_status: 2 })]);
  });

  it('a status after the handler replaces its answer, the write stays applied', async () => {
    const token = await cdcToken();
    await fault(sims.cdc.url, { method: 'POST', path: '/assignment/status/', phase: 'after', status: 503, retryAfterSeconds: 4 });
    const res = await cdc('POST', `/assignment/status/?code=${TYPING}`, token, { number_status: 2 });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('4');
    expect(await res.json()).toMatchObject({ return: false, return_code: '503-01' });
    expect(await cdcWrites()).toHaveLength(1);
  });

  it('a delay after the handler holds the answer back; a client that gives up still left the write applied', async () => {
    const token = await cdcToken();
    await fault(sims.cdc.url, { method: 'POST', path: '/assignment/status/', phase: 'after', delayMs: 2_000 });
    await expect(cdc('POST', `/assignment/status/?code=${TYPING}`, token, { number_status: 2 }, AbortSignal.timeout(100))).rejects.toThrow();
    expect(await cdcWrites()).toHaveLength(1);
  });

  it('a fault before the handler applies nothing', async () => {
    const token = await cdcToken();
    await fault(sims.cdc.url, { method: 'POST', path: '/assignment/status/', reset: true });
    expect(await networkError(cdc('POST', `/assignment/status/?code=${TYPING}`, token, { number_status: 2 }))).toBe('ECONNRESET');
    expect(await cdcWrites()).toEqual([]);
  });
});

describe('validation', () => {
  it('refuses contradictions and faults that do nothing', async () => {
    const nonsense: unknown[] = [
      { times: 2 },
      { reset: false },
      { reset: true, status: 503 },
      { reset: true, corrupt: 'empty' },
      { corrupt: 'gzip' },
      { corrupt: 'html', stallAfterBytes: 3 },
      { stallAfterBytes: -1 },
      { delayMs: -5 },
      { delayMs: 1.5 },
      { delayMs: 120_001 },
      { expiredToken: true, status: 401 },
      { expiredToken: true, phase: 'after' },
      { expiredToken: 'yes' },
      { phase: 'later', status: 503 },
      { body: { message: 'no status' } },
      { retryAfterSeconds: 3, reset: true },
    ];
    for (const spec of nonsense) {
      const res = await addFault(sims.recoveryConnect.url, spec);
      expect({ spec, status: res.status }).toEqual({ spec, status: 400 });
      expect(typeof ((await res.json()) as { message: unknown }).message).toBe('string');
    }
  });

  it('keeps the first shape working: status, times, retryAfterSeconds, body', async () => {
    await fault(sims.recoveryConnect.url, { method: 'GET', path: RC_ASSIGNMENTS, status: 429, times: 1, retryAfterSeconds: 7, body: { error: 'slow down' } });
    const res = await fetch(`${sims.recoveryConnect.url}${RC_ASSIGNMENTS}`);
    expect({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() }).toEqual({
      status: 429,
      retryAfter: '7',
      body: { error: 'slow down' },
    });
  });
});
