/**
 * `npm run token -- [--scopes "assignments:read cdc:read"] [--lifetime 3600] [--subject name]`:
 * prints a bearer token the service accepts, signed with the configured AUTH_JWT_SECRET (HS256)
 * and carrying AUTH_ISSUER / AUTH_AUDIENCE when they are set, as the service checks them.
 *
 * Only the token goes to stdout (`TOKEN=$(npm --silent run token -- --scopes …)`); what it holds goes
 * to stderr. Default: every scope, valid 12 hours. For development and tests against a service
 * you run: with AUTH_JWKS_URL, tokens come from that issuer, not from here.
 */
import { parseArgs } from 'node:util';
import { DEV_TOKEN_LIFETIME_SECONDS, signToken } from '../../src/server/auth/dev-token';
import { ALL_SCOPES, SCOPES } from '../../src/graphql/auth/scopes';
import { readAuthConfig } from '../../src/config/auth';

const USAGE = 'usage: npm run token -- [--scopes "assignments:read cdc:read"] [--lifetime <seconds>] [--subject <name>]';
const MAX_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let values: { scopes?: string | undefined; lifetime?: string | undefined; subject?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      options: {
        scopes: { type: 'string' },
        lifetime: { type: 'string' },
        subject: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help === true) {
    console.log(`${USAGE}\n\nScopes:\n${ALL_SCOPES.map((scope) => `  ${scope.padEnd(18)} ${SCOPES[scope]}`).join('\n')}`);
    return;
  }

  const problems: string[] = [];
  const auth = readAuthConfig(process.env, problems);
  if (problems.length > 0) fail(problems.join('\n'));
  if (auth.jwtSecret === null) {
    fail(
      auth.jwksUrl !== null
        ? 'AUTH_JWKS_URL is set: tokens come from that issuer, not from this script.'
        : 'Set AUTH_JWT_SECRET to the secret the service runs with (at least 32 characters), e.g.\n' +
            '  export AUTH_JWT_SECRET=$(openssl rand -base64 48)',
    );
  }

  const scopes = values.scopes === undefined ? [...ALL_SCOPES] : values.scopes.split(/[\s,]+/).filter((scope) => scope !== '');
  const unknown = scopes.filter((scope) => !(ALL_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0 || scopes.length === 0) {
    fail(`${unknown.length > 0 ? `Unknown scope ${unknown.join(', ')}.` : 'No scope given.'} Scopes: ${ALL_SCOPES.join(' ')}`);
  }

  const lifetimeText = values.lifetime ?? String(DEV_TOKEN_LIFETIME_SECONDS);
  const lifetimeSeconds = /^\d{1,7}$/.test(lifetimeText) ? Number(lifetimeText) : NaN;
  if (!(lifetimeSeconds >= 1 && lifetimeSeconds <= MAX_LIFETIME_SECONDS)) fail(`--lifetime must be 1 to ${MAX_LIFETIME_SECONDS} seconds.`);

  const token = await signToken({
    secret: auth.jwtSecret,
    scopes,
    lifetimeSeconds,
    ...(values.subject !== undefined && { subject: values.subject }),
    ...(auth.issuer !== null && { issuer: auth.issuer }),
    ...(auth.audience !== null && { audience: auth.audience }),
  });
  const expires = new Date(Date.now() + lifetimeSeconds * 1000).toISOString();
  console.error(`Token for scopes "${scopes.join(' ')}", valid until ${expires}. Send it as: Authorization: Bearer <token>`);
  console.log(token);
}

main().catch((error: unknown) => {
  fail(`token: ${error instanceof Error ? error.message : String(error)}`);
});
