import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { captureAnswer } from './answer-capture';
import { jsonAnswer, resetConnection, writeFaultAnswer, type PlainAnswer } from './fault-answer';
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

/** How a simulator's faults speak its provider's language. */
export interface FaultAnswers {
  /** The body of a fault that names a status but no body. Default `{message: 'Simulated fault.'}`. */
  readonly defaultBody?: (status: number) => unknown;
  /** The provider's own answer to an expired token (or a bad key, for a provider without tokens). */
  readonly expiredToken: () => { readonly status: number; readonly body: unknown };
}

/**
 * Applies matching faults (see {@link FaultSpec}): mounted after the request log and body parser,
 * before auth and routes, so a faulted request is logged and faults win over auth.
 */
export function faultMiddleware(store: FaultStore, answers: FaultAnswers): RequestHandler {
  return (req, res, next) => {
    const fault = store.take(req.method, readRequestUrl(req).path);
    if (fault === undefined) {
      next();
      return;
    }
    applyFault(fault.spec, answers, req, res, next).catch(next);
  };
}

async function applyFault(spec: FaultSpec, answers: FaultAnswers, req: Request, res: Response, next: NextFunction): Promise<void> {
  if (spec.phase === 'after') {
    const real = await captureAnswer(res, next);
    if (!(await waited(spec, req))) return;
    if (spec.reset === true) resetConnection(req);
    else writeFaultAnswer(req, res, spec.status === undefined ? real : ownAnswer(spec, spec.status, answers), spec);
    return;
  }
  // A request whose client gave up while it waited is dropped, as a proxy would: nothing applied.
  if (!(await waited(spec, req))) return;
  if (spec.reset === true) {
    resetConnection(req);
    return;
  }
  if (spec.expiredToken === true) {
    const { status, body } = answers.expiredToken();
    writeFaultAnswer(req, res, jsonAnswer(status, body), spec);
    return;
  }
  if (spec.status === undefined && spec.corrupt === undefined && spec.stallAfterBytes === undefined) {
    next(); // only a delay
    return;
  }
  writeFaultAnswer(req, res, ownAnswer(spec, spec.status ?? 200, answers), spec);
}

/** The fault's own answer: its body, else the provider's default body for the status. */
function ownAnswer(spec: FaultSpec, status: number, answers: FaultAnswers): PlainAnswer {
  const defaultBody = answers.defaultBody ?? (() => ({ message: 'Simulated fault.' }));
  return jsonAnswer(status, 'body' in spec ? spec.body : defaultBody(status));
}

/** Waits `delayMs` if asked; false when the client closed the connection meanwhile (which ends the wait). */
async function waited(spec: FaultSpec, req: Request): Promise<boolean> {
  if (spec.delayMs !== undefined && spec.delayMs > 0) {
    const closed = new AbortController();
    const onClose = (): void => {
      closed.abort();
    };
    req.socket.once('close', onClose);
    try {
      await sleep(spec.delayMs, undefined, { signal: closed.signal });
    } catch {
      return false;
    } finally {
      req.socket.off('close', onClose);
    }
  }
  return !req.socket.destroyed;
}
