import type { RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { FaultSpec } from './fault-spec';
import { readRequestUrl } from './request-url';

/** A registered fault and how many more requests it will hit (`undefined` = until cleared). */
export interface Fault {
  readonly id: string;
  readonly spec: FaultSpec;
  remaining: number | undefined;
}

/** Registered faults, first added = first to match. */
export interface FaultStore {
  add(spec: FaultSpec): Fault;
  /** Finds the first fault matching the request and uses one of its hits. */
  take(method: string, path: string): Fault | undefined;
  clear(): void;
}

export function createFaultStore(): FaultStore {
  let faults: Fault[] = [];
  return {
    add(spec) {
      const fault: Fault = { id: randomUUID(), spec, remaining: spec.times === 0 ? undefined : spec.times };
      faults.push(fault);
      return fault;
    },
    take(method, path) {
      const fault = faults.find((candidate) => faultMatches(candidate.spec, method, path));
      if (fault?.remaining !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) faults = faults.filter((other) => other !== fault);
      }
      return fault;
    },
    clear() {
      faults = [];
    },
  };
}

/** The matcher: method exactly (case-insensitive), path exactly or by a `*`-terminated prefix. */
export function faultMatches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method !== undefined && spec.method !== method.toUpperCase()) return false;
  if (spec.path === undefined) return true;
  return spec.path.endsWith('*') ? path.startsWith(spec.path.slice(0, -1)) : path === spec.path;
}

/** The responder: writes the fault's answer. */
export function sendFault(res: Response, spec: FaultSpec): void {
  if (spec.retryAfterSeconds !== undefined) res.set('Retry-After', String(spec.retryAfterSeconds));
  res.status(spec.status).json('body' in spec ? spec.body : { message: 'Simulated fault.' });
}

/** Answers matching requests with their fault instead of letting them reach auth and routes. */
export function faultMiddleware(store: FaultStore): RequestHandler {
  return (req, res, next) => {
    const fault = store.take(req.method, readRequestUrl(req).path);
    if (fault === undefined) {
      next();
      return;
    }
    sendFault(res, fault.spec);
  };
}
