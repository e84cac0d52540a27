/**
 * Configuration from the environment, checked once at start. Every problem is reported at once
 * in plain words, so a misconfigured deployment fails before it takes traffic.
 *
 * In production (NODE_ENV=production) nothing is filled in for you: every provider must be
 * configured (no simulator ever starts there) and so must inbound authentication. Outside
 * production an unconfigured provider runs on its embedded simulator.
 */
import { readAuthConfig, type AuthConfig } from './auth';
import { booleanSetting, integerSetting, isHttpUrl } from './env';
import { readHardeningConfig, type HardeningConfig } from './hardening';
import { readObservabilityConfig, type ObservabilityConfig } from './observability';
import { DEFAULT_HTTP_LIMITS } from '../providers/http';
import { readRecoveryConnectTimeZone } from './recovery-connect';
import { PROVIDER_LABEL, type ProviderName } from '../providers/failure';
import type { ResilienceConfig } from '../providers/resilience/options';
import { readResilienceConfig } from './resilience';
import { readSharedStateConfig, type SharedStateConfig } from './shared-state';

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
  /** IANA zone of RecoveryConnect timestamps written without one (RECOVERY_CONNECT_TIME_ZONE). */
  readonly recoveryConnectTimeZone: string;
  readonly cdc: ProviderTarget<{ readonly clientKey: string; readonly clientSecret: string }>;
  /** Base URL is the tenant's `…/v1`. */
  readonly debtCollection: ProviderTarget<{ readonly apiKey: string }>;
  /** Inbound authentication (AUTH_*, ROUTER_SECRET); see src/auth/startup.ts for what an empty one means. */
  readonly auth: AuthConfig;
  /** Provider call policies: request deadline, per-provider timeouts, retries, breakers, bulkheads. */
  readonly resilience: ResilienceConfig;
  /** What SIGTERM / SIGINT do (src/main.ts). */
  readonly shutdown: ShutdownConfig;
  /** HTTP server limits and per-request demand limits; absent: the defaults (DEFAULT_HARDENING). */
  readonly hardening?: HardeningConfig;
  /** REDIS_URL, rate budgets, entity cache (src/shared-state/); absent: none of them, in process. */
  readonly sharedState?: SharedStateConfig;
  /** Metrics, tracing and GraphiQL (METRICS_PORT, OTEL_*); default: DEFAULT_OBSERVABILITY. */
  readonly observability?: ObservabilityConfig;
}

/** The steps of a shutdown: not ready at once, then `delayMs` still serving, then `graceMs` for what is in flight. */
export interface ShutdownConfig {
  /** SHUTDOWN_DELAY_MS: how long the port stays open after the signal while /health/ready answers 503. */
  readonly delayMs: number;
  /** SHUTDOWN_GRACE_MS: how long requests in flight may take once the port is closed; then their connections are closed. */
  readonly graceMs: number;
}

/** Long enough for a load balancer polling every few seconds to see the 503 (production default). */
export const DEFAULT_PRODUCTION_SHUTDOWN_DELAY_MS = 5_000;
/** The request deadline's default: a request in flight has ended by then in any case. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

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

  const isProduction = env.NODE_ENV === 'production';
  const recoveryConnect = providerTarget(
    env,
    'RECOVERY_CONNECT',
    { username: 'RECOVERY_CONNECT_USERNAME', password: 'RECOVERY_CONNECT_PASSWORD' },
    isProduction,
    problems,
  );
  const recoveryConnectTimeZone = readRecoveryConnectTimeZone(env, problems);
  const cdc = providerTarget(env, 'CDC', { clientKey: 'CDC_CLIENT_KEY', clientSecret: 'CDC_CLIENT_SECRET' }, isProduction, problems);
  const debtCollection = providerTarget(env, 'DEBT_COLLECTION', { apiKey: 'DEBT_COLLECTION_API_KEY' }, isProduction, problems);
  const auth = readAuthConfig(env, problems);
  // Said here too (src/auth/startup.ts refuses at start as well), so one run lists every problem.
  if (isProduction && auth.jwtSecret === null && auth.jwksUrl === null && !auth.disabled) {
    problems.push(
      'Inbound authentication is not configured: in production set AUTH_JWT_SECRET or AUTH_JWKS_URL ' +
        '(or AUTH_DISABLED=true, only behind something that authenticates every request).',
    );
  }
  const resilience = readResilienceConfig(env, providerTimeoutMs, problems);
  const hardening = readHardeningConfig(env, problems);
  const sharedState = readSharedStateConfig(env, problems);

  const introspection = booleanSetting(env, 'INTROSPECTION', !isProduction, problems);
  const landingPage = booleanSetting(env, 'LANDING_PAGE', !isProduction, problems);
  const shutdown: ShutdownConfig = {
    delayMs: integerSetting(env, 'SHUTDOWN_DELAY_MS', isProduction ? DEFAULT_PRODUCTION_SHUTDOWN_DELAY_MS : 0, 0, 120_000, problems),
    graceMs: integerSetting(env, 'SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0, 120_000, problems),
  };

  const observability = readObservabilityConfig(env, port, isProduction, problems);

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
    recoveryConnectTimeZone,
    cdc,
    debtCollection,
    auth,
    resilience,
    shutdown,
    hardening,
    sharedState,
    observability,
  };
}

/**
 * No URL: the embedded simulator (and then its credentials are the simulator's, so setting
 * them alone is a mistake worth saying); in production, a refusal naming every variable still
 * missing. A URL: it must be http(s) and every credential set. `credentialNames` maps each
 * credential to its environment variable; the URL is `<provider>_URL`.
 */
function providerTarget<Key extends string>(
  env: NodeJS.ProcessEnv,
  provider: ProviderName,
  credentialNames: Readonly<Record<Key, string>>,
  isProduction: boolean,
  problems: string[],
): ProviderTarget<Readonly<Record<Key, string>>> {
  const urlName = `${provider}_URL`;
  const url = env[urlName];
  const names = Object.values<string>(credentialNames);
  if (url === undefined || url === '') {
    if (isProduction) {
      const missing = [urlName, ...names.filter((name) => !env[name])];
      problems.push(
        `${PROVIDER_LABEL[provider]} is not configured, and in production no simulator is started: set ${listOf(missing)}.`,
      );
      return { mode: 'simulator' };
    }
    const stray = names.filter((name) => env[name]);
    if (stray.length > 0) problems.push(`${stray.join(' and ')} set but ${urlName} is not: set the URL too, or unset them to use the simulator.`);
    return { mode: 'simulator' };
  }
  if (!isHttpUrl(url)) problems.push(`${urlName} must be an http(s) URL.`);
  for (const name of names) {
    if (!env[name]) problems.push(`${name} is required when ${urlName} is set.`);
  }
  const credentials = Object.fromEntries(
    (Object.keys(credentialNames) as Key[]).map((key) => [key, env[credentialNames[key]] ?? '']),
  ) as Record<Key, string>;
  return { mode: 'remote', baseUrl: url, credentials };
}

/** `A`, `A and B`, `A, B and C`. */
function listOf(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
