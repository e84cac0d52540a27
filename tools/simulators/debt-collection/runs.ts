import type { RawRunDebtor, RawRunDebtorsPage } from '../../../src/providers/debt-collection/raw';
import type { RunFixture } from '../fixtures';

/** What a confirmation did: nothing for an unknown run, the first confirmation, or a repeat. */
export type Confirmation = 'unknown' | 'confirmed' | 'already-confirmed';

/**
 * Transfer runs in memory (raw.ts has the reading): debtors in slices, and a confirmation flag
 * that changes nothing a read shows. Everything handed out is a copy.
 */
export interface RunStore {
  /** The slice from `offset` of at most `sliceSize` debtors; undefined for an unknown run. */
  debtors(runId: string, offset: number, sliceSize: number): RawRunDebtorsPage | undefined;
  confirm(runId: string): Confirmation;
}

export function createRunStore(seed: readonly RunFixture[]): RunStore {
  const runs = new Map<string, { confirmed: boolean; debtors: readonly RawRunDebtor[] }>();
  for (const run of seed) {
    if (runs.has(run.runId)) throw new Error(`Debt-collection simulator: duplicate runId ${run.runId}.`);
    runs.set(run.runId, { confirmed: run.confirmed, debtors: structuredClone(run.debtors) });
  }
  return {
    debtors(runId, offset, sliceSize) {
      const run = runs.get(runId);
      if (run === undefined) return undefined;
      const result = structuredClone(run.debtors.slice(offset, offset + sliceSize));
      const next = offset + result.length;
      // The offset is text, as the provider's reference shows it ("offset": "100").
      return { result, hasNext: next < run.debtors.length, offset: String(next) };
    },
    confirm(runId) {
      const run = runs.get(runId);
      if (run === undefined) return 'unknown';
      if (run.confirmed) return 'already-confirmed';
      run.confirmed = true;
      return 'confirmed';
    },
  };
}
