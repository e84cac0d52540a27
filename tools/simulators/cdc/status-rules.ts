/**
 * Who may move an assignment where, from the seed's status table. The simulator's caller is
 * always the partner; CDC's and the system's moves come only through the control routes.
 */

/** Statuses a partner can not change away from (seed: "2, 3, 6, 7, 8" → 400-30). */
const LOCKED_FOR_PARTNER: ReadonlySet<number> = new Set([2, 3, 6, 7, 8]);

/** Statuses the partner is the author of: 1 Typing, 2 Analysis, 5 Signature, 8 Cancelled. */
const PARTNER_TARGETS: ReadonlySet<number> = new Set([1, 2, 5, 8]);

const SIGNATURE = 5;
const SIGNED_CONTRACT = 9;

/** 1–9, the statuses the seed's table knows. */
export function isKnownStatus(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 9;
}

/**
 * True when a partner may move an assignment from `current` to `target`. Setting the status it
 * already has (1 → 1) passes: the seed forbids nothing more.
 */
export function partnerMayMove(current: number, target: number): boolean {
  return isKnownStatus(target) && !LOCKED_FOR_PARTNER.has(current) && PARTNER_TARGETS.has(target);
}

/** CDC or the system: anything known, except that 9 (Signed contract) comes only from 5. */
export function providerMayMove(current: number, target: number): boolean {
  return isKnownStatus(target) && (target !== SIGNED_CONTRACT || current === SIGNATURE);
}
