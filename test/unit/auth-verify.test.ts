import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { signToken } from '../../src/server/auth/dev-token';
import { scopesOfClaim } from '../../src/graphql/auth/scopes';
import { createTokenVerifier } from '../../src/server/auth/verify';

const SECRET = 'a-test-secret-that-is-32-chars!!';
const verify = createTokenVerifier({ key: { kind: 'secret', secret: SECRET }, issuer: null, audience: null });

describe('createTokenVerifier', () => {
  it('answers the subject and the scopes of a valid token', async () => {
    const token = await signToken({ secret: SECRET, scopes: ['cdc:read', 'cdc:write'], subject: 'partner-7', lifetimeSeconds: 60 });

    expect(await verify(token)).toEqual({ ok: true, subject: 'partner-7', scopes: new Set(['cdc:read', 'cdc:write']) });
  });

  it('grants no scope for a scope claim that is not a string', async () => {
    const token = await new SignJWT({ scope: ['cdc:read'] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1m').sign(new TextEncoder().encode(SECRET));

    expect(await verify(token)).toEqual({ ok: true, subject: null, scopes: new Set() });
  });

  it('tells an expired token from an invalid one', async () => {
    expect(await verify(await signToken({ secret: SECRET, scopes: [], lifetimeSeconds: -30 }))).toEqual({ ok: false, reason: 'expired' });
    expect(await verify(await signToken({ secret: `${SECRET}-other`, scopes: [], lifetimeSeconds: 60 }))).toEqual({ ok: false, reason: 'invalid' });
    expect(await verify('not.a.jwt')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('answers a token it verified before the same way, until the token expires: then it is refused', async () => {
    // A whole second ahead: `exp` is in seconds, and the remembered verdict must end with it.
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ scope: 'cdc:read' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp).sign(new TextEncoder().encode(SECRET));
    const valid = { ok: true, subject: null, scopes: new Set(['cdc:read']) };

    expect(await verify(token)).toEqual(valid);
    expect(await verify(token)).toEqual(valid);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 10));
    // jose still accepts it for its clock tolerance; the remembered verdict is gone at `exp` itself.
    expect(await verify(token)).toEqual(valid);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await verify(token)).toEqual({ ok: false, reason: 'expired' });
  }, 15_000);

  it('never answers a forged token with a verified one’s verdict', async () => {
    const token = await signToken({ secret: SECRET, scopes: ['cdc:read'], lifetimeSeconds: 60 });
    expect((await verify(token)).ok).toBe(true);
    const [header, payload] = token.split('.');
    const forged = await signToken({ secret: `${SECRET}-other`, scopes: ['cdc:read'], lifetimeSeconds: 60 });

    expect(await verify(`${String(header)}.${String(payload)}.${String(forged.split('.')[2])}`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token longer than any real one without parsing it', async () => {
    expect(await verify(`${'a'.repeat(9000)}.b.c`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('checks issuer and audience when configured', async () => {
    const strict = createTokenVerifier({ key: { kind: 'secret', secret: SECRET }, issuer: 'https://id.test/', audience: 'api' });
    const token = (issuer: string, audience: string) => signToken({ secret: SECRET, scopes: [], lifetimeSeconds: 60, issuer, audience });

    expect((await strict(await token('https://id.test/', 'api'))).ok).toBe(true);
    expect(await strict(await token('https://id.test/', 'other'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await strict(await token('https://other.test/', 'api'))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('answers unavailable, not invalid, when the key set cannot be fetched', async () => {
    const server = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      const jwks = createTokenVerifier({ key: { kind: 'jwks', url }, issuer: null, audience: null });
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setExpirationTime('1m').sign(privateKey);

      expect(await jwks(token)).toEqual({ ok: false, reason: 'unavailable' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('scopesOfClaim', () => {
  it('splits on spaces and ignores empty parts', () => {
    expect(scopesOfClaim(' cdc:read  cdc:write ')).toEqual(new Set(['cdc:read', 'cdc:write']));
    expect(scopesOfClaim(undefined)).toEqual(new Set());
    expect(scopesOfClaim(42)).toEqual(new Set());
  });
});
