/** Date formats the providers put on the wire: UTC, or a wall clock where the format has no zone. */
import { DateTime } from 'luxon';

/**
 * `2026-03-10 11:50:11`: a SQL datetime, as Laravel serialises `created_at`/`updated_at`: the wall
 * clock of `zone` (an IANA name; the provider's app zone), which the text does not carry.
 */
export function formatSqlDateTime(date: Date, zone = 'UTC'): string {
  if (zone === 'UTC') return date.toISOString().slice(0, 19).replace('T', ' ');
  return DateTime.fromJSDate(date, { zone }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** `2026-03-10T18:27:04.000000Z`: Laravel's JSON date cast, with microseconds. */
export function formatIsoMicros(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
