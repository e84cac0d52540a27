/** Small type guards for validating request bodies that arrive as `unknown`. */

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer JS can represent exactly, at least `min`. */
export function isIntegerAtLeast(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** An integer within `[min, max]`. */
export function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return isIntegerAtLeast(value, min) && value <= max;
}

/** Parses a decimal string of digits only ("12", not "+12", "1.0" or " 12"). */
export function parseDigits(text: string): number | undefined {
  if (!/^[0-9]{1,15}$/.test(text)) return undefined;
  return Number(text);
}
