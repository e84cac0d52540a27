import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { RawAuthRequest, RawAuthResponse } from '../../../src/providers/recovery-connect/raw';
import type { SimulatorCredentials } from '../fixtures';
import { isRecord } from '../common/guards';
import { readBearerToken, type TokenStore } from '../common/token-store';
import { sendError, sendValidationError, type ValidationErrors } from './errors';

/** `POST /api/v140/auth`: exchanges the username and password for a Bearer token. */
export function loginHandler(credentials: SimulatorCredentials, tokens: TokenStore): RequestHandler {
  return (req, res) => {
    const parsed = parseAuthBody(req.body);
    if (!parsed.ok) {
      sendValidationError(res, parsed.errors);
      return;
    }
    if (!sameText(parsed.value.username, credentials.username) || !sameText(parsed.value.password, credentials.password)) {
      sendError(res, 401, 'Invalid credentials.');
      return;
    }
    const issued = tokens.issue();
    const body: RawAuthResponse = {
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      access_token: issued.accessToken,
      refresh_token: issued.refreshToken,
    };
    res.json(body);
  };
}

/** Guards every other provider route: an issued, unexpired, unrevoked access token. */
export function requireBearer(tokens: TokenStore): RequestHandler {
  return (req, res, next) => {
    const token = readBearerToken(req.headers.authorization);
    if (token === undefined || !tokens.isValid(token)) {
      sendError(res, 401, 'Unauthenticated.');
      return;
    }
    next();
  };
}

type AuthBodyResult = { ok: true; value: RawAuthRequest } | { ok: false; errors: ValidationErrors };

/** Laravel `required|string` on both fields; an empty string counts as missing, as in Laravel. */
export function parseAuthBody(input: unknown): AuthBodyResult {
  const body = isRecord(input) ? input : {};
  const errors: ValidationErrors = {};
  const username = requiredString(body, 'username', errors);
  const password = requiredString(body, 'password', errors);
  if (username === undefined || password === undefined) return { ok: false, errors };
  return { ok: true, value: { username, password } };
}

function requiredString(body: Record<string, unknown>, field: string, errors: ValidationErrors): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    errors[field] = [`The ${field} field is required.`];
    return undefined;
  }
  if (typeof value !== 'string') {
    errors[field] = [`The ${field} must be a string.`];
    return undefined;
  }
  return value;
}

/** Constant-time comparison, so the simulator does not model a timing leak the real one may lack. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
