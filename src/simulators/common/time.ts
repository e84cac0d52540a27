/** Date formats the providers put on the wire. All UTC. */

/** `2026-03-10 11:50:11`: a SQL datetime, as Laravel serialises `created_at`/`updated_at`. */
export function formatSqlDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026-03-10T18:27:04.000000Z`: Laravel's JSON date cast, with microseconds. */
export function formatIsoMicros(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
