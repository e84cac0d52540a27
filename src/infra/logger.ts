/**
 * The process logger (pino, JSON lines). Secrets and personal data never leave in clear:
 * credentials, tokens, API keys and authorization headers are censored, and so are vehicle and
 * debtor identifiers, under these keys at any depth up to four levels (pino's redaction has no
 * "any depth" wildcard). GraphQL variables are censored whole: they carry VINs, plates and ids
 * under names the client chooses. Error logs go through the same redaction, and VIN-shaped text
 * in an error's message or stack is masked too.
 *
 * Every line written while serving a request carries its `requestId`, found through the request's
 * context (AsyncLocalStorage, src/request-context.ts) by pino's mixin: no logger is threaded by
 * hand, and a line from deep inside (a provider client, a breaker, the auth) is correlated too.
 */
import pino, { type Logger } from 'pino';
import { currentRequestContext } from './request-context';

export type { Logger };

/** Credentials of every kind, under the names our code, the providers and HTTP use. */
const SECRET_KEYS = [
  'password',
  'passwd',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'bearer',
  'apiKey',
  'api_key',
  'x-api-key',
  'clientKey',
  'client_key',
  'clientSecret',
  'client_secret',
  'secret',
  'jwtSecret',
  'routerSecret',
  'credentials',
  'authorization',
  'cookie',
  'set-cookie',
];

/** Personal data: vehicle identifiers (VIN, plate) and debtor ids, in our and the providers' spelling. */
const PERSONAL_KEYS = [
  'vin',
  'licensePlate',
  'plate',
  'plateNumber',
  'license_no',
  'license_plate',
  'identification_number',
  'debtorId',
  'debtorIds',
  'debtor_id',
  // GraphQL variables, whole: a censor by key cannot know what a client named its variables.
  'variables',
];

/** Top level and three levels down: `k`, `*.k`, `*.*.k`, `*.*.*.k`. */
const DEPTHS = ['', '*', '*.*', '*.*.*'];

function pathsOf(key: string): string[] {
  // Keys with a dash need bracket notation.
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  return DEPTHS.map((prefix) => {
    if (plain) return prefix === '' ? key : `${prefix}.${key}`;
    return `${prefix}["${key}"]`;
  });
}

/** Every redacted path, for pino's `redact`. */
export const REDACTED_PATHS: readonly string[] = [...SECRET_KEYS, ...PERSONAL_KEYS].flatMap(pathsOf);

/** 17 characters of the VIN alphabet (no I, O, Q), digits and letters mixed. */
const VIN_SHAPED = /\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b/g;

/** Masks VIN-shaped text: an error's message is free text that no key-based redaction reaches. */
export function maskVins(text: string): string {
  return text.replace(VIN_SHAPED, '[redacted-vin]');
}

/** pino's error serializer, with VIN-shaped text masked in the message and stack (causes included). */
function serializeError(value: unknown): unknown {
  if (typeof value === 'string') return maskVins(value);
  if (!(value instanceof Error)) return value;
  const serialized = pino.stdSerializers.err(value);
  return {
    ...serialized,
    message: maskVins(serialized.message),
    ...(typeof serialized.stack === 'string' && { stack: maskVins(serialized.stack) }),
  };
}

/** Nothing to add: outside a request, or the line names its request itself. */
const NO_FIELDS = Object.freeze({});

/** The request id of the request this line is written for (unless the line has one already). */
function requestFields(line: object): object {
  const context = currentRequestContext();
  if (context === undefined || 'requestId' in line) return NO_FIELDS;
  return { requestId: context.requestId };
}

/** The line's own fields after the request id (pino's default would write into NO_FIELDS). */
function mergeRequestFields(line: object, fields: object): object {
  return fields === NO_FIELDS ? line : Object.assign(fields, line);
}

/** Log text waiting for standard output at most; beyond it lines are dropped rather than memory grown. */
const MAX_PENDING_LOG_BYTES = 16 * 1024 * 1024;

/**
 * Standard output, written asynchronously: lines that arrive while a write is in progress go out
 * together in the next one, instead of one blocking write per line (a write per line was a tenth
 * of a cheap read's time). pino flushes what is pending when the process exits, and the process
 * guards flush before exiting on an uncaught exception.
 */
function standardOutput(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false, maxLength: MAX_PENDING_LOG_BYTES });
}

/**
 * `logger` without the key-based redaction, for lines whose fields are fixed and hold no redacted
 * key (the access line, the operation line; their tests check the exact fields): the redaction
 * was most of the cost of writing them. The request id still comes from the mixin.
 */
export function fixedFieldsLogger(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: [] } });
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      mixin: requestFields,
      mixinMergeStrategy: mergeRequestFields,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      serializers: { err: serializeError },
      base: { service: 'recovery-graph' },
    },
    options.destination ?? standardOutput(),
  );
}
