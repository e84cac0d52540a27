/**
 * The start banner's lines about authentication. In dev mode they carry the token, ready to
 * paste: this goes to the terminal of the person who ran `npm start`, never to the log.
 */
import { ROUTER_SECRET_HEADER } from './router-secret';
import type { AuthConfig } from '../../config/auth';
import type { InboundAuth } from './startup';

const INDENT = ' '.repeat(19);

export function authBannerLines(auth: InboundAuth, config: AuthConfig): string[] {
  const lines: string[] = [];
  switch (auth.mode) {
    case 'dev':
      lines.push(
        'Authentication     dev token: every scope, valid 12 h, signed with a random secret of this run only',
        `${INDENT}In Sandbox, add this header (Headers, below the operation); with curl, -H '<header>':`,
        '',
        `Authorization: Bearer ${auth.devToken ?? ''}`,
        '',
      );
      break;
    case 'verify':
      lines.push(
        `Authentication     bearer JWT, verified ${config.jwtSecret !== null ? 'with AUTH_JWT_SECRET (HS256)' : `with the keys at ${config.jwksUrl ?? ''}`}` +
          `${config.issuer !== null ? `, issuer ${config.issuer}` : ''}${config.audience !== null ? `, audience ${config.audience}` : ''}`,
      );
      break;
    case 'disabled':
      lines.push('Authentication     DISABLED (AUTH_DISABLED=true): every request is served without a token');
      break;
  }
  if (auth.routerSecret !== null) lines.push(`Router secret      required in the ${ROUTER_SECRET_HEADER} header`);
  return lines;
}
