/**
 * One request's share of each provider, carried by AsyncLocalStorage like the deadline: a budget
 * of calls (the request's calls beyond it fail at once, nothing is sent), and at most a few of
 * them at once, so one request can neither fill a provider's bulkhead for every other caller nor
 * use up its rate limit. The demand control (src/plugins/use-demand-control.ts) refuses a request
 * whose estimate is over the budget before it runs; this holds the budget while it runs, where
 * list sizes are known.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { bulkhead, TaskCancelledError, type BulkheadPolicy } from 'cockatiel';
import { ProviderFailure, type ProviderName } from '../failure';

export interface RequestShareLimits {
  /** Calls the request may make to each provider. */
  readonly callsPerRequest: Readonly<Record<ProviderName, number>>;
  /** Calls of the request to one provider at once; the others wait their turn, in the request. */
  readonly concurrentPerRequest: number;
}

/** One request's use of the providers. */
export interface RequestShare {
  /** Runs one call to `provider` within the request's share, or fails at once when its budget is spent. */
  run<T>(provider: ProviderName, call: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Calls made (or started) to `provider` so far. */
  callsMade(provider: ProviderName): number;
}

const storage = new AsyncLocalStorage<RequestShare>();

/** A fresh share with these limits. */
export function createRequestShare(limits: RequestShareLimits): RequestShare {
  const made: Record<ProviderName, number> = { RECOVERY_CONNECT: 0, CDC: 0, DEBT_COLLECTION: 0 };
  const lanes = new Map<ProviderName, BulkheadPolicy>();
  const lane = (provider: ProviderName) => {
    let existing = lanes.get(provider);
    if (!existing) {
      // Every call the budget allows may wait here: the budget, not this queue, refuses.
      existing = bulkhead(limits.concurrentPerRequest, limits.callsPerRequest[provider]);
      lanes.set(provider, existing);
    }
    return existing;
  };
  return {
    async run(provider, call, signal) {
      const limit = limits.callsPerRequest[provider];
      if (made[provider] >= limit) throw new ProviderFailure(provider, { kind: 'overloaded', scope: 'request', limit });
      made[provider] += 1;
      try {
        return await lane(provider).execute(() => call(), signal);
      } catch (error) {
        // The request's deadline passed while the call waited for its turn.
        if (error instanceof TaskCancelledError) throw new ProviderFailure(provider, { kind: 'timeout', phase: 'deadline' });
        throw error;
      }
    },
    callsMade: (provider) => made[provider],
  };
}

/** The share of the request this code runs for, if any. */
export function currentRequestShare(): RequestShare | undefined {
  return storage.getStore();
}

/** Runs `fn` (and everything it starts) under `share`. */
export function runWithRequestShare<T>(share: RequestShare, fn: () => T): T {
  return storage.run(share, fn);
}

/** Gives each request its share. Mount it after the body parser (see deadline.ts). */
export function requestShareMiddleware(limits: RequestShareLimits): RequestHandler {
  return (_req, _res, next) => {
    runWithRequestShare(createRequestShare(limits), next);
  };
}
