/**
 * The `setCdcStatus` decisions with a fake client (a plain object implementing CdcClient) behind
 * the real port and loaders, so each outcome of the POST can be scripted, including the ones the simulator cannot produce (the
 * change applied, then the answer lost). The flow over real sockets is in test/cdc-status.test.ts.
 */
import { Writable } from 'node:stream';
import type { CdcAssignmentModel, CdcAssignmentRead, CdcStatusRequest } from '../../src/domain/cdc/model';
import { setCdcStatus } from '../../src/application/cdc/set-status';
import type { CdcStatus } from '../../src/domain/cdc/status';
import { createLogger } from '../../src/infra/logger';
import type { CdcClient } from '../../src/providers/cdc/client';
import { createCdcLoaders } from '../../src/providers/cdc/loaders';
import { createCdcStatusPort } from '../../src/providers/cdc/status-port';
import { ProviderFailure, type FailureDetail } from '../../src/providers/failure';

const CODE = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';

function assignment(status: CdcStatus): CdcAssignmentModel {
  return {
    code: CODE,
    number: 1001,
    status,
    purchaser: { name: 'Fundo Recupera FIDC', document: '12345678000199' },
    saleAmount: '15420.5',
    discountAmount: '2775.69',
    createdAt: '2026-10-01T12:00:00.000Z',
    operations: [],
  };
}

const found = (status: CdcStatus): CdcAssignmentRead => ({ kind: 'found', assignment: assignment(status) });
const cdcFailure = (detail: FailureDetail) => new ProviderFailure('CDC', detail);
const returned = (status: number, providerCode: string, retryAfterSeconds: number | null = null) =>
  cdcFailure({ kind: 'http_status', status, providerCode, retryAfterSeconds, body: { message: 'said by the provider' } });

/** A client whose reads answer `reads` in turn and whose POST ends as `post` says; it records every call. */
function fakeClient(reads: (CdcAssignmentRead | ProviderFailure)[], post: ProviderFailure | null = null) {
  const calls: string[] = [];
  const posts: CdcStatusRequest[] = [];
  const client: CdcClient = {
    assignment(code) {
      calls.push(`read ${code}`);
      const next = reads.shift();
      if (next === undefined) return Promise.reject(new Error('no more reads scripted'));
      return next instanceof ProviderFailure ? Promise.reject(next) : Promise.resolve(next);
    },
    setStatus(request) {
      calls.push('post');
      posts.push(request);
      return post ? Promise.reject(post) : Promise.resolve();
    },
    listAssignments: () => Promise.reject(new Error('not used')),
    statusHistory: () => Promise.reject(new Error('not used')),
  };
  return { client, calls, posts };
}

const lines: string[] = [];
const logger = createLogger({
  level: 'warn',
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  }),
});

beforeEach(() => {
  lines.length = 0;
});

async function run(fake: ReturnType<typeof fakeClient>, request: Partial<CdcStatusRequest> = {}) {
  return setCdcStatus(
    { code: CODE, status: 'ANALYSIS', ...request },
    { cdc: createCdcStatusPort(fake.client, createCdcLoaders(fake.client)), logger },
  );
}

describe('setCdcStatus: an outcome the answer does not tell', () => {
  it('is a success when the read-back shows the requested status after a 503', async () => {
    const fake = fakeClient([found('TYPING'), found('ANALYSIS')], returned(503, '503-01'));

    expect(await run(fake)).toEqual({ __typename: 'SetCdcStatusSuccess', assignment: assignment('ANALYSIS'), previousStatus: 'TYPING' });
    expect(fake.calls).toEqual([`read ${CODE}`, 'post', `read ${CODE}`]);
  });

  it('is a success when the answer was unreadable but the change went through', async () => {
    const fake = fakeClient([found('TYPING'), found('ANALYSIS')], cdcFailure({ kind: 'invalid_body', reason: 'answer without the CDC envelope' }));

    expect(await run(fake)).toMatchObject({ __typename: 'SetCdcStatusSuccess', previousStatus: 'TYPING' });
    expect(fake.posts).toHaveLength(1);
  });

  it('is a retryable ProviderError when the read-back shows the old status after a timeout', async () => {
    const fake = fakeClient([found('TYPING'), found('TYPING')], cdcFailure({ kind: 'timeout', phase: 'headers' }));

    expect(await run(fake)).toEqual({
      __typename: 'ProviderError',
      message: 'Banco CDC did not answer in time (headers timeout). The status did not change; it is safe to send the change again.',
      provider: 'CDC',
      retryable: true,
      retryAfterSeconds: null,
      providerCode: null,
      providerReference: null,
    });
    expect(fake.calls).toEqual([`read ${CODE}`, 'post', `read ${CODE}`]);
  });

  it('says the outcome is unknown when the read-back fails too, and still sends only once', async () => {
    const fake = fakeClient([found('TYPING'), returned(503, '503-01')], cdcFailure({ kind: 'connection', code: 'ECONNRESET' }));

    expect(await run(fake)).toMatchObject({
      __typename: 'ProviderError',
      message: 'Banco CDC could not be reached (ECONNRESET). Whether the status changed is unknown; it is safe to send the change again.',
      retryable: true,
    });
    expect(fake.posts).toHaveLength(1);
  });

  it('does not read back after a refused connection: nothing was sent', async () => {
    const fake = fakeClient([found('TYPING')], cdcFailure({ kind: 'connection', code: 'ECONNREFUSED' }));

    expect(await run(fake)).toMatchObject({ __typename: 'ProviderError', retryable: true });
    expect(fake.calls).toEqual([`read ${CODE}`, 'post']);
  });

  it('does not read back after a rate limit: the provider said no', async () => {
    const fake = fakeClient([found('TYPING')], returned(429, '429-01', 30));

    expect(await run(fake)).toEqual({
      __typename: 'ProviderError',
      message: 'Banco CDC is rate limiting requests.',
      provider: 'CDC',
      retryable: true,
      retryAfterSeconds: 30,
      providerCode: '429-01',
      providerReference: null,
    });
    expect(fake.calls).toEqual([`read ${CODE}`, 'post']);
  });
});

describe('setCdcStatus: answers the provider gives', () => {
  it('answers the confirmed change even when the read-back fails', async () => {
    const fake = fakeClient([found('TYPING'), returned(503, '503-01')]);

    expect(await run(fake)).toEqual({ __typename: 'SetCdcStatusSuccess', assignment: assignment('ANALYSIS'), previousStatus: 'TYPING' });
  });

  it('sends the observation with the change', async () => {
    const fake = fakeClient([found('TYPING'), found('ANALYSIS')]);

    await run(fake, { observation: 'pacote completo' });

    expect(fake.posts).toEqual([{ code: CODE, status: 'ANALYSIS', observation: 'pacote completo' }]);
  });

  it("reports the provider's 400-30 with the status read afresh, not the one before", async () => {
    // Our read said TYPING; CDC moved it to ANALYSIS before our POST arrived.
    const fake = fakeClient([found('TYPING'), found('ANALYSIS')], returned(400, '400-30'));

    expect(await run(fake, { status: 'SIGNATURE' })).toEqual({
      __typename: 'CdcStatusNotPermitted',
      message: `Banco CDC did not permit moving assignment ${CODE} from ANALYSIS to SIGNATURE.`,
      currentStatus: 'ANALYSIS',
      requestedStatus: 'SIGNATURE',
      allowedStatuses: [],
    });
  });

  it('does not offer the status the provider just refused, whatever the table says', async () => {
    const fake = fakeClient([found('TYPING'), found('TYPING')], returned(400, '400-30'));

    expect(await run(fake)).toMatchObject({
      __typename: 'CdcStatusNotPermitted',
      currentStatus: 'TYPING',
      allowedStatuses: ['SIGNATURE', 'CANCELLED'],
    });
  });

  it('falls back to the first read when the read after a 400-30 fails', async () => {
    const fake = fakeClient([found('TYPING'), returned(503, '503-01')], returned(400, '400-30'));

    expect(await run(fake)).toMatchObject({ __typename: 'CdcStatusNotPermitted', currentStatus: 'TYPING' });
  });

  it.each([
    ['400-09', { __typename: 'NotFoundError', resource: 'CdcAssignment', id: CODE }],
    [
      '406-03',
      {
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['input'], code: 'REJECTED_BY_PROVIDER', message: 'said by the provider (406-03)' }],
      },
    ],
    ['400-37', { __typename: 'ValidationError' }],
    [
      '401-06',
      {
        __typename: 'ProviderError',
        message: 'Banco CDC has not enabled this module for our account (401-06); ask Banco CDC to enable it.',
        retryable: false,
        providerCode: '401-06',
      },
    ],
    ['401-04', { __typename: 'ProviderError', message: expect.stringContaining('check the configured CDC credentials') as string, retryable: false }],
    ['400-01', { __typename: 'ProviderError', retryable: false, providerCode: '400-01' }],
  ])('maps a POST answered %s', async (code, expected) => {
    const fake = fakeClient([found('TYPING')], returned(Number(code.slice(0, 3)), code));

    expect(await run(fake)).toMatchObject(expected);
    expect(fake.calls).toEqual([`read ${CODE}`, 'post']);
  });
});

describe('setCdcStatus: decided before any POST', () => {
  it('answers the status the assignment already has as a success', async () => {
    const fake = fakeClient([found('FINISHED')]);

    expect(await run(fake, { status: 'FINISHED' })).toEqual({
      __typename: 'SetCdcStatusSuccess',
      assignment: assignment('FINISHED'),
      previousStatus: 'FINISHED',
    });
    expect(fake.posts).toEqual([]);
  });

  it('refuses what our rules refuse, saying who sets the status', async () => {
    const fake = fakeClient([found('SIGNATURE')]);

    expect(await run(fake, { status: 'SIGNED_CONTRACT' })).toEqual({
      __typename: 'CdcStatusNotPermitted',
      message: 'SIGNED_CONTRACT is set by the system, and only from SIGNATURE, not by a partner.',
      currentStatus: 'SIGNATURE',
      requestedStatus: 'SIGNED_CONTRACT',
      allowedStatuses: ['TYPING', 'ANALYSIS', 'CANCELLED'],
    });
    expect(fake.posts).toEqual([]);
  });

  it('answers NotFoundError for an unknown code', async () => {
    const fake = fakeClient([{ kind: 'not_found' }]);

    expect(await run(fake)).toEqual({
      __typename: 'NotFoundError',
      message: `CdcAssignment ${CODE} does not exist.`,
      resource: 'CdcAssignment',
      id: CODE,
    });
    expect(fake.posts).toEqual([]);
  });

  it('answers a non-retryable ProviderError for an assignment it cannot read, and logs why without personal data', async () => {
    const record = { kind: 'unreadable', provider: 'CDC', record: `assignment ${CODE}`, reason: 'unknown status number 12' } as const;
    const fake = fakeClient([{ kind: 'unreadable', record }]);

    expect(await run(fake)).toMatchObject({
      __typename: 'ProviderError',
      message: `Banco CDC sent assignment ${CODE} in a form the graph cannot read (unknown status number 12).`,
      retryable: false,
    });
    expect(fake.posts).toEqual([]);
    expect(lines.join('')).toContain('unknown status number 12');
    expect(lines.join('')).not.toContain('12345678000199');
  });

  it('answers a failed first read as a ProviderError without sending anything', async () => {
    const fake = fakeClient([returned(503, '503-01')]);

    expect(await run(fake)).toMatchObject({ __typename: 'ProviderError', retryable: true, providerCode: '503-01' });
    expect(fake.posts).toEqual([]);
  });
});
