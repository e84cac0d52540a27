/** The request's deadline, started once its body is read (src/infra/deadline.ts holds the deadline itself). */
import type { RequestHandler } from 'express';
import { requestContextOf, requestIdFrom, runInRequestContext, type Deadline } from '../../infra/request-context';

/**
 * Starts a deadline for each request, and stops its timer once the answer is sent. Mount it
 * after the body parser: the parser's stream callbacks run outside the request's async context,
 * so this enters the request's context again (its id), now with the deadline.
 */
export function deadlineMiddleware(ms: number): RequestHandler {
  return (req, res, next) => {
    const expiresAt = Date.now() + ms;
    const passed = new AbortController();
    const timer = setTimeout(() => {
      passed.abort(new DOMException('The request deadline passed.', 'TimeoutError'));
    }, ms);
    timer.unref();
    res.once('close', () => {
      clearTimeout(timer);
    });
    const context = requestContextOf(req) ?? { requestId: requestIdFrom(req.header('x-request-id')) };
    const deadline: Deadline = { signal: passed.signal, remainingMs: () => Math.max(0, expiresAt - Date.now()) };
    runInRequestContext({ ...context, deadline }, next);
  };
}
