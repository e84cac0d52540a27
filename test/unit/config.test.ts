import { readSharedStateConfig } from '../../src/config/shared-state';
import { ConfigError, loadConfig } from '../../src/config/index';
import { DEFAULT_OBSERVABILITY } from '../../src/config/observability';
import { DEFAULT_HARDENING } from '../../src/config/hardening';
import { DEFAULT_HTTP_LIMITS } from '../../src/providers/http';
import { resilienceConfig } from '../../src/providers/resilience/options';

const URL_NAME = 'RECOVERY_CONNECT_URL';
const USER_NAME = 'RECOVERY_CONNECT_USERNAME';
const PASSWORD_NAME = 'RECOVERY_CONNECT_PASSWORD';

const REMOTE: NodeJS.ProcessEnv = {
  [URL_NAME]: 'https://rc.example.com/api',
  [USER_NAME]: 'agency',
  [PASSWORD_NAME]: 's3cret-pw',
};

/** No AUTH_* or ROUTER_SECRET set (what that means is decided at start: src/auth/startup.ts). */
const NO_AUTH = { jwtSecret: null, jwksUrl: null, issuer: null, audience: null, disabled: false, routerSecret: null };
const SECRET = 'a-test-secret-that-is-32-chars!!';

/** What production needs at least: every provider and inbound authentication. */
const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  ...REMOTE,
  CDC_URL: 'https://cdc.example.com',
  CDC_CLIENT_KEY: 'key',
  CDC_CLIENT_SECRET: 'cdc-secret',
  DEBT_COLLECTION_URL: 'https://tenant.example.com/v1',
  DEBT_COLLECTION_API_KEY: 'api-key',
  AUTH_JWT_SECRET: SECRET,
};

/** The ConfigError `loadConfig(env)` throws; fails the test when it does not throw one. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig', () => {
  it('uses the simulator on port 4000 for an empty environment', () => {
    expect(loadConfig({})).toStrictEqual({
      port: 4000,
      host: '0.0.0.0',
      isProduction: false,
      introspection: true,
      landingPage: true,
      logLevel: 'info',
      providerTimeoutMs: DEFAULT_HTTP_LIMITS.headersTimeoutMs,
      recoveryConnect: { mode: 'simulator' },
      recoveryConnectTimeZone: 'UTC',
      cdc: { mode: 'simulator' },
      debtCollection: { mode: 'simulator' },
      auth: NO_AUTH,
      resilience: resilienceConfig(DEFAULT_HTTP_LIMITS.headersTimeoutMs),
      shutdown: { delayMs: 0, graceMs: 10_000 },
      observability: DEFAULT_OBSERVABILITY,
      hardening: DEFAULT_HARDENING,
      sharedState: readSharedStateConfig({}, []),
    });
  });

  it('treats empty PORT and URL values as unset', () => {
    const config = loadConfig({ PORT: '', [URL_NAME]: '' });
    expect(config.port).toBe(4000);
    expect(config.recoveryConnect).toStrictEqual({ mode: 'simulator' });
  });

  it('targets the remote provider when the URL and both credentials are set', () => {
    expect(loadConfig(REMOTE).recoveryConnect).toStrictEqual({
      mode: 'remote',
      baseUrl: 'https://rc.example.com/api',
      credentials: { username: 'agency', password: 's3cret-pw' },
    });
  });

  it('accepts a plain http URL', () => {
    expect(loadConfig({ ...REMOTE, [URL_NAME]: 'http://localhost:8080' }).recoveryConnect.mode).toBe('remote');
  });

  it('reads PORT, HOST, LOG_LEVEL, PROVIDER_TIMEOUT_MS and NODE_ENV', () => {
    expect(
      loadConfig({ ...PRODUCTION, PORT: '8080', HOST: '127.0.0.1', LOG_LEVEL: 'debug', PROVIDER_TIMEOUT_MS: '2500' }),
    ).toStrictEqual({
      port: 8080,
      host: '127.0.0.1',
      isProduction: true,
      introspection: false,
      landingPage: false,
      logLevel: 'debug',
      providerTimeoutMs: 2500,
      recoveryConnect: { mode: 'remote', baseUrl: 'https://rc.example.com/api', credentials: { username: 'agency', password: 's3cret-pw' } },
      recoveryConnectTimeZone: 'UTC',
      cdc: { mode: 'remote', baseUrl: 'https://cdc.example.com', credentials: { clientKey: 'key', clientSecret: 'cdc-secret' } },
      debtCollection: { mode: 'remote', baseUrl: 'https://tenant.example.com/v1', credentials: { apiKey: 'api-key' } },
      auth: { ...NO_AUTH, jwtSecret: SECRET },
      resilience: resilienceConfig(2500),
      shutdown: { delayMs: 5_000, graceMs: 10_000 },
      // Production: no /metrics on the public port without METRICS_PORT, no GraphiQL.
      observability: { ...DEFAULT_OBSERVABILITY, metrics: { onPublicPort: false, port: null }, graphiql: false },
      hardening: DEFAULT_HARDENING,
      sharedState: readSharedStateConfig({}, []),
    });
  });

  it('is not in production for other NODE_ENV values', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).isProduction).toBe(false);
  });

  it('turns introspection and the landing page on outside production, off in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ introspection: true, landingPage: true });
    expect(loadConfig(PRODUCTION)).toMatchObject({ introspection: false, landingPage: false });
  });

  it('lets INTROSPECTION and LANDING_PAGE turn each on in production, or off outside it', () => {
    expect(loadConfig({ ...PRODUCTION, INTROSPECTION: 'true' })).toMatchObject({ introspection: true, landingPage: false });
    expect(loadConfig({ ...PRODUCTION, LANDING_PAGE: 'true' })).toMatchObject({ introspection: false, landingPage: true });
    expect(loadConfig({ INTROSPECTION: 'false', LANDING_PAGE: 'false' })).toMatchObject({ introspection: false, landingPage: false });
    expect(loadConfig({ ...PRODUCTION, INTROSPECTION: '' })).toMatchObject({ introspection: false });
  });

  it.each(['1', 'yes', 'TRUE', ' true', 'on'])('refuses %j for INTROSPECTION and LANDING_PAGE: only true or false', (value) => {
    expect(configError({ INTROSPECTION: value, LANDING_PAGE: value }).problems).toEqual([
      `INTROSPECTION must be true or false (got "${value}").`,
      `LANDING_PAGE must be true or false (got "${value}").`,
    ]);
  });

  it('names both missing credentials when only the URL is set', () => {
    const error = configError({ [URL_NAME]: 'https://rc.example.com' });
    expect(error.problems).toHaveLength(2);
    expect(error.problems.some((p) => p.includes(USER_NAME))).toBe(true);
    expect(error.problems.some((p) => p.includes(PASSWORD_NAME))).toBe(true);
    expect(error.message).toContain(USER_NAME);
    expect(error.message).toContain(PASSWORD_NAME);
  });

  it('names only the credential that is missing', () => {
    const error = configError({ [URL_NAME]: 'https://rc.example.com', [USER_NAME]: 'agency' });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(PASSWORD_NAME);
    expect(error.problems[0]).not.toContain(USER_NAME);
  });

  it('refuses credentials without a URL', () => {
    const error = configError({ [USER_NAME]: 'agency', [PASSWORD_NAME]: 'pw' });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(URL_NAME);
    expect(error.problems[0]).toContain(USER_NAME);
    expect(error.problems[0]).toContain(PASSWORD_NAME);
  });

  it('refuses a single stray credential without a URL', () => {
    const error = configError({ [PASSWORD_NAME]: 'pw' });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(PASSWORD_NAME);
    expect(error.problems[0]).not.toContain(USER_NAME);
  });

  it.each(['ftp://x', 'not a url', 'rc.example.com', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'refuses the URL %j',
    (url) => {
      const error = configError({ ...REMOTE, [URL_NAME]: url });
      expect(error.problems).toHaveLength(1);
      expect(error.problems[0]).toContain(URL_NAME);
    },
  );

  it('never repeats a password in the error', () => {
    const error = configError({ ...REMOTE, [URL_NAME]: 'ftp://x', PORT: 'abc' });
    expect(error.message).not.toContain('s3cret-pw');
    expect(error.problems.join('\n')).not.toContain('s3cret-pw');
  });

  it.each(['abc', '70000', '65536', '-1', '1.5', '80abc', ' ', '0x1F90', '0b1010', '1e3', '+80'])('refuses PORT %j', (port) => {
    const error = configError({ PORT: port });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain('PORT');
  });

  it('accepts PORT 0 and 65535', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it.each(['99', '120001', 'soon', '-5', '1e4', '0x2710'])('refuses PROVIDER_TIMEOUT_MS %j', (timeout) => {
    const error = configError({ PROVIDER_TIMEOUT_MS: timeout });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain('PROVIDER_TIMEOUT_MS');
  });

  it('accepts PROVIDER_TIMEOUT_MS at its bounds 100 and 120000', () => {
    expect(loadConfig({ PROVIDER_TIMEOUT_MS: '100' }).providerTimeoutMs).toBe(100);
    expect(loadConfig({ PROVIDER_TIMEOUT_MS: '120000' }).providerTimeoutMs).toBe(120_000);
  });

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])('accepts LOG_LEVEL %j', (level) => {
    expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
  });

  it.each(['verbose', 'INFO', 'warning', ''])('refuses LOG_LEVEL %j', (level) => {
    const error = configError({ LOG_LEVEL: level });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain('LOG_LEVEL');
  });

  it('reports every problem at once', () => {
    const error = configError({
      PORT: 'abc',
      PROVIDER_TIMEOUT_MS: '1',
      LOG_LEVEL: 'loud',
      [URL_NAME]: 'ftp://x',
    });
    expect(error.problems).toHaveLength(6);
    for (const name of ['PORT', 'PROVIDER_TIMEOUT_MS', 'LOG_LEVEL', URL_NAME, USER_NAME, PASSWORD_NAME]) {
      expect(error.problems.some((p) => p.includes(name))).toBe(true);
    }
  });

  it('is a ConfigError that lists each problem in its message', () => {
    const error = configError({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  it('targets the remote CDC when CDC_URL and both client credentials are set', () => {
    expect(
      loadConfig({ CDC_URL: 'https://cdc.example.com', CDC_CLIENT_KEY: 'key', CDC_CLIENT_SECRET: 'secret' }).cdc,
    ).toStrictEqual({
      mode: 'remote',
      baseUrl: 'https://cdc.example.com',
      credentials: { clientKey: 'key', clientSecret: 'secret' },
    });
  });

  it('targets the remote debt collection with its single API key', () => {
    expect(
      loadConfig({ DEBT_COLLECTION_URL: 'https://t.example.com/v1', DEBT_COLLECTION_API_KEY: 'k' }).debtCollection,
    ).toStrictEqual({ mode: 'remote', baseUrl: 'https://t.example.com/v1', credentials: { apiKey: 'k' } });
  });

  it('names every missing credential of every provider at once', () => {
    const error = configError({ CDC_URL: 'https://cdc.example.com', DEBT_COLLECTION_URL: 'https://t.example.com/v1' });
    expect(error.problems).toStrictEqual([
      'CDC_CLIENT_KEY is required when CDC_URL is set.',
      'CDC_CLIENT_SECRET is required when CDC_URL is set.',
      'DEBT_COLLECTION_API_KEY is required when DEBT_COLLECTION_URL is set.',
    ]);
  });

  it('refuses an API key set without its URL', () => {
    expect(configError({ DEBT_COLLECTION_API_KEY: 'k' }).problems).toStrictEqual([
      'DEBT_COLLECTION_API_KEY set but DEBT_COLLECTION_URL is not: set the URL too, or unset them to use the simulator.',
    ]);
  });
});

describe('loadConfig: inbound authentication', () => {
  it('reads an HS256 secret with issuer, audience and a router secret', () => {
    expect(
      loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: 'https://id.example.com/', AUTH_AUDIENCE: 'recovery-graph', ROUTER_SECRET: SECRET }).auth,
    ).toStrictEqual({ ...NO_AUTH, jwtSecret: SECRET, issuer: 'https://id.example.com/', audience: 'recovery-graph', routerSecret: SECRET });
  });

  it('reads a JWKS URL', () => {
    expect(loadConfig({ AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json' }).auth.jwksUrl).toBe(
      'https://id.example.com/.well-known/jwks.json',
    );
  });

  it.each(['http://localhost:8080/jwks', 'http://127.0.0.1:9/jwks', 'http://[::1]:9/jwks'])('accepts a plain http JWKS URL on loopback: %j', (url) => {
    expect(loadConfig({ AUTH_JWKS_URL: url }).auth.jwksUrl).toBe(url);
  });

  it.each(['http://id.example.com/jwks', 'ftp://id.example.com/jwks', 'not a url'])('refuses the JWKS URL %j', (url) => {
    expect(configError({ AUTH_JWKS_URL: url }).problems).toStrictEqual(['AUTH_JWKS_URL must be an https URL (http only on localhost).']);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ AUTH_JWT_SECRET: '', AUTH_JWKS_URL: '', AUTH_DISABLED: '', ROUTER_SECRET: '' }).auth).toStrictEqual(NO_AUTH);
  });

  it('refuses a short secret without repeating it', () => {
    const error = configError({ AUTH_JWT_SECRET: 'short-secret-31-characters-long' });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain('AUTH_JWT_SECRET must be at least 32 characters');
    expect(error.message).not.toContain('short-secret-31-characters-long');
  });

  it('refuses a short router secret', () => {
    expect(configError({ ROUTER_SECRET: 'too-short' }).problems).toStrictEqual(['ROUTER_SECRET must be at least 32 characters.']);
  });

  it('refuses a secret and a JWKS URL together', () => {
    expect(configError({ AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'https://id.example.com/jwks' }).problems).toStrictEqual([
      'Set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both.',
    ]);
  });

  it('refuses an issuer or audience without a way to verify tokens', () => {
    expect(configError({ AUTH_ISSUER: 'https://id.example.com/' }).problems).toStrictEqual([
      'AUTH_ISSUER and AUTH_AUDIENCE need AUTH_JWT_SECRET or AUTH_JWKS_URL.',
    ]);
    expect(configError({ AUTH_AUDIENCE: 'recovery-graph' }).problems).toHaveLength(1);
  });

  it('reads AUTH_DISABLED as exactly true or false', () => {
    expect(loadConfig({ AUTH_DISABLED: 'true' }).auth.disabled).toBe(true);
    expect(loadConfig({ AUTH_DISABLED: 'false' }).auth.disabled).toBe(false);
    for (const value of ['1', 'yes', 'TRUE']) {
      expect(configError({ AUTH_DISABLED: value }).problems).toStrictEqual([`AUTH_DISABLED must be true or false (got "${value}").`]);
    }
  });

  it('refuses AUTH_DISABLED=true next to a way to verify tokens', () => {
    expect(configError({ AUTH_DISABLED: 'true', AUTH_JWT_SECRET: SECRET }).problems).toStrictEqual([
      'AUTH_DISABLED=true contradicts AUTH_JWT_SECRET / AUTH_JWKS_URL: unset one or the other.',
    ]);
  });

  it('leaves an empty auth block to the start (remote providers do not make it a config error)', () => {
    expect(loadConfig(REMOTE).auth).toStrictEqual(NO_AUTH);
  });
});
