/**
 * Readers for the providers' loosely typed JSON values. Each takes `unknown` and answers a clean
 * value or null: they never throw, whatever a provider sends, so one odd field can never fail a
 * whole answer. Shared by every provider client.
 */
import { DateTime } from 'luxon';

/**
 * Strings providers use for "no value", compared trimmed and case-insensitively (`NO DATA`,
 * `n/a`, `Null`). RecoveryConnect's seed shows `""`, `"-undefined"` and `"No Data"`; the rest are
 * what exports and other systems write for a missing value. `"NA"` is not here: the seed's
 * `body_type: "NA"` may be a real code, and a real value must never be read as missing.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set(
  ['', '-', '--', '-undefined', 'undefined', 'null', 'nil', 'nan', 'n/a', '#n/a', 'no data'].map((value) => value.toLowerCase()),
);

/** The zone of timestamps like `2026-03-10 11:48:00`, which carry none, unless a provider says otherwise. */
export const DEFAULT_NAIVE_ZONE = 'UTC';

/**
 * How a provider writes a number in text: its decimal mark, its thousands separator and the
 * currency symbol it may put first (`"$27,110.55"`, `"R$ 15.420,50"`). {@link PLAIN_NUMBERS} is
 * the machine form (`-1234.5`), the default.
 */
export interface NumberFormat {
  readonly decimalMark: '.' | ',';
  readonly groupSeparator: ',' | '.' | null;
  readonly currencySymbol: string | null;
}

/** `-1234.5`: what JSON would have written. */
export const PLAIN_NUMBERS: NumberFormat = { decimalMark: '.', groupSeparator: null, currencySymbol: null };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the provider meant "no value". */
export function isPlaceholder(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && PLACEHOLDERS.has(value.trim().toLowerCase()));
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

/**
 * A whole number from a number or a numeric string (`"2010"`, `" 2 "`), read in the provider's
 * number format (`"1,234"` is 1234 for RecoveryConnect). Fractions and unsafe integers are null.
 */
export function integer(value: unknown, format: NumberFormat = PLAIN_NUMBERS): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  const written = decimal(value, format);
  if (written === null || !/^-?\d+$/.test(written)) return null;
  const parsed = Number(written);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

/** `1`/`"1"`/`true`/`"true"` and `0`/`"0"`/`false`/`"false"` (any case, trimmed); anything else is unknown (null). */
export function flag(value: unknown): boolean | null {
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  if (typeof value !== 'string') return null;
  const written = value.trim().toLowerCase();
  if (written === '1' || written === 'true') return true;
  if (written === '0' || written === 'false') return false;
  return null;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * An exact decimal string (`"15420.50"`). A JSON number is written back as the shortest text that
 * reads as the same number, unless that text is in exponent notation (`1e-7`, `1e21`), which no
 * amount should need: then null. A string is read in the provider's `format` and written in the
 * machine form without changing a digit (`"R$ 15.420,50"` → `"15420.50"`); the machine form
 * itself is read too, unless the provider's format reads the same text as another number
 * (`"1.234"` is 1234 to Banco CDC and 1.234 to a machine): such a string is null, never a guess.
 */
export function decimal(value: unknown, format: NumberFormat = PLAIN_NUMBERS): string | null {
  if (typeof value === 'number') {
    const written = Number.isFinite(value) ? String(value) : '';
    return DECIMAL.test(written) ? written : null;
  }
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  // A machine-written number is at most a few dozen characters; skip the regexes on anything huge.
  if (trimmed.length > 64) return null;
  const plain = DECIMAL.test(trimmed) ? trimmed : null;
  const formatted = inFormat(trimmed, format);
  if (plain !== null && formatted !== null && plain !== formatted) return null;
  return formatted ?? plain;
}

/** `text` in the provider's own format, in machine form; null when it is not written that way. */
function inFormat(text: string, format: NumberFormat): string | null {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1).trimStart();
  }
  if (format.currencySymbol !== null && rest.startsWith(format.currencySymbol)) {
    rest = rest.slice(format.currencySymbol.length).trimStart();
    if (!negative && rest.startsWith('-')) {
      negative = true;
      rest = rest.slice(1);
    }
  }
  const match = patternOf(format).exec(rest);
  if (!match) return null;
  const [, integerPart = '', fraction] = match;
  const digits = format.groupSeparator === null ? integerPart : integerPart.split(format.groupSeparator).join('');
  return `${negative ? '-' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

const PATTERNS = new WeakMap<NumberFormat, RegExp>();

/** The digits of a number in `format` (after sign and symbol): whole part, optionally grouped by threes, and fraction. */
function patternOf(format: NumberFormat): RegExp {
  let pattern = PATTERNS.get(format);
  if (pattern === undefined) {
    const whole =
      format.groupSeparator === null ? '\\d+' : `(?:\\d{1,3}(?:${escape(format.groupSeparator)}\\d{3})+|\\d+)`;
    pattern = new RegExp(`^(${whole})(?:${escape(format.decimalMark)}(\\d+))?$`);
    PATTERNS.set(format, pattern);
  }
  return pattern;
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly epochMs: number;
}

/**
 * What systems write for "no date": MySQL's zero date (`0000-00-00`, any year 0), .NET's minimum
 * (`0001-01-01`) and the Unix epoch written with a time (`1970-01-01 00:00:00`). Read as null.
 */
function isZeroDate(year: number, month: number, day: number, hasTime: boolean, midnight: boolean): boolean {
  if (year === 0) return true;
  if (year === 1 && month === 1 && day === 1) return true;
  return hasTime && midnight && year === 1970 && month === 1 && day === 1;
}

function parseTimestamp(value: unknown, naiveZone: string): Parts | null {
  if (typeof value !== 'string') return null;
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? '0');
  const minute = Number(mi);
  const second = Number(s);
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (year === 0 && month === 0 && day === 0) return null;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  check.setUTCHours(hour, minute, second, ms);
  // Date rolls 2026-02-31 over into March; such values are not dates.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (isZeroDate(year, month, day, h !== undefined, hour === 0 && minute === 0 && second === 0 && ms === 0)) return null;
  const wallClockAsUtc = check.getTime();
  if (zone !== undefined) {
    const offset = zoneOffsetMinutes(zone);
    return offset === null ? null : { year, month, day, epochMs: wallClockAsUtc - offset * 60_000 };
  }
  if (naiveZone === DEFAULT_NAIVE_ZONE) return { year, month, day, epochMs: wallClockAsUtc };
  const local = DateTime.fromObject({ year, month, day, hour, minute, second, millisecond: ms }, { zone: naiveZone });
  return local.isValid ? { year, month, day, epochMs: local.toMillis() } : null;
}

/** Minutes east of UTC of `Z` or `±hh[:]mm`, or null for an offset no clock has (`+99:99`). */
function zoneOffsetMinutes(zone: string): number | null {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** True for a zone {@link instant} can read naive timestamps in: an IANA name (`America/Chicago`, `UTC`) or a fixed `UTC±h`. */
export function isTimeZone(zone: string): boolean {
  return zone.trim() !== '' && DateTime.utc().setZone(zone).isValid;
}

/**
 * An instant as ISO 8601 UTC (`2026-03-10T11:48:00.000Z`), from ISO or `YYYY-MM-DD hh:mm:ss`
 * text; zero dates (`0000-00-00 00:00:00`) are null. A timestamp without a zone is read as the
 * wall clock of `naiveZone` (an IANA name, or `UTC-3` for a fixed offset): in a zone with daylight
 * saving time, a time the clock skipped reads as the same time after the change, and a time the
 * clock showed twice reads as its second, standard-time instant (Luxon's choice).
 */
export function instant(value: unknown, naiveZone: string = DEFAULT_NAIVE_ZONE): string | null {
  if (typeof value !== 'string' || value.length > MAX_REMEMBERED_TIMESTAMP_LENGTH) return readInstant(value, naiveZone);
  const key = `${naiveZone}\u0000${value}`;
  const known = readInstants.get(key);
  if (known !== undefined) return known;
  const read = readInstant(value, naiveZone);
  if (readInstants.size >= MAX_REMEMBERED_INSTANTS) readInstants.clear();
  readInstants.set(key, read);
  return read;
}

function readInstant(value: unknown, naiveZone: string): string | null {
  const parts = parseTimestamp(value, naiveZone);
  return parts ? new Date(parts.epochMs).toISOString() : null;
}

/**
 * Timestamps already read, by zone and text: the same records come back request after request
 * (a vehicle's property history is a few dozen timestamps), and reading one (a regular
 * expression, a calendar check, a time zone) was a tenth of a cheap read's time. A pure function's
 * memo, bounded: forgotten all at once when full.
 */
const readInstants = new Map<string, string | null>();
const MAX_REMEMBERED_INSTANTS = 10_000;
/** Longer text is no timestamp a provider writes; read it every time rather than keep it. */
const MAX_REMEMBERED_TIMESTAMP_LENGTH = 40;

/** A calendar date `YYYY-MM-DD`; a timestamp keeps its date part as written. Zero dates are null. */
export function calendarDate(value: unknown): string | null {
  const parts = parseTimestamp(value, DEFAULT_NAIVE_ZONE);
  if (!parts) return null;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}
