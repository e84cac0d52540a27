import { isIntegerAtLeast, isIntegerBetween, isRecord } from './guards';

/** Ways to break an answer's body. */
export const BODY_FAULTS = ['truncated', 'invalid', 'html', 'empty'] as const;
export type BodyFault = (typeof BODY_FAULTS)[number];

function isBodyFault(value: unknown): value is BodyFault {
  return BODY_FAULTS.some((kind) => kind === value);
}

/** When a fault acts: instead of the real handler, or after it (its write applied, its answer lost). */
export type FaultPhase = 'before' | 'after';

/**
 * What `POST /__sim/faults` asks for. Matching fields (`method`, `path`, `times`) pick the
 * requests; the rest say what happens to them. See the README ("Provider faults") for examples.
 */
export interface FaultSpec {
  /** Upper-case HTTP method; absent = any method. */
  method?: string;
  /** Exact path, or a prefix ending in `*`; absent = any path. */
  path?: string;
  /** How many matching requests get the fault; 0 = until cleared. */
  times: number;
  /**
   * `before` (default): the request never reaches the provider's handler, so nothing is applied.
   * `after`: the handler runs (a write IS applied) and then its answer is delayed, replaced or lost.
   */
  phase: FaultPhase;
  /** Wait this long first. Alone, it only delays: the real answer follows. */
  delayMs?: number;
  /** Answer with this status instead (with `body`, else the provider's default error body). */
  status?: number;
  retryAfterSeconds?: number;
  /** JSON body of the faulted answer; needs `status`. */
  body?: unknown;
  /** Answer the provider's own "token expired" (RecoveryConnect, CDC) or "bad API key" (debt collection) 401. */
  expiredToken?: boolean;
  /** Reset the connection: no answer at all. */
  reset?: boolean;
  /**
   * Break the answer's body: `truncated` announces the whole length, sends half and closes the
   * connection; `invalid` sends half of the JSON as a complete answer; `html` sends an HTML error
   * page; `empty` sends no body. The status is `status`, else the real answer's (after), else 200.
   */
  corrupt?: BodyFault;
  /** Send the headers and this many bytes of the body, then stall (never finish the answer). */
  stallAfterBytes?: number;
}

/** Outcome of {@link parseFaultSpec}: the spec, or why the request is nonsense. */
export type FaultSpecResult = { ok: true; spec: FaultSpec } | { ok: false; message: string };

const KNOWN_KEYS = new Set([
  'method',
  'path',
  'times',
  'phase',
  'delayMs',
  'status',
  'retryAfterSeconds',
  'body',
  'expiredToken',
  'reset',
  'corrupt',
  'stallAfterBytes',
]);

/** Longest delay a fault may ask for: two minutes outlast every client timeout worth testing. */
export const MAX_FAULT_DELAY_MS = 120_000;

/** Validates a fault request; unknown keys and contradictions are refused so a typo cannot silently change a test. */
export function parseFaultSpec(input: unknown): FaultSpecResult {
  if (!isRecord(input)) return fail('The fault must be a JSON object.');
  const unknownKey = Object.keys(input).find((key) => !KNOWN_KEYS.has(key));
  if (unknownKey !== undefined) return fail(`Unknown fault field "${unknownKey}".`);

  const { method, path, status, times, retryAfterSeconds, phase, delayMs, expiredToken, reset, corrupt, stallAfterBytes } = input;
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    return fail('method must be an HTTP method name.');
  }
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) {
    return fail('path must be a string starting with "/".');
  }
  if (times !== undefined && !isIntegerAtLeast(times, 0)) return fail('times must be an integer >= 0.');
  if (phase !== undefined && phase !== 'before' && phase !== 'after') return fail('phase must be "before" or "after".');
  if (delayMs !== undefined && !isIntegerBetween(delayMs, 0, MAX_FAULT_DELAY_MS)) {
    return fail(`delayMs must be an integer from 0 to ${String(MAX_FAULT_DELAY_MS)}.`);
  }
  if (status !== undefined && !isIntegerBetween(status, 200, 599)) return fail('status must be an integer from 200 to 599.');
  if (retryAfterSeconds !== undefined && !isIntegerAtLeast(retryAfterSeconds, 0)) {
    return fail('retryAfterSeconds must be an integer >= 0.');
  }
  if (expiredToken !== undefined && expiredToken !== true) return fail('expiredToken must be true when given.');
  if (reset !== undefined && reset !== true) return fail('reset must be true when given.');
  if (corrupt !== undefined && !isBodyFault(corrupt)) {
    return fail(`corrupt must be one of ${BODY_FAULTS.join(', ')}.`);
  }
  if (stallAfterBytes !== undefined && !isIntegerAtLeast(stallAfterBytes, 0)) return fail('stallAfterBytes must be an integer >= 0.');

  const spec: FaultSpec = { times: times ?? 1, phase: phase ?? 'before' };
  if (method !== undefined) spec.method = method.toUpperCase();
  if (path !== undefined) spec.path = path;
  if (delayMs !== undefined) spec.delayMs = delayMs;
  if (status !== undefined) spec.status = status;
  if (retryAfterSeconds !== undefined) spec.retryAfterSeconds = retryAfterSeconds;
  if ('body' in input) spec.body = structuredClone(input['body']);
  if (expiredToken === true) spec.expiredToken = true;
  if (reset === true) spec.reset = true;
  if (corrupt !== undefined) spec.corrupt = corrupt;
  if (stallAfterBytes !== undefined) spec.stallAfterBytes = stallAfterBytes;

  const contradiction = contradictionIn(spec);
  return contradiction === null ? { ok: true, spec } : fail(contradiction);
}

/** Fields that cannot go together, or a fault that does nothing. */
function contradictionIn(spec: FaultSpec): string | null {
  const effects = [spec.delayMs, spec.status, spec.expiredToken, spec.reset, spec.corrupt, spec.stallAfterBytes];
  if (effects.every((effect) => effect === undefined)) {
    return 'A fault needs at least one of status, delayMs, reset, corrupt, stallAfterBytes, expiredToken.';
  }
  if ('body' in spec && spec.status === undefined) return 'body needs a status.';
  if (spec.retryAfterSeconds !== undefined && spec.status === undefined) return 'retryAfterSeconds needs a status.';
  if (spec.expiredToken === true && (spec.status !== undefined || spec.phase === 'after')) {
    return 'expiredToken is its own answer, before the handler: leave out status and phase "after".';
  }
  if (spec.reset === true && (spec.status !== undefined || spec.corrupt !== undefined || spec.stallAfterBytes !== undefined || spec.expiredToken === true)) {
    return 'reset sends no answer: leave out status, corrupt, stallAfterBytes and expiredToken.';
  }
  if (spec.corrupt !== undefined && spec.stallAfterBytes !== undefined) return 'Choose corrupt or stallAfterBytes, not both.';
  return null;
}

function fail(message: string): FaultSpecResult {
  return { ok: false, message };
}
