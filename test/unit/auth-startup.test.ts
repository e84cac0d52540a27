import { planInboundAuth } from '../../src/server/auth/startup';
import type { AuthConfig } from '../../src/config/auth';
import type { Config } from '../../src/config/index';

const NO_AUTH: AuthConfig = { jwtSecret: null, jwksUrl: null, issuer: null, audience: null, disabled: false, routerSecret: null };
const SECRET = 'a-test-secret-that-is-32-chars!!';
const SIMULATED = { mode: 'simulator' } as const;
const REMOTE = { mode: 'remote', baseUrl: 'https://cdc.example.com', credentials: { clientKey: 'k', clientSecret: 's' } } as const;

type Inputs = Parameters<typeof planInboundAuth>[0];

function inputs(auth: Partial<AuthConfig>, rest: Partial<Pick<Config, 'isProduction' | 'cdc'>> = {}): Inputs {
  return { auth: { ...NO_AUTH, ...auth }, isProduction: false, recoveryConnect: SIMULATED, cdc: SIMULATED, debtCollection: SIMULATED, ...rest };
}

describe('planInboundAuth', () => {
  it('verifies with the HS256 secret, issuer and audience when a secret is set', () => {
    expect(planInboundAuth(inputs({ jwtSecret: SECRET, issuer: 'https://id.test/', audience: 'api' }, { isProduction: true, cdc: REMOTE }))).toEqual({
      kind: 'verify',
      verifier: { key: { kind: 'secret', secret: SECRET }, issuer: 'https://id.test/', audience: 'api' },
    });
  });

  it('verifies with the key set when a JWKS URL is set', () => {
    expect(planInboundAuth(inputs({ jwksUrl: 'https://id.test/jwks' }))).toEqual({
      kind: 'verify',
      verifier: { key: { kind: 'jwks', url: 'https://id.test/jwks' }, issuer: null, audience: null },
    });
  });

  it('makes a dev token only when every provider is simulated outside production', () => {
    expect(planInboundAuth(inputs({}))).toEqual({ kind: 'dev' });
    expect(planInboundAuth(inputs({}, { cdc: REMOTE })).kind).toBe('refused');
    expect(planInboundAuth(inputs({}, { isProduction: true })).kind).toBe('refused');
  });

  it('is disabled only when AUTH_DISABLED=true says so, even on the simulators', () => {
    expect(planInboundAuth(inputs({ disabled: true }))).toEqual({ kind: 'disabled' });
    expect(planInboundAuth(inputs({ disabled: true }, { isProduction: true, cdc: REMOTE }))).toEqual({ kind: 'disabled' });
  });

  it('says what to set when it refuses', () => {
    const plan = planInboundAuth(inputs({}, { cdc: REMOTE }));
    const message = plan.kind === 'refused' ? plan.message : '';
    for (const name of ['AUTH_JWT_SECRET', 'AUTH_JWKS_URL', 'AUTH_DISABLED=true']) expect(message).toContain(name);
  });
});
