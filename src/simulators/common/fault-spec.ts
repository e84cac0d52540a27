import { isIntegerAtLeast, isIntegerBetween, isRecord } from './guards';

/**
 * What `POST /__sim/faults` asks for. Matching fields (`method`, `path`) and answer fields
 * (`status`, `retryAfterSeconds`, `body`) are kept apart so delays, resets and broken bodies
 * can be added to the answer side later without touching the matcher.
 */
export interface FaultSpec {
  /** Upper-case HTTP method; absent = any method. */
  method?: string;
  /** Exact path, or a prefix ending in `*`; absent = any path. */
  path?: string;
  /** How many matching requests get the fault; 0 = until cleared. */
  times: number;
  status: number;
  retryAfterSeconds?: number;
  /** JSON body of the faulted answer; absent = the default `{message}`. */
  body?: unknown;
}

/** Outcome of {@link parseFaultSpec}: the spec, or why the request is nonsense. */
export type FaultSpecResult = { ok: true; spec: FaultSpec } | { ok: false; message: string };

const KNOWN_KEYS = new Set(['method', 'path', 'status', 'times', 'retryAfterSeconds', 'body']);

/** Validates a fault request; unknown keys are refused so a typo cannot silently change a test. */
export function parseFaultSpec(input: unknown): FaultSpecResult {
  if (!isRecord(input)) return fail('The fault must be a JSON object.');
  const unknownKey = Object.keys(input).find((key) => !KNOWN_KEYS.has(key));
  if (unknownKey !== undefined) return fail(`Unknown fault field "${unknownKey}".`);

  const { method, path, status, times, retryAfterSeconds } = input;
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    return fail('method must be an HTTP method name.');
  }
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) {
    return fail('path must be a string starting with "/".');
  }
  if (!isIntegerBetween(status, 200, 599)) return fail('status must be an integer from 200 to 599.');
  if (times !== undefined && !isIntegerAtLeast(times, 0)) return fail('times must be an integer >= 0.');
  if (retryAfterSeconds !== undefined && !isIntegerAtLeast(retryAfterSeconds, 0)) {
    return fail('retryAfterSeconds must be an integer >= 0.');
  }

  const spec: FaultSpec = { status, times: times ?? 1 };
  if (method !== undefined) spec.method = method.toUpperCase();
  if (path !== undefined) spec.path = path;
  if (retryAfterSeconds !== undefined) spec.retryAfterSeconds = retryAfterSeconds;
  if ('body' in input) spec.body = structuredClone(input['body']);
  return { ok: true, spec };
}

function fail(message: string): FaultSpecResult {
  return { ok: false, message };
}
