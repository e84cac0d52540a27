/**
 * Readers for the providers' loosely typed JSON values. Each takes `unknown` and answers a clean
 * value or null: they never throw, whatever a provider sends, so one odd field can never fail a
 * whole answer. Shared by every provider client.
 */

/** Strings providers use for "no value" (RecoveryConnect's quirks; harmless for the others). */
const PLACEHOLDERS: ReadonlySet<string> = new Set(['', '-undefined', 'No Data']);

/**
 * Default zone of timestamps like `2026-03-10 11:48:00`, which carry none: UTC. RecoveryConnect's
 * seed shows the collateral `status_date` (`2026-03-10T11:48:00.000000Z`) is the same instant as
 * the assignment's zone-less `accepted_date` (`2026-03-10 11:48:00`). A provider whose naive
 * timestamps are local time passes its own offset to {@link instant}.
 */
const NAIVE_TIMESTAMP_OFFSET_MINUTES = 0;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the provider meant "no value". */
export function isPlaceholder(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && PLACEHOLDERS.has(value.trim()));
}

/** A trimmed string, or null for placeholders and non-text. Numbers are written out. */
export function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || isPlaceholder(value)) return null;
  return value.trim();
}

/** An identifier: integers and non-empty strings, as a string. */
export function identifier(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null;
  return text(value);
}

/** A whole number from a number or a numeric string (`"2010"`). */
export function integer(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : null;
  }
  return null;
}

/** `1`/`"1"`/`true` and `0`/`"0"`/`false`; anything else is unknown (null). */
export function flag(value: unknown): boolean | null {
  if (value === true || value === 1 || value === '1') return true;
  if (value === false || value === 0 || value === '0') return false;
  return null;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * An exact decimal string. Strings pass through untouched (they are exact already); a JSON
 * number is written back as the shortest text that reads as the same number, unless that text
 * is in exponent notation (`1e-7`, `1e21`), which no amount should need: then null.
 */
export function decimal(value: unknown): string | null {
  if (typeof value === 'number') {
    const written = Number.isFinite(value) ? String(value) : '';
    return DECIMAL.test(written) ? written : null;
  }
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return DECIMAL.test(trimmed) ? trimmed : null;
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly epochMs: number;
}

function parseTimestamp(value: unknown, naiveOffsetMinutes: number): Parts | null {
  if (typeof value !== 'string') return null;
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const offset = zoneOffsetMinutes(zone, naiveOffsetMinutes);
  if (offset === null) return null;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  check.setUTCHours(Number(h), Number(mi), Number(s), ms);
  const utc = check.getTime();
  // Date.UTC rolls 2026-02-31 over into March; such values are not dates.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return { year, month, day, epochMs: utc - offset * 60_000 };
}

/** Minutes east of UTC, or null for an offset no clock has (`+99:99`). */
function zoneOffsetMinutes(zone: string | undefined, naiveOffsetMinutes: number): number | null {
  if (zone === undefined) return naiveOffsetMinutes;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/**
 * An instant as ISO 8601 UTC (`2026-03-10T11:48:00.000Z`), from ISO or `YYYY-MM-DD hh:mm:ss`
 * text. A timestamp without a zone is read at `naiveOffsetMinutes` east of UTC.
 */
export function instant(value: unknown, naiveOffsetMinutes: number = NAIVE_TIMESTAMP_OFFSET_MINUTES): string | null {
  const parts = parseTimestamp(value, naiveOffsetMinutes);
  return parts ? new Date(parts.epochMs).toISOString() : null;
}

/** A calendar date `YYYY-MM-DD`; a timestamp keeps its date part as written. */
export function calendarDate(value: unknown): string | null {
  const parts = parseTimestamp(value, NAIVE_TIMESTAMP_OFFSET_MINUTES);
  if (!parts) return null;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}
