/**
 * The process logger (pino, JSON lines). Secrets and personal data never leave in clear:
 * credentials, tokens and authorization headers are censored, and so are vehicle and debtor
 * identifiers wherever they appear under these keys.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

/** Keys whose values are never written, at any depth pino can address. */
export const REDACTED_PATHS = [
  'password',
  'token',
  'accessToken',
  'access_token',
  'refresh_token',
  'apiKey',
  'secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.token',
  '*.access_token',
  '*.apiKey',
  '*.vin',
  '*.licensePlate',
  '*.debtorId',
  'variables',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'recovery-graph' },
    },
    options.destination,
  );
}
