import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { CDC_RETURN_CODES, type RawAuthData, type RawAuthRequest } from '../../../src/providers/cdc/raw';
import { isRecord } from '../common/guards';
import { readBearerToken, type TokenStore } from '../common/token-store';
import { sendEnvelope } from './envelope';
import { readRequiredString, sendFieldFailure, type FieldFailure } from './fields';

/** `POST /auth/token`: exchanges `client_key` + `client_secret` for a Bearer token. */
export function tokenHandler(credentials: RawAuthRequest, tokens: TokenStore): RequestHandler {
  return (req, res) => {
    const failures: FieldFailure[] = [];
    const body = isRecord(req.body) ? req.body : {};
    const clientKey = readRequiredString(body, 'client_key', failures);
    const clientSecret = readRequiredString(body, 'client_secret', failures);
    if (clientKey === undefined || clientSecret === undefined) {
      sendFieldFailure(res, failures);
      return;
    }
    // The documented codes tell an unknown key (401-03) from a wrong secret (401-04).
    if (!sameText(clientKey, credentials.client_key)) {
      sendEnvelope(res, CDC_RETURN_CODES.unknownClientKey);
      return;
    }
    if (!sameText(clientSecret, credentials.client_secret)) {
      sendEnvelope(res, CDC_RETURN_CODES.wrongClientSecret);
      return;
    }
    const issued = tokens.issue();
    const data: RawAuthData = { access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn };
    sendEnvelope(res, CDC_RETURN_CODES.success, { data });
  };
}

/** Guards every other API route: an issued, unexpired, unrevoked token, else 401-05. */
export function requireBearer(tokens: TokenStore): RequestHandler {
  return (req, res, next) => {
    const token = readBearerToken(req.headers.authorization);
    if (token === undefined || !tokens.isValid(token)) {
      sendEnvelope(res, CDC_RETURN_CODES.invalidToken);
      return;
    }
    next();
  };
}

/** Constant-time comparison, so the simulator does not model a timing leak the real one may lack. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
