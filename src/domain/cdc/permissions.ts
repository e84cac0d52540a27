/**
 * Who may move a CDC assignment where: the seed's rules as one table of data, and the two
 * functions the graph asks it. The graph is always the partner.
 *
 * Our reading. The seed says two things:
 *   1. who moves an assignment INTO each status (the "Author" column, below as `authors`), and
 *   2. "if the current assignment status is not changeable by a partner (2, 3, 6, 7, 8) the API
 *      will return 400-30" (below as `lockedForPartner`).
 * They contradict each other in places: Signature (5) is the partner's to set, yet a partner can
 * not leave Approved (3), the status it naturally follows. We do not guess the workflow the
 * documentation meant; we apply both rules literally, as the simulator does: a partner may move
 * an assignment whose current status is not locked into any status whose author is the partner.
 * Signed contract (9) is set by the system and only from Signature (5), never by a partner.
 *
 * The provider stays the final authority: a local refusal only saves a call that would fail,
 * and the provider's own 400-30 is reported the same way.
 */
import { CDC_STATUSES, type CdcStatus } from './status';

/** Who moves an assignment. */
export type CdcActor = 'PARTNER' | 'CDC' | 'SYSTEM';

interface StatusRule {
  /** Who may move an assignment into this status (the seed's "Author" column). */
  readonly authors: readonly CdcActor[];
  /** True when a partner can not move an assignment out of this status (the seed's 400-30 list). */
  readonly lockedForPartner: boolean;
  /** When set, the only status this one may be reached from. */
  readonly onlyFrom?: CdcStatus;
}

/** The rules, one row per status, from the seed's table. */
export const CDC_STATUS_RULES: Readonly<Record<CdcStatus, StatusRule>> = {
  TYPING: { authors: ['PARTNER'], lockedForPartner: false },
  ANALYSIS: { authors: ['PARTNER'], lockedForPartner: true },
  APPROVED: { authors: ['CDC'], lockedForPartner: true },
  REFUSED: { authors: ['CDC'], lockedForPartner: false },
  SIGNATURE: { authors: ['PARTNER'], lockedForPartner: false },
  SALE_OFF: { authors: ['CDC'], lockedForPartner: true },
  FINISHED: { authors: ['CDC'], lockedForPartner: true },
  CANCELLED: { authors: ['PARTNER', 'CDC'], lockedForPartner: true },
  SIGNED_CONTRACT: { authors: ['SYSTEM'], lockedForPartner: false, onlyFrom: 'SIGNATURE' },
};

/** True when `actor` may move an assignment from `current` into `target` (target ≠ current). */
function mayMove(actor: CdcActor, current: CdcStatus, target: CdcStatus): boolean {
  const rule = CDC_STATUS_RULES[target];
  if (!rule.authors.includes(actor)) return false;
  if (rule.onlyFrom !== undefined && rule.onlyFrom !== current) return false;
  return actor !== 'PARTNER' || !CDC_STATUS_RULES[current].lockedForPartner;
}

/**
 * The statuses a partner may set now, in the provider's order. The current status is left out:
 * setting it again changes nothing (and succeeds).
 */
export function allowedNextStatuses(current: CdcStatus): CdcStatus[] {
  return CDC_STATUSES.filter((target) => target !== current && mayMove('PARTNER', current, target));
}

/** Why a partner may not make a change. */
export type NotPermittedReason =
  /** The current status is one a partner can not move an assignment out of. */
  | 'CURRENT_STATUS_LOCKED'
  /** The requested status is set by CDC or the system, not by a partner. */
  | 'NOT_SET_BY_PARTNER';

/** The answer of {@link checkStatusChange}; `allowed` is what a partner may set instead. */
export type StatusChangeCheck =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'permitted' }
  | { readonly kind: 'not_permitted'; readonly reason: NotPermittedReason; readonly allowed: readonly CdcStatus[] };

/** Whether a partner may move an assignment from `current` to `requested`. */
export function checkStatusChange(current: CdcStatus, requested: CdcStatus): StatusChangeCheck {
  if (current === requested) return { kind: 'unchanged' };
  if (mayMove('PARTNER', current, requested)) return { kind: 'permitted' };
  const reason: NotPermittedReason = CDC_STATUS_RULES[current].lockedForPartner ? 'CURRENT_STATUS_LOCKED' : 'NOT_SET_BY_PARTNER';
  return { kind: 'not_permitted', reason, allowed: allowedNextStatuses(current) };
}
