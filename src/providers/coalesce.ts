/**
 * Coalescing of identical provider reads across requests: while a GET is in flight, an identical
 * GET (same client, path with query, and caller headers) joins it instead of being sent. The
 * entry lives only while the call does — it is never a cache: the next identical read after it
 * settles is sent again.
 *
 * A follower waits under its own signal (its request's deadline, its caller's abort) and fails
 * alone when that fires first. When the leader fails for a reason of its own (its deadline, its
 * caller's abort, its request's call budget), followers do not inherit it: they try again, and
 * one of them leads the next call. Every other outcome — an answer of any status, a provider
 * failure after the policy's retries, an open breaker, a full bulkhead — is what a follower's own
 * call would have got, so it is shared.
 */
import { ProviderFailure } from './failure';

/** One read, for {@link ReadCoalescer.run}. */
export interface CoalescedRead<T> {
  /** The identity of the read; see {@link coalesceKey}. */
  readonly key: string;
  /** Sends the read (policy, budgets and all): run when no identical read is in flight. */
  readonly lead: () => Promise<T>;
  /** The follower's own signal (its request's deadline and caller's abort, together). */
  readonly signal?: AbortSignal;
  /** The failure a follower gets when its own signal fires while it waits. */
  readonly abandoned: () => unknown;
  /** Called once each time this read takes another call's outcome (for the metrics). */
  readonly joined: () => void;
}

/** The in-flight reads of one provider client. */
export interface ReadCoalescer {
  /** Sends `read`, or takes the outcome of the identical read already in flight. */
  run<T>(read: CoalescedRead<T>): Promise<T>;
  /** Reads in flight now (for tests). */
  inFlight(): number;
}

/**
 * Whether a leader's failure is its own and must not be passed on: its request's deadline or
 * its caller's abort (ProviderFailure timeout/deadline, connection/ABORTED), or its request's
 * budget of calls (overloaded, scope request). Anything else is the provider's and is shared.
 */
export function isLeaderOwnFailure(error: unknown): boolean {
  if (!(error instanceof ProviderFailure)) return false;
  const detail = error.detail;
  return (
    (detail.kind === 'timeout' && detail.phase === 'deadline') ||
    (detail.kind === 'connection' && detail.code === 'ABORTED') ||
    (detail.kind === 'overloaded' && detail.scope === 'request')
  );
}

/** A settled call: its answer or its failure, so waiting on it never rejects by itself. */
type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export function createReadCoalescer(): ReadCoalescer {
  const calls = new Map<string, Promise<Settled<unknown>>>();

  /** Starts `lead` as the call of `key`; its entry goes as soon as it settles, whatever the outcome. */
  function start<T>(key: string, lead: () => Promise<T>): Promise<Settled<T>> {
    const settled: Promise<Settled<T>> = lead().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );
    calls.set(key, settled);
    void settled.then(() => {
      if (calls.get(key) === settled) calls.delete(key);
    });
    return settled;
  }

  /** The call's outcome, or `null` when `signal` fires first (the call itself carries on). */
  function until<T>(call: Promise<Settled<T>>, signal: AbortSignal | undefined): Promise<Settled<T> | null> {
    if (!signal) return call;
    if (signal.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const onAbort = () => {
        resolve(null);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void call.then((outcome) => {
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      });
    });
  }

  return {
    async run<T>(read: CoalescedRead<T>): Promise<T> {
      for (;;) {
        const inFlight = calls.get(read.key) as Promise<Settled<T>> | undefined;
        if (!inFlight) {
          // The leader: registered before anything awaits, so a read right behind it joins.
          const outcome = await start(read.key, read.lead);
          if (outcome.ok) return outcome.value;
          throw outcome.error;
        }
        const outcome = await until(inFlight, read.signal);
        if (outcome === null) throw read.abandoned();
        if (!outcome.ok && isLeaderOwnFailure(outcome.error)) {
          // The leader gave up for its own reasons; this read still wants an answer, unless its own signal is gone too.
          if (read.signal?.aborted) throw read.abandoned();
          continue;
        }
        read.joined();
        if (outcome.ok) return outcome.value;
        throw outcome.error;
      }
    },
    inFlight: () => calls.size,
  };
}
