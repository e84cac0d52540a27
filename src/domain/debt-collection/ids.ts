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
