import { createRequestIdStore } from '../../src/infra/memory/request-ids';
import { inputFingerprint, normalizeRequestId } from '../../src/application/debt-collection/idempotency';
import { type Admission } from '../../src/application/debt-collection/ports';
import type { CaseUpdateInputModel } from '../../src/domain/debt-collection/model';

const base: CaseUpdateInputModel = {
  agencyCollectionCaseId: 'agency-id-123',
  debts: [
    { debtId: 'b', paidAmount: '10.50', canceledAmount: '0' },
    { debtId: 'a', paidAmount: '1', canceledAmount: '0' },
  ],
};

function proceed(admission: Admission) {
  if (admission.kind !== 'proceed') throw new Error(`expected proceed, got ${admission.kind}`);
  return admission;
}

describe('inputFingerprint', () => {
  it('is the same for the same amounts written differently and debts in another order', () => {
    const same: CaseUpdateInputModel = {
      requestId: 'ignored-by-the-fingerprint',
      agencyCollectionCaseId: 'agency-id-123',
      debts: [
        { debtId: 'a', paidAmount: '1.00', canceledAmount: '0.0' },
        { debtId: 'b', paidAmount: '10.5', canceledAmount: '0' },
      ],
    };
    expect(inputFingerprint('update', same)).toBe(inputFingerprint('update', base));
  });

  it('reads a closure date given as a JS Date like the same date as text', () => {
    const closure = { type: 'POSITIVE' as const, date: '2026-11-20' };
    expect(inputFingerprint('close', { ...base, closure: { ...closure, date: new Date('2026-11-20T00:00:00Z') } })).toBe(
      inputFingerprint('close', { ...base, closure }),
    );
  });

  it('differs for another amount, another mutation, another case', () => {
    const fingerprint = inputFingerprint('update', base);
    expect(inputFingerprint('update', { ...base, debts: [{ debtId: 'a', paidAmount: '1.01', canceledAmount: '0' }] })).not.toBe(fingerprint);
    expect(inputFingerprint('close', base)).not.toBe(fingerprint);
    expect(inputFingerprint('update', { ...base, agencyCollectionCaseId: 'agency-id-124' })).not.toBe(fingerprint);
  });

  it('tells a left-out block (keep) from a DISABLED one (remove) and from null', () => {
    const kept = inputFingerprint('update', base);
    const removed = inputFingerprint('update', { ...base, debtorBlock: { limitType: 'DISABLED' } });
    const nulled = inputFingerprint('update', { ...base, debtorBlock: null });
    expect(new Set([kept, removed, nulled]).size).toBe(3);
  });
});

describe('normalizeRequestId', () => {
  it('lower-cases, since UUIDs are case-insensitive', () => {
    expect(normalizeRequestId('FC336B0B-409C-4C66-A26D-AB25B87DCB8F')).toBe('fc336b0b-409c-4c66-a26d-ab25b87dcb8f');
  });
});

describe('createRequestIdStore', () => {
  it('replays an accepted requestId with the same input and refuses it with other input', async () => {
    const store = createRequestIdStore();
    await proceed(await store.admit('r1', 'fp-a')).settle('agency-id-123');

    expect(await store.admit('r1', 'fp-a')).toEqual({ kind: 'replay', agencyCollectionCaseId: 'agency-id-123' });
    expect(await store.admit('r1', 'fp-b')).toEqual({ kind: 'conflict' });
  });

  it('forgets a requestId whose write failed, so it may be sent again', async () => {
    const store = createRequestIdStore();
    await proceed(await store.admit('r1', 'fp-a')).settle(null);

    expect((await store.admit('r1', 'fp-b')).kind).toBe('proceed');
  });

  it('makes an identical request wait for the one in flight, then replay it', async () => {
    const store = createRequestIdStore();
    const first = proceed(await store.admit('r1', 'fp-a'));
    let secondSettled = false;
    const second = store.admit('r1', 'fp-a').then((admission) => {
      secondSettled = true;
      return admission;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondSettled).toBe(false);

    await first.settle('agency-id-123');

    expect(await second).toEqual({ kind: 'replay', agencyCollectionCaseId: 'agency-id-123' });
  });

  it('lets the waiting request proceed itself when the first one failed', async () => {
    const store = createRequestIdStore();
    const first = proceed(await store.admit('r1', 'fp-a'));
    const second = store.admit('r1', 'fp-a');
    await first.settle(null);

    expect((await second).kind).toBe('proceed');
  });

  it('refuses different input for a requestId in flight at once', async () => {
    const store = createRequestIdStore();
    proceed(await store.admit('r1', 'fp-a'));

    expect(await store.admit('r1', 'fp-b')).toEqual({ kind: 'conflict' });
  });

  it('ignores a second settle', async () => {
    const store = createRequestIdStore();
    const admission = proceed(await store.admit('r1', 'fp-a'));
    await admission.settle(null);
    await admission.settle('agency-id-123');

    expect((await store.admit('r1', 'fp-a')).kind).toBe('proceed');
  });

  it('forgets requestIds after the TTL', async () => {
    let clock = 1_000_000;
    const store = createRequestIdStore({ ttlMs: 60_000, now: () => clock });
    await proceed(await store.admit('r1', 'fp-a')).settle('agency-id-123');

    clock += 59_000;
    expect((await store.admit('r1', 'fp-a')).kind).toBe('replay');
    clock += 2_000;
    expect((await store.admit('r1', 'fp-b')).kind).toBe('proceed');
  });

  it('holds at most max requestIds, dropping the least recently used', async () => {
    const store = createRequestIdStore({ max: 2 });
    for (const id of ['r1', 'r2', 'r3']) await proceed(await store.admit(id, 'fp')).settle('c');

    expect((await store.admit('r1', 'other')).kind).toBe('proceed');
    expect((await store.admit('r3', 'fp')).kind).toBe('replay');
  });
});
