/**
 * Readers of single environment variables, shared by every block of the configuration (src/config.ts
 * and each `<area>/settings.ts`), so that every variable is read by the same rules and refused in
 * the same words. Empty is unset. A reader never throws: what is wrong is added to `problems` (the
 * caller reports them all at once) and the fallback is used.
 */

/** The variable's text, or null when it is unset or empty. */
export function stringSetting(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name];
  return value === undefined || value === '' ? null : value;
}

/** A whole number from `min` to `max`, written in digits only. */
export function integerSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = stringSetting(env, name);
  if (raw === null) return fallback;
  // Digits only: Number() would also take ' ' (0), '0x1F90' and '1e3'.
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push(`${name} must be a whole number from ${String(min)} to ${String(max)} (got "${raw}").`);
  return fallback;
}

/** `true` or `false` exactly: a typo must not silently switch something on (or off). */
export function booleanSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = stringSetting(env, name);
  if (raw === null) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  problems.push(`${name} must be true or false (got "${raw}").`);
  return fallback;
}

/** An absolute http: or https: URL. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
