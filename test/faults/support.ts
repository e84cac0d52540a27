/**
 * What the fault suites share: one read per provider (the GraphQL query and the provider route it
 * calls), and small readers of answers and simulator logs.
 */
import type { ProviderName } from '../../src/providers/failure';
import type { SimControl } from '../support/sim-control';
import type { GraphQLAnswer, TestStack } from '../support/stack';

/** A read through the graph, and the provider route that serves it. */
export interface ProviderRead {
  readonly provider: ProviderName;
  readonly label: string;
  readonly query: string;
  /** The root field the query asks for. */
  readonly field: string;
  readonly method: 'GET';
  /** The route as the simulator logs it (debt collection's is below /v1). */
  readonly path: string;
  sim(stack: TestStack): SimControl;
}

export const TYPING = '5b0e8c1a-2f4d-4a51-9c1e-000000000001';

export const READS: readonly ProviderRead[] = [
  {
    provider: 'RECOVERY_CONNECT',
    label: 'RecoveryConnect',
    query: '{ assignment(id: "57074903") { id } }',
    field: 'assignment',
    method: 'GET',
    path: '/api/v150/assignments',
    sim: (stack) => stack.sims.recoveryConnect,
  },
  {
    provider: 'CDC',
    label: 'Banco CDC',
    query: `{ cdcAssignment(code: "${TYPING}") { code } }`,
    field: 'cdcAssignment',
    method: 'GET',
    path: '/assignment/',
    sim: (stack) => stack.sims.cdc,
  },
  {
    provider: 'DEBT_COLLECTION',
    label: 'Debt collection',
    query: '{ debtCase(agencyCollectionCaseId: "agency-id-123") { agencyCollectionCaseId } }',
    field: 'debtCase',
    method: 'GET',
    path: '/v1/debt-collection/cases',
    sim: (stack) => stack.sims.debtCollection,
  },
];

/** How many requests the simulator received on `method path`. */
export async function callsTo(sim: SimControl, method: string, path: string): Promise<number> {
  return (await sim.requests()).filter((request) => request.method === method && request.path === path).length;
}

/** The one error of a failed read, with its extensions; fails the test when there is not exactly one. */
export function onlyError(answer: GraphQLAnswer): { message: string; extensions: Record<string, unknown> } {
  expect(answer.errors).toHaveLength(1);
  const error = answer.errors?.[0];
  return { message: error?.message ?? '', extensions: error?.extensions ?? {} };
}

/** Clears faults and request logs of every simulator. */
export async function resetSimulators(stack: TestStack): Promise<void> {
  for (const sim of [stack.sims.recoveryConnect, stack.sims.cdc, stack.sims.debtCollection]) {
    await sim.clearFaults();
    await sim.clearRequests();
  }
}

/** Milliseconds `run` took, with its result. */
export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}
