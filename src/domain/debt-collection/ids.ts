/**
 * Debt-collection ids (debtors, agency cases, collection cases, debts) are provider strings of
 * undocumented shape. What we require: non-blank, at most 200 characters, no comma (the cases
 * read joins ids with commas, so one would split into two) and no control characters.
 */
const WIRE_ID = /^[^,\p{Cc}]{1,200}$/u;

/** True when the id can travel in the cases read's comma-separated lists. */
export function isWireId(id: string): boolean {
  return WIRE_ID.test(id) && id.trim() !== '';
}

/**
 * A transfer run id travels as one path segment (`/debt-collection/{runId}/debtors`): letters,
 * digits, `.`, `_`, `-`, starting with a letter or digit (so never `.` or `..`), at most 200.
 * `blocked` is not one: `/debt-collection/blocked/debtors` is the blocked-debtors list.
 */
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** True when the id can name a run in a path; any other id names no run. */
export function isRunId(id: string): boolean {
  return RUN_ID.test(id) && id !== 'blocked';
}
