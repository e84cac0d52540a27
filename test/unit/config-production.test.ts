/**
 * The production safe start: with NODE_ENV=production nothing is filled in. Every provider and
 * inbound authentication must be configured, a missing setting names every variable still
 * missing, and no configuration can make the runtime start a simulator there.
 */
import { ConfigError, loadConfig } from '../../src/config/index';
import { createLogger } from '../../src/infra/logger';
import { startRuntime } from '../../src/server/runtime';

const SECRET = 'a-test-secret-that-is-32-chars!!';

const PROVIDERS: NodeJS.ProcessEnv = {
  RECOVERY_CONNECT_URL: 'https://rc.example.com',
  RECOVERY_CONNECT_USERNAME: 'agency',
  RECOVERY_CONNECT_PASSWORD: 'pw',
  CDC_URL: 'https://cdc.example.com',
  CDC_CLIENT_KEY: 'key',
  CDC_CLIENT_SECRET: 'cdc-secret',
  DEBT_COLLECTION_URL: 'https://tenant.example.com/v1',
  DEBT_COLLECTION_API_KEY: 'api-key',
};

function problems(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('production configuration', () => {
  it('refuses an empty environment, naming every missing variable at once', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'RecoveryConnect is not configured, and in production no simulator is started: set RECOVERY_CONNECT_URL, RECOVERY_CONNECT_USERNAME and RECOVERY_CONNECT_PASSWORD.',
      'Banco CDC is not configured, and in production no simulator is started: set CDC_URL, CDC_CLIENT_KEY and CDC_CLIENT_SECRET.',
      'Debt collection is not configured, and in production no simulator is started: set DEBT_COLLECTION_URL and DEBT_COLLECTION_API_KEY.',
      'Inbound authentication is not configured: in production set AUTH_JWT_SECRET or AUTH_JWKS_URL (or AUTH_DISABLED=true, only behind something that authenticates every request).',
    ]);
  });

  it('names only what is still missing: a URL without credentials, credentials without a URL', () => {
    expect(
      problems({
        NODE_ENV: 'production',
        ...PROVIDERS,
        RECOVERY_CONNECT_PASSWORD: '',
        CDC_URL: undefined,
        DEBT_COLLECTION_API_KEY: undefined,
        AUTH_JWT_SECRET: SECRET,
      }),
    ).toEqual([
      'RECOVERY_CONNECT_PASSWORD is required when RECOVERY_CONNECT_URL is set.',
      'Banco CDC is not configured, and in production no simulator is started: set CDC_URL.',
      'DEBT_COLLECTION_API_KEY is required when DEBT_COLLECTION_URL is set.',
    ]);
  });

  it('starts with every provider configured and a token secret, a key set, or auth disabled behind a gateway', () => {
    for (const auth of [{ AUTH_JWT_SECRET: SECRET }, { AUTH_JWKS_URL: 'https://id.example.com/jwks' }, { AUTH_DISABLED: 'true' }]) {
      const config = loadConfig({ NODE_ENV: 'production', ...PROVIDERS, ...auth });
      expect([config.recoveryConnect.mode, config.cdc.mode, config.debtCollection.mode]).toEqual(['remote', 'remote', 'remote']);
    }
  });

  it('keeps the embedded simulators outside production', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect([config.recoveryConnect.mode, config.cdc.mode, config.debtCollection.mode]).toEqual(['simulator', 'simulator', 'simulator']);
  });

  it('never starts a simulator in production, however the configuration was made', async () => {
    const config = { ...loadConfig({ PORT: '0', HOST: '127.0.0.1', AUTH_JWT_SECRET: SECRET }), isProduction: true };
    const started = await startRuntime(config, createLogger({ level: 'silent' })).then(
      async (runtime) => {
        await runtime.close();
        return runtime;
      },
      (error: unknown) => error,
    );
    expect(started).toBeInstanceOf(ConfigError);
    expect((started as ConfigError).problems).toEqual(['In production no simulator is started: configure every provider.']);
  });
});

describe('shutdown settings', () => {
  it('drains at once outside production and keeps the port open 5 s in production; grace 10 s', () => {
    expect(loadConfig({}).shutdown).toEqual({ delayMs: 0, graceMs: 10_000 });
    expect(loadConfig({ NODE_ENV: 'production', ...PROVIDERS, AUTH_JWT_SECRET: SECRET }).shutdown).toEqual({ delayMs: 5_000, graceMs: 10_000 });
  });

  it('reads SHUTDOWN_DELAY_MS and SHUTDOWN_GRACE_MS, refusing anything but whole milliseconds up to 2 minutes', () => {
    expect(loadConfig({ SHUTDOWN_DELAY_MS: '15000', SHUTDOWN_GRACE_MS: '0' }).shutdown).toEqual({ delayMs: 15_000, graceMs: 0 });
    expect(problems({ SHUTDOWN_DELAY_MS: '5s', SHUTDOWN_GRACE_MS: '120001' })).toEqual([
      'SHUTDOWN_DELAY_MS must be a whole number from 0 to 120000 (got "5s").',
      'SHUTDOWN_GRACE_MS must be a whole number from 0 to 120000 (got "120001").',
    ]);
  });
});
