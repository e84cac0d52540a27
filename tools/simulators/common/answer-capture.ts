/**
 * Phase "after" of a fault: the provider's real handler runs (its write is applied) while what it
 * writes is held back, so the fault can then delay, replace, break or drop the answer.
 */
import type { NextFunction, Response } from 'express';
import type { PlainAnswer } from './fault-answer';

/** Lets the rest of the app handle the request (`next`) and resolves with the answer it gave, unsent. */
export function captureAnswer(res: Response, next: NextFunction): Promise<PlainAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const hold = (chunk: unknown, encoding: unknown): void => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = (chunk: unknown, encoding?: unknown): boolean => {
      hold(chunk, encoding);
      return true;
    };
    res.end = (chunk?: unknown, encoding?: unknown): Response => {
      hold(chunk, encoding);
      // The own properties go; the prototype's methods answer again.
      Reflect.deleteProperty(res, 'write');
      Reflect.deleteProperty(res, 'end');
      const type = res.getHeader('content-type');
      resolve({ status: res.statusCode, contentType: typeof type === 'string' ? type : null, body: Buffer.concat(chunks) });
      return res;
    };
    next();
  });
}
