import { ProviderFailure } from '../../src/providers/failure';

/** The ProviderFailure a call rejects with; fails the test if it resolves or rejects otherwise. */
export async function failureOf(promise: Promise<unknown>): Promise<ProviderFailure> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ProviderFailure)) throw new Error(`expected a ProviderFailure, got ${String(outcome)}`);
  return outcome;
}
