/**
 * Health probes for orchestrators and load balancers:
 *
 * - `GET /health/live` (and `/health`, its older name): the process serves HTTP. 200 until the
 *   port closes, draining included, so nothing restarts a service that is shutting down.
 * - `GET /health/ready`: started and not shutting down. 503 from the first moment of a shutdown,
 *   while the port is still open, so a load balancer stops sending before it closes.
 *
 * Readiness shows each provider's circuit breaker and last successful call but never fails on
 * them: one provider down must not take the other domains out of rotation (its calls already
 * fail fast with a typed ProviderError).
 */
import { Router, type Response } from 'express';
import type { ProviderName } from '../../providers/failure';
import type { CircuitStateName } from '../../providers/resilience/policy';

/** One provider as readiness shows it (its call policy answers both). */
export interface ProviderHealth {
  readonly provider: ProviderName;
  circuitState(): CircuitStateName;
  lastSuccessAt(): Date | null;
}

/** Where the service is in its life: `starting` until it listens, `draining` from the first moment of shutdown. */
export type ReadinessState = 'starting' | 'ready' | 'draining';

export interface Readiness {
  readonly state: ReadinessState;
  /** The service listens and answers: ready (unless already draining). */
  markReady(): void;
  /** Shutdown began: not ready from now on, for good. */
  markDraining(): void;
}

export function createReadiness(): Readiness {
  let state: ReadinessState = 'starting';
  return {
    get state() {
      return state;
    },
    markReady() {
      if (state === 'starting') state = 'ready';
    },
    markDraining() {
      state = 'draining';
    },
  };
}

/** The body of `GET /health/ready`. */
export interface ReadinessReport {
  readonly status: ReadinessState;
  readonly providers: Readonly<Record<string, { readonly circuit: CircuitStateName; readonly lastSuccessAt: string | null }>>;
}

export function readinessReport(readiness: Readiness, providers: readonly ProviderHealth[]): ReadinessReport {
  return {
    status: readiness.state,
    providers: Object.fromEntries(
      providers.map((health) => [
        health.provider,
        { circuit: health.circuitState(), lastSuccessAt: health.lastSuccessAt()?.toISOString() ?? null },
      ]),
    ),
  };
}

export interface ProbeOptions {
  readonly readiness: Readiness;
  readonly providers: readonly ProviderHealth[];
}

/** The probe routes, to mount before everything that may refuse a request (auth, router secret). */
export function probeRoutes(options: ProbeOptions): Router {
  const router = Router();
  const live = (_req: unknown, res: Response) => {
    noStore(res).json({ status: 'ok' });
  };
  router.get('/health', live);
  router.get('/health/live', live);
  router.get('/health/ready', (_req, res) => {
    const report = readinessReport(options.readiness, options.providers);
    noStore(res)
      .status(report.status === 'ready' ? 200 : 503)
      .json(report);
  });
  return router;
}

/** A probe's answer is about now: no cache may keep it. */
function noStore(res: Response): Response {
  return res.set('cache-control', 'no-store');
}
