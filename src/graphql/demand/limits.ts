/**
 * How much one request may demand, decided before it runs and held while it runs: how many
 * entity representations, what cost (list sizes and `@cost` weights, as Apollo Router's demand
 * control counts them), how many calls to each provider, and how many of those at once.
 */
import type { ProviderName } from '../../domain/provider-fault';

export interface DemandLimits {
  /** Representations one `_entities` request may carry (all `_entities` fields together). */
  readonly maxRepresentations: number;
  /** The operation's estimated cost (src/demand/cost.ts), variables counted. */
  readonly maxCost: number;
  /** Calls one request may make to each provider: estimated before it runs, counted while it runs. */
  readonly callsPerRequest: Readonly<Record<ProviderName, number>>;
  /** Calls of one request to one provider at once: its share of the provider's bulkhead. */
  readonly concurrentPerRequest: number;
}

/**
 * A router's entity fetch of a page of a few hundred references fits: 1,000 assignments are 4
 * RecoveryConnect calls, 1,000 cases 20 debt-collection calls, 150 CDC assignments 150 CDC calls
 * (CDC has no batch read); so does every CDC assignment with its operations and history (1 + 2 ×
 * 50 assumed). Debt collection's budget is the smallest: its tenant has 1,000 requests a minute
 * for everyone, so one request may use at most 25 of them (2.5 %).
 */
export const DEFAULT_DEMAND_LIMITS: DemandLimits = {
  maxRepresentations: 1000,
  maxCost: 25_000,
  callsPerRequest: { RECOVERY_CONNECT: 100, CDC: 150, DEBT_COLLECTION: 25 },
  // A quarter of the default bulkhead (16 at once per provider).
  concurrentPerRequest: 4,
};
