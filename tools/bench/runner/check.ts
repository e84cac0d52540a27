/**
 * Before anything is measured: every target answers the query, with the same data, and refuses
 * what it must (a wrongly signed token: HTTP 401; no token: UNAUTHENTICATED; a token without
 * the scope: FORBIDDEN). The exact answer body of each target is kept: under load every answer
 * must be that body, byte for byte (autocannon counts the others as mismatches).
 */
import { isDeepStrictEqual } from 'node:util';
import { BENCH_ASSIGNMENT_ID } from '../query';
import type { TargetName } from './options';
import type { Target, TargetRequest } from './targets';

export interface CheckTokens {
  /** Signed with another secret. */
  readonly wrongSignature: string;
  /** Valid, without the query's scope. */
  readonly withoutScope: string;
}

export interface CheckResult {
  readonly problems: string[];
  /** Each target's answer body to the query, as sent. */
  readonly bodies: ReadonlyMap<TargetName, string>;
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

async function send(request: TargetRequest): Promise<Answer> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? null });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

function field(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Paths where two JSON values differ (at most `limit`). */
export function differences(a: unknown, b: unknown, path = '', limit = 10): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  const objects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b);
  if (!objects) return [`${path || '(root)'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys.flatMap((key) => differences(left[key], right[key], `${path}.${key}`, limit)).slice(0, limit);
}

async function checkGraphql(target: Target, tokens: CheckTokens, problems: string[]): Promise<{ data: unknown; body: string } | null> {
  const say = (problem: string) => problems.push(`${target.name}: ${problem}`);
  const first = await send(target.request);
  const again = await send(target.request);
  if (first.status !== 200 || field(first.json, 'errors') !== undefined || field(first.json, 'data', 'assignment', 'id') !== BENCH_ASSIGNMENT_ID) {
    say(`the query did not answer assignment ${BENCH_ASSIGNMENT_ID} without errors (HTTP ${first.status}): ${first.text.slice(0, 500)}`);
    return null;
  }
  if (again.text !== first.text) say('two answers to the same query differ, so answers under load cannot be checked');

  const wrong = await send(target.withAuthorization(`Bearer ${tokens.wrongSignature}`));
  if (wrong.status !== 401 || field(wrong.json, 'data', 'assignment') != null) {
    say(`a wrongly signed token was not refused with HTTP 401 (HTTP ${wrong.status}): ${wrong.text.slice(0, 300)}`);
  }
  const anonymous = await send(target.withAuthorization(null));
  if (field(anonymous.json, 'data', 'assignment') !== null || field(anonymous.json, 'errors', 0, 'extensions', 'code') !== 'UNAUTHENTICATED') {
    say(`a request without a token was not refused with UNAUTHENTICATED: ${anonymous.text.slice(0, 300)}`);
  }
  const unscoped = await send(target.withAuthorization(`Bearer ${tokens.withoutScope}`));
  if (field(unscoped.json, 'data', 'assignment') !== null || field(unscoped.json, 'errors', 0, 'extensions', 'code') !== 'FORBIDDEN') {
    say(`a token without the scope was not refused with FORBIDDEN: ${unscoped.text.slice(0, 300)}`);
  }
  return { data: field(first.json, 'data'), body: first.text };
}

async function checkUpstream(target: Target, problems: string[]): Promise<string | null> {
  const answer = await send(target.request);
  if (answer.status !== 200 || String(field(answer.json, 'data', 0, 'id')) !== BENCH_ASSIGNMENT_ID) {
    problems.push(`upstream: the REST GET did not answer assignment ${BENCH_ASSIGNMENT_ID} (HTTP ${answer.status})`);
    return null;
  }
  const anonymous = await send(target.withAuthorization(null));
  if (anonymous.status !== 401) problems.push(`upstream: a GET without a token was answered HTTP ${anonymous.status}, not 401`);
  return answer.text;
}

export async function checkTargets(targets: readonly Target[], tokens: CheckTokens): Promise<CheckResult> {
  const problems: string[] = [];
  const bodies = new Map<TargetName, string>();
  let reference: { name: TargetName; data: unknown } | null = null;
  for (const target of targets) {
    if (target.name === 'upstream') {
      const body = await checkUpstream(target, problems);
      if (body !== null) bodies.set(target.name, body);
      continue;
    }
    const answer = await checkGraphql(target, tokens, problems);
    if (answer === null) continue;
    bodies.set(target.name, answer.body);
    if (reference === null) {
      reference = { name: target.name, data: answer.data };
      continue;
    }
    const differ = differences(reference.data, answer.data);
    if (differ.length > 0) problems.push(`${target.name}: data differs from ${reference.name}'s:\n    ${differ.join('\n    ')}`);
  }
  return { problems, bodies };
}
