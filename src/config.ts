/**
 * Configuration from the environment, checked once at start. Every problem is reported at once
 * in plain words, so a misconfigured deployment fails before it takes traffic.
 */
import { readAuthConfig, type AuthConfig } from './auth/settings';
import { readHardeningConfig, type HardeningConfig } from './hardening/settings';
import { DEFAULT_HTTP_LIMITS } from './providers/http';
import type { ResilienceConfig } from './providers/resilience/options';
import { readResilienceConfig } from './providers/resilience/settings';

/** Where a provider is: our embedded simulator, or a real host with credentials. */
export type ProviderTarget<Credentials> =
  | { readonly mode: 'simulator' }
  | { readonly mode: 'remote'; readonly baseUrl: string; readonly credentials: Credentials };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly isProduction: boolean;
  /** Schema introspection; off in production unless INTROSPECTION=true. */
  readonly introspection: boolean;
  /** Apollo Sandbox at `GET /graphql`; off in production unless LANDING_PAGE=true. */
  readonly landingPage: boolean;
  readonly logLevel: string;
  /** Headers and body timeout of every provider call. */
  readonly providerTimeoutMs: number;
  readonly recoveryConnect: ProviderTarget<{ readonly username: string; readonly password: string }>;
  readonly cdc: ProviderTarget<{ readonly clientKey: string; readonly clientSecret: string }>;
  /** Base URL is the tenant's `…/v1`. */
  readonly debtCollection: ProviderTarget<{ readonly apiKey: string }>;
  /** Inbound authentication (AUTH_*, ROUTER_SECRET); see src/auth/startup.ts for what an empty one means. */
  readonly auth: AuthConfig;
  /** Provider call policies: request deadline, per-provider timeouts, retries, breakers, bulkheads. */
  readonly resilience: ResilienceConfig;
  /** HTTP server limits and per-request demand limits; absent: the defaults (DEFAULT_HARDENING). */
  readonly hardening?: HardeningConfig;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];

  const port = integerSetting(env, 'PORT', 4000, 0, 65535, problems);
  const providerTimeoutMs = integerSetting(
    env,
    'PROVIDER_TIMEOUT_MS',
    DEFAULT_HTTP_LIMITS.headersTimeoutMs,
    100,
    120_000,
    problems,
  );
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);

  const recoveryConnect = providerTarget(
    env,
    'RECOVERY_CONNECT_URL',
    { username: 'RECOVERY_CONNECT_USERNAME', password: 'RECOVERY_CONNECT_PASSWORD' },
    problems,
  );
  const cdc = providerTarget(env, 'CDC_URL', { clientKey: 'CDC_CLIENT_KEY', clientSecret: 'CDC_CLIENT_SECRET' }, problems);
  const debtCollection = providerTarget(env, 'DEBT_COLLECTION_URL', { apiKey: 'DEBT_COLLECTION_API_KEY' }, problems);
  const auth = readAuthConfig(env, problems);
  const resilience = readResilienceConfig(env, providerTimeoutMs, problems);
  const hardening = readHardeningConfig(env, problems);

  const isProduction = env.NODE_ENV === 'production';
  const introspection = booleanSetting(env, 'INTROSPECTION', !isProduction, problems);
  const landingPage = booleanSetting(env, 'LANDING_PAGE', !isProduction, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    isProduction,
    introspection,
    landingPage,
    logLevel,
    providerTimeoutMs,
    recoveryConnect,
    cdc,
    debtCollection,
    auth,
    resilience,
    hardening,
  };
}

function integerSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  // Digits only: Number() would also take ' ' (0), '0x1F90' and '1e3'.
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
    return fallback;
  }
  return value;
}

/** `true` or `false` exactly: a typo must not silently open (or close) the schema. */
function booleanSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  problems.push(`${name} must be true or false (got "${raw}").`);
  return fallback;
}

/**
 * No URL: the embedded simulator (and then its credentials are the simulator's, so setting
 * them alone is a mistake worth saying). A URL: it must be http(s) and every credential set.
 * `credentialNames` maps each credential to its environment variable.
 */
function providerTarget<Key extends string>(
  env: NodeJS.ProcessEnv,
  urlName: string,
  credentialNames: Readonly<Record<Key, string>>,
  problems: string[],
): ProviderTarget<Readonly<Record<Key, string>>> {
  const url = env[urlName];
  const names = Object.values<string>(credentialNames);
  if (url === undefined || url === '') {
    const stray = names.filter((name) => env[name]);
    if (stray.length > 0) problems.push(`${stray.join(' and ')} set but ${urlName} is not: set the URL too, or unset them to use the simulator.`);
    return { mode: 'simulator' };
  }
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    problems.push(`${urlName} must be an http(s) URL.`);
  }
  for (const name of names) {
    if (!env[name]) problems.push(`${name} is required when ${urlName} is set.`);
  }
  const credentials = Object.fromEntries(
    (Object.keys(credentialNames) as Key[]).map((key) => [key, env[credentialNames[key]] ?? '']),
  ) as Record<Key, string>;
  return { mode: 'remote', baseUrl: url, credentials };
}
