import {
  isRetryable,
  PROVIDER_LABEL,
  ProviderFailure,
  type FailureDetail,
  type ProviderName,
} from '../../src/providers/failure';

function httpStatus(status: number, body: unknown = null, providerCode = String(status)): FailureDetail {
  return { kind: 'http_status', status, providerCode, retryAfterSeconds: null, body };
}

const PROVIDERS: readonly ProviderName[] = ['RECOVERY_CONNECT', 'CDC', 'DEBT_COLLECTION'];

describe('isRetryable', () => {
  it.each<FailureDetail>([
    { kind: 'timeout', phase: 'connect' },
    { kind: 'timeout', phase: 'headers' },
    { kind: 'timeout', phase: 'body' },
    { kind: 'connection', code: 'ECONNREFUSED' },
    { kind: 'connection', code: 'ECONNRESET' },
    { kind: 'invalid_body', reason: 'data is not a list' },
  ])('retries %j', (detail) => {
    expect(isRetryable(detail)).toBe(true);
  });

  it('does not retry unreadable data: the provider would send the same record again', () => {
    expect(isRetryable({ kind: 'unreadable_data', reason: 'assignment 1 without a status' })).toBe(false);
  });

  it.each([408, 429, 500, 502, 503, 504, 599])('retries HTTP %i', (status) => {
    expect(isRetryable(httpStatus(status))).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 410, 413, 422])('does not retry HTTP %i', (status) => {
    expect(isRetryable(httpStatus(status))).toBe(false);
  });
});

describe('ProviderFailure', () => {
  it('carries provider, detail and retryable', () => {
    const detail = httpStatus(503);
    const failure = new ProviderFailure('CDC', detail);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.name).toBe('ProviderFailure');
    expect(failure.provider).toBe('CDC');
    expect(failure.detail).toBe(detail);
    expect(failure.retryable).toBe(true);
    expect(new ProviderFailure('CDC', httpStatus(422)).retryable).toBe(false);
  });

  it.each(PROVIDERS)('names %s by its human label', (provider) => {
    const failure = new ProviderFailure(provider, { kind: 'timeout', phase: 'headers' });
    expect(failure.message).toContain(PROVIDER_LABEL[provider]);
  });

  it('says which timeout phase ran out', () => {
    expect(new ProviderFailure('RECOVERY_CONNECT', { kind: 'timeout', phase: 'connect' }).message).toContain('connect');
    expect(new ProviderFailure('RECOVERY_CONNECT', { kind: 'timeout', phase: 'body' }).message).toContain('body');
  });

  it('points at the credentials for 401', () => {
    const message = new ProviderFailure('RECOVERY_CONNECT', httpStatus(401)).message;
    expect(message).toBe('RecoveryConnect refused our credentials (HTTP 401); check the configured credentials.');
  });

  it.each(PROVIDERS)('reads a 403 from %s as a missing permission or scope, not as wrong credentials', (provider) => {
    const message = new ProviderFailure(provider, httpStatus(403)).message;
    expect(message).toBe(`${PROVIDER_LABEL[provider]} denied this call (HTTP 403): our account there lacks a permission or scope it needs.`);
    expect(message).not.toMatch(/credentials/);
  });

  it('names unreadable data as such', () => {
    expect(new ProviderFailure('CDC', { kind: 'unreadable_data', reason: 'assignment X: unknown status number 12' }).message).toBe(
      'Banco CDC sent data the graph cannot read (assignment X: unknown status number 12).',
    );
  });

  it('says rate limiting for 429', () => {
    expect(new ProviderFailure('RECOVERY_CONNECT', httpStatus(429)).message).toMatch(/rate limit/i);
  });

  it('names the status of other HTTP errors', () => {
    expect(new ProviderFailure('RECOVERY_CONNECT', httpStatus(502)).message).toContain('502');
  });

  describe('messages never contain a URL', () => {
    const leakyBody = {
      message: 'Server error at https://rc.example.com/api/v150/assignments?token=abc',
      errors: { status_note: ['see http://docs.example.com/errors#422'] },
    };
    const details: FailureDetail[] = [
      { kind: 'timeout', phase: 'connect' },
      { kind: 'timeout', phase: 'headers' },
      { kind: 'timeout', phase: 'body' },
      { kind: 'connection', code: 'ECONNREFUSED' },
      { kind: 'connection', code: 'ENOTFOUND' },
      { kind: 'connection', code: 'ABORTED' },
      { kind: 'invalid_body', reason: 'answer larger than the limit' },
      { kind: 'invalid_body', reason: 'login answer without access_token/expires_in' },
      { kind: 'unreadable_data', reason: 'assignment 1 without a status' },
      ...[400, 401, 403, 404, 408, 422, 429, 500, 503].map((status) =>
        httpStatus(status, leakyBody, 'https://rc.example.com/code'),
      ),
    ];

    it.each(details.flatMap((detail) => PROVIDERS.map((provider) => [provider, detail] as const)))(
      '%s %j',
      (provider, detail) => {
        const message = new ProviderFailure(provider, detail).message;
        expect(message).not.toMatch(/[a-z][a-z0-9+.-]*:\/\//i);
        expect(message).not.toContain('example.com');
        expect(message).not.toContain('token=abc');
      },
    );
  });
});
