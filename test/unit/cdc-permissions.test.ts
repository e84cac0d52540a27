import { allowedNextStatuses, checkStatusChange } from '../../src/domain/cdc/permissions';
import { CDC_STATUSES, type CdcStatus } from '../../src/domain/cdc/status';

/** The partner's statuses (seed "Author: Partner"): TYPING, ANALYSIS, SIGNATURE, CANCELLED. */
describe('allowedNextStatuses', () => {
  it.each<[CdcStatus, CdcStatus[]]>([
    ['TYPING', ['ANALYSIS', 'SIGNATURE', 'CANCELLED']],
    ['ANALYSIS', []],
    ['APPROVED', []],
    ['REFUSED', ['TYPING', 'ANALYSIS', 'SIGNATURE', 'CANCELLED']],
    ['SIGNATURE', ['TYPING', 'ANALYSIS', 'CANCELLED']],
    ['SALE_OFF', []],
    ['FINISHED', []],
    ['CANCELLED', []],
    ['SIGNED_CONTRACT', ['TYPING', 'ANALYSIS', 'SIGNATURE', 'CANCELLED']],
  ])('from %s a partner may set %j', (current, allowed) => {
    expect(allowedNextStatuses(current)).toEqual(allowed);
  });

  it('never offers a status set by CDC or the system', () => {
    const offered = new Set(CDC_STATUSES.flatMap(allowedNextStatuses));
    expect([...offered].sort()).toEqual(['ANALYSIS', 'CANCELLED', 'SIGNATURE', 'TYPING']);
  });
});

describe('checkStatusChange', () => {
  it('calls the status the assignment already has unchanged, even where a partner is locked out', () => {
    for (const status of CDC_STATUSES) expect(checkStatusChange(status, status)).toEqual({ kind: 'unchanged' });
  });

  it('permits TYPING → ANALYSIS', () => {
    expect(checkStatusChange('TYPING', 'ANALYSIS')).toEqual({ kind: 'permitted' });
  });

  it('refuses to leave a locked status (the seed: 2, 3, 6, 7, 8 → 400-30)', () => {
    for (const current of ['ANALYSIS', 'APPROVED', 'SALE_OFF', 'FINISHED', 'CANCELLED'] as const) {
      expect(checkStatusChange(current, 'TYPING')).toEqual({ kind: 'not_permitted', reason: 'CURRENT_STATUS_LOCKED', allowed: [] });
    }
    expect(checkStatusChange('ANALYSIS', 'SIGNATURE')).toMatchObject({ reason: 'CURRENT_STATUS_LOCKED' });
    expect(checkStatusChange('FINISHED', 'CANCELLED')).toMatchObject({ reason: 'CURRENT_STATUS_LOCKED' });
  });

  it("refuses CDC's and the system's statuses from any status", () => {
    for (const current of CDC_STATUSES) {
      for (const requested of ['APPROVED', 'REFUSED', 'SALE_OFF', 'FINISHED', 'SIGNED_CONTRACT'] as const) {
        if (current === requested) continue;
        expect(checkStatusChange(current, requested).kind).toBe('not_permitted');
      }
    }
    expect(checkStatusChange('SIGNATURE', 'SIGNED_CONTRACT')).toEqual({
      kind: 'not_permitted',
      reason: 'NOT_SET_BY_PARTNER',
      allowed: ['TYPING', 'ANALYSIS', 'CANCELLED'],
    });
  });
});
