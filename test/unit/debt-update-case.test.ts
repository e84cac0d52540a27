/**
 * The update flow against an in-memory provider port (no HTTP): the order of store, rules, lock,
 * write and read-back, and that nothing is written twice or lost.
 */
import { createRequestIdStore } from '../../src/infra/memory/request-ids';
import { createKeyedLock } from '../../src/infra/memory/keyed-lock';
import {
  BLOCK_UNKNOWN,
  type BlockListModel,
  type CaseUpdateInputModel,
  type CaseUpdatePayload,
  type DebtCaseModel,
} from '../../src/domain/debt-collection/model';
import { exact, money, openAmount } from '../../src/domain/debt-collection/money';
import { runCaseUpdate, type CaseUpdateDeps, type CaseUpdateOutcome } from '../../src/application/debt-collection/update-case';
import { mapCasesAnswer } from '../../src/providers/debt-collection/mapping';
import { debtCollectionFixture } from '../../tools/simulators/fixtures';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const REQUEST_ID = 'fc336b0b-409c-4c66-a26d-ab25b87dcb8f';
const DEBT_1 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0001';
const DEBT_2 = '0b6f7c1e-6a55-4c71-8d3e-6f1c2b7a0002';

/** A provider in memory: cases by id; an update applies the payload like the provider would. */
function fakeProvider() {
  const cases = new Map<string, DebtCaseModel>();
  for (const read of mapCasesAnswer({ result: debtCollectionFixture.debtors }) ?? []) {
    if (read.ok) cases.set(read.agencyCollectionCaseId, read.debtCase);
  }
  const writes: CaseUpdatePayload[] = [];
  const failures = { read: [] as Error[], write: [] as Error[] };
  /** The provider's blocked lists: empty unless a test fills them. */
  const lists: { debtors: BlockListModel; debts: BlockListModel } = { debtors: { byId: new Map() }, debts: { byId: new Map() } };
  let pause: Promise<void> | null = null;

  const deps: CaseUpdateDeps = {
    readCase(id) {
      const failure = failures.read.shift();
      return failure ? Promise.reject(failure) : Promise.resolve(cases.get(id) ?? null);
    },
    async update(payload) {
      if (pause) await pause;
      const failure = failures.write.shift();
      if (failure) throw failure;
      writes.push(payload);
      const current = cases.get(payload.agencyCollectionCaseId);
      if (!current) throw new Error('unknown case');
      cases.set(payload.agencyCollectionCaseId, {
        ...current,
        debtor: { ...current.debtor, block: payload.debtorBlock },
        closure: payload.closure && { ...payload.closure, options: [], writeOffRemainingDebts: false },
        debts: payload.debts.map((debt) => ({
          debtId: debt.debtId,
          type: null,
          originalAmount: money(exact(debt.originalAmount), debt.currency),
          paidAmount: money(exact(debt.paidAmount), debt.currency),
          canceledAmount: money(exact(debt.canceledAmount), debt.currency),
          openAmount: money(openAmount(exact(debt.originalAmount), exact(debt.paidAmount), exact(debt.canceledAmount)), debt.currency),
          block: debt.block,
        })),
      });
    },
    requestIds: createRequestIdStore({ now: () => NOW }),
    writeLocks: createKeyedLock(),
    now: () => NOW,
    blockedDebtors: () => Promise.resolve(lists.debtors),
    blockedDebts: () => Promise.resolve(lists.debts),
  };
  return {
    deps,
    writes,
    failures,
    cases,
    lists,
    /** Holds every write until the returned function is called. */
    holdWrites(): () => void {
      let release = (): void => undefined;
      pause = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        pause = null;
        release();
      };
    },
  };
}

const pay = (paidAmount: string, debtId = DEBT_1): CaseUpdateInputModel => ({
  requestId: REQUEST_ID,
  agencyCollectionCaseId: 'agency-id-123',
  debts: [{ debtId, paidAmount, canceledAmount: '0' }],
});

function done(outcome: CaseUpdateOutcome) {
  if (outcome.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('runCaseUpdate', () => {
  it('writes once and answers the case read back', async () => {
    const provider = fakeProvider();

    const outcome = done(await runCaseUpdate('update', pay('40'), provider.deps));

    expect(outcome.requestId).toBe(REQUEST_ID);
    expect(outcome.replayed).toBe(false);
    expect(outcome.debtCase.debts[0]?.paidAmount).toEqual({ amount: '40.00', currency: 'EUR' });
    expect(provider.writes).toHaveLength(1);
  });

  it('generates a requestId when none is given, and uses lower case for a given one', async () => {
    const provider = fakeProvider();

    const generated = done(await runCaseUpdate('update', { ...pay('1'), requestId: undefined }, provider.deps, () => 'GENERATED-ID'));
    const given = done(await runCaseUpdate('update', { ...pay('2'), requestId: REQUEST_ID.toUpperCase() }, provider.deps));

    expect(generated.requestId).toBe('generated-id');
    expect(given.requestId).toBe(REQUEST_ID);
    expect(provider.writes.map((write) => write.requestId)).toEqual(['generated-id', REQUEST_ID]);
  });

  it('replays a requestId with the same input without writing again, even after the case closed', async () => {
    const provider = fakeProvider();
    const input: CaseUpdateInputModel = { requestId: REQUEST_ID, agencyCollectionCaseId: 'agency-id-123', closure: { type: 'POSITIVE', date: '2026-11-20' } };
    done(await runCaseUpdate('close', input, provider.deps));

    const replay = done(await runCaseUpdate('close', { ...input, requestId: REQUEST_ID.toUpperCase() }, provider.deps));

    expect(replay.replayed).toBe(true);
    expect(replay.debtCase.closure?.type).toBe('POSITIVE');
    expect(provider.writes).toHaveLength(1);
  });

  it('refuses a requestId reused with other input, without reading or writing', async () => {
    const provider = fakeProvider();
    done(await runCaseUpdate('update', pay('40'), provider.deps));

    const outcome = await runCaseUpdate('update', pay('41'), provider.deps);

    expect(outcome).toEqual({ kind: 'conflict', message: `requestId ${REQUEST_ID} was already used for a different update.` });
    expect(provider.writes).toHaveLength(1);
  });

  it('writes nothing for invalid input, a closed case, an unknown case or a foreign debt', async () => {
    const provider = fakeProvider();

    expect((await runCaseUpdate('update', pay('-1'), provider.deps)).kind).toBe('invalid');
    expect((await runCaseUpdate('update', { ...pay('1'), agencyCollectionCaseId: 'agency-id-125' }, provider.deps)).kind).toBe('conflict');
    expect(await runCaseUpdate('update', { ...pay('1'), agencyCollectionCaseId: 'nope' }, provider.deps)).toEqual({
      kind: 'not_found',
      resource: 'DebtCase',
      id: 'nope',
      agencyCollectionCaseId: 'nope',
    });
    expect(await runCaseUpdate('update', { ...pay('1', 'foreign'), requestId: 'f' }, provider.deps)).toEqual({
      kind: 'not_found',
      resource: 'Debt',
      id: 'foreign',
      agencyCollectionCaseId: 'agency-id-123',
    });
    expect(provider.writes).toEqual([]);
  });

  it('forgets the requestId of a failed write, so the same request can be sent again', async () => {
    const provider = fakeProvider();
    const refused = new Error('HTTP 500');
    provider.failures.write.push(refused);

    const failed = await runCaseUpdate('update', pay('40'), provider.deps);
    expect(failed).toMatchObject({ kind: 'failed', stage: 'write', error: refused, requestId: REQUEST_ID });
    expect(failed.kind === 'failed' && failed.sent?.payload.debts.map((debt) => debt.paidAmount)).toEqual(['40', '0.00']);

    done(await runCaseUpdate('update', pay('40'), provider.deps));
    expect(provider.writes).toHaveLength(1);
  });

  it('reports a failed read before anything is sent', async () => {
    const provider = fakeProvider();
    provider.failures.read.push(new Error('timeout'));

    expect(await runCaseUpdate('update', pay('40'), provider.deps)).toMatchObject({ kind: 'failed', stage: 'read' });
    expect(provider.writes).toEqual([]);
  });

  it('remembers an accepted write whose read-back failed, so a replay answers without writing', async () => {
    const provider = fakeProvider();
    const readCase = provider.deps.readCase.bind(provider.deps);
    let reads = 0;
    provider.deps.readCase = (id) => (++reads === 3 ? Promise.reject(new Error('read-back failed')) : readCase(id));

    expect(await runCaseUpdate('update', pay('40'), provider.deps)).toMatchObject({ kind: 'failed', stage: 'reread' });
    const replay = done(await runCaseUpdate('update', pay('40'), provider.deps));

    expect(replay.replayed).toBe(true);
    expect(provider.writes).toHaveLength(1);
  });

  it('writes once for two identical requests at the same time', async () => {
    const provider = fakeProvider();
    const release = provider.holdWrites();

    const both = Promise.all([runCaseUpdate('update', pay('40'), provider.deps), runCaseUpdate('update', pay('40'), provider.deps)]);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const [first, second] = await both;

    expect(done(first).replayed).toBe(false);
    expect(done(second).replayed).toBe(true);
    expect(provider.writes).toHaveLength(1);
  });

  it("orders two updates of one debtor, so the second does not send back the first one's old amounts", async () => {
    const provider = fakeProvider();
    const release = provider.holdWrites();

    const both = Promise.all([
      runCaseUpdate('update', { ...pay('40'), requestId: 'a' }, provider.deps),
      runCaseUpdate('update', { ...pay('5.5', DEBT_2), requestId: 'b' }, provider.deps),
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await both;

    expect(provider.writes.map((write) => write.debts.map((debt) => debt.paidAmount))).toEqual([
      ['40', '0.00'],
      ['40.00', '5.5'],
    ]);
    expect(provider.cases.get('agency-id-123')?.debts.map((debt) => debt.paidAmount.amount)).toEqual(['40.00', '5.50']);
  });
});

describe('runCaseUpdate and blocks the case read does not state', () => {
  const LIMITED = { limitType: 'LIMITED', endDate: '2027-06-30' } as const;

  /** agency-id-123 as a read that states no block at all (no block fields). */
  function unstated(provider: ReturnType<typeof fakeProvider>): void {
    const current = provider.cases.get('agency-id-123');
    if (!current) throw new Error('fixture case missing');
    provider.cases.set('agency-id-123', {
      ...current,
      debtor: { ...current.debtor, block: BLOCK_UNKNOWN },
      debts: current.debts.map((debt) => ({ ...debt, block: BLOCK_UNKNOWN })),
    });
  }

  it('sends back the blocks the blocked lists hold, and none where they list nothing', async () => {
    const provider = fakeProvider();
    unstated(provider);
    provider.lists.debtors = { byId: new Map([['2334545', LIMITED]]) };
    provider.lists.debts = { byId: new Map([[DEBT_2, LIMITED]]) };

    done(await runCaseUpdate('update', pay('40'), provider.deps));

    expect(provider.writes[0]?.debtorBlock).toEqual(LIMITED);
    expect(provider.writes[0]?.debts.map((debt) => debt.block)).toEqual([null, LIMITED]);
  });

  it('refuses and sends nothing when a kept block stays unknown (an unreadable list entry)', async () => {
    const provider = fakeProvider();
    unstated(provider);
    provider.lists.debts = { byId: new Map([[DEBT_2, BLOCK_UNKNOWN]]) };

    const outcome = await runCaseUpdate('update', pay('40'), provider.deps);

    expect(outcome).toEqual({ kind: 'blocks_unknown', unknown: { debtor: false, debtIds: [DEBT_2] }, requestId: REQUEST_ID });
    expect(provider.writes).toEqual([]);
  });

  it('refuses and sends nothing when a blocked list cannot be read, and forgets the requestId', async () => {
    const provider = fakeProvider();
    unstated(provider);
    const down = new Error('HTTP 500');
    provider.deps.blockedDebts = () => Promise.reject(down);

    expect(await runCaseUpdate('update', pay('40'), provider.deps)).toMatchObject({ kind: 'failed', stage: 'blocks', error: down });
    expect(provider.writes).toEqual([]);

    provider.deps.blockedDebts = () => Promise.resolve(provider.lists.debts);
    done(await runCaseUpdate('update', pay('40'), provider.deps));
    expect(provider.writes).toHaveLength(1);
  });

  it('needs no list for blocks the caller sets or removes, nor when the read states them', async () => {
    const provider = fakeProvider();
    let listReads = 0;
    provider.deps.blockedDebtors = () => Promise.reject(new Error(`list read ${++listReads}`));
    provider.deps.blockedDebts = () => Promise.reject(new Error(`list read ${++listReads}`));

    done(await runCaseUpdate('update', { ...pay('40'), requestId: 'stated' }, provider.deps));
    unstated(provider);
    done(
      await runCaseUpdate(
        'update',
        {
          requestId: 'all-given',
          agencyCollectionCaseId: 'agency-id-123',
          debtorBlock: { limitType: 'DISABLED' },
          debts: [
            { debtId: DEBT_1, paidAmount: '41', canceledAmount: '0', block: { limitType: 'DISABLED' } },
            { debtId: DEBT_2, paidAmount: '0', canceledAmount: '0', block: LIMITED },
          ],
        },
        provider.deps,
      ),
    );

    expect(listReads).toBe(0);
    expect(provider.writes.at(-1)?.debts.map((debt) => debt.block)).toEqual([null, LIMITED]);
  });
});
