/**
 * CDC timestamps carry no zone and are Brasília time (our reading, see raw.ts). Brasília has
 * kept UTC−03:00 all year since 2019, so a fixed offset is exact for current dates.
 */
const OFFSET_MS = -3 * 60 * 60 * 1000;

/** `2026-10-01 09:00:00` in Brasília time. */
export function formatBrasiliaDateTime(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026-10-01`, the Brasília calendar date. */
export function formatBrasiliaDate(date: Date): string {
  return formatBrasiliaDateTime(date).slice(0, 10);
}
