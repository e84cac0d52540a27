/**
 * Writing a fault's answer onto the socket: whole, with a broken body, stalled half-way, or not
 * at all (a reset). Works below Express's `res.json` so it can send what no handler would.
 */
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { FaultSpec } from './fault-spec';

/** An answer as bytes; `contentType` null when it has none. */
export interface PlainAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Buffer;
}

/** A stalled answer is dropped after this long, so a forgotten stall cannot hold a socket forever. */
export const MAX_STALL_MS = 120_000;

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer. */
export function jsonAnswer(status: number, value: unknown): PlainAnswer {
  // JSON.stringify(undefined) is undefined at run time, whatever its type says.
  return { status, contentType: JSON_TYPE, body: Buffer.from(value === undefined ? '' : JSON.stringify(value)) };
}

/** Resets the connection: the client sees ECONNRESET, and no answer. */
export function resetConnection(req: Request): void {
  req.socket.resetAndDestroy();
}

/** Writes `answer`, broken as `spec` says (`corrupt`, `stallAfterBytes`). */
export function writeFaultAnswer(req: Request, res: Response, answer: PlainAnswer, spec: FaultSpec): void {
  const shaped = spec.corrupt === undefined ? answer : corrupted(answer, spec.corrupt);
  // Headers a handler may have set for its own body (phase "after") must not describe ours.
  res.removeHeader('content-length');
  res.removeHeader('content-type');
  if (spec.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(spec.retryAfterSeconds));
  if (shaped.contentType !== null) res.setHeader('content-type', shaped.contentType);
  res.setHeader('content-length', String(shaped.body.length));
  res.statusCode = shaped.status;

  const sentBytes = spec.corrupt === 'truncated' ? Math.floor(shaped.body.length / 2) : spec.stallAfterBytes;
  if (sentBytes === undefined) {
    res.end(shaped.body);
    return;
  }
  // The whole length is announced, only part of it is sent.
  const socket = req.socket;
  const part = shaped.body.subarray(0, Math.min(sentBytes, shaped.body.length));
  res.flushHeaders();
  if (spec.corrupt === 'truncated') {
    res.write(part, () => socket.destroy());
    return;
  }
  if (part.length > 0) res.write(part);
  const timer = setTimeout(() => socket.destroy(), MAX_STALL_MS);
  timer.unref();
  socket.once('close', () => {
    clearTimeout(timer);
  });
}

/** The answer with its body broken; truncation itself happens while writing. */
function corrupted(answer: PlainAnswer, kind: NonNullable<FaultSpec['corrupt']>): PlainAnswer {
  switch (kind) {
    case 'truncated':
      return answer;
    case 'invalid': {
      const text = answer.body.length >= 2 ? answer.body : Buffer.from('{"');
      return { ...answer, body: text.subarray(0, Math.floor(text.length / 2)) };
    }
    case 'html':
      return { ...answer, contentType: 'text/html; charset=utf-8', body: Buffer.from(htmlPage(answer.status)) };
    case 'empty':
      return { ...answer, contentType: null, body: Buffer.alloc(0) };
  }
}

/** What a proxy in front of the provider answers when the provider is down. */
function htmlPage(status: number): string {
  const title = `${String(status)} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`;
}
