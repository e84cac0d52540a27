/**
 * HTTP-level refusals in the GraphQL error shape, so a client reads every answer the same way:
 * an oversized body is a JSON 413, malformed JSON a JSON 400, an unknown route a JSON 404, and
 * anything unexpected a masked 500 with a correlation id that is in the log. Express's own HTML
 * error page (with its stack trace outside production) is never sent.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../../infra/logger';

/** One GraphQL-style error as the whole answer. */
function sendError(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** The body parser's failures, by its `type`: what the client sees for each. */
const BODY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
  'encoding.unsupported': { status: 415, code: 'BAD_REQUEST', message: 'The request body has an unsupported content encoding.' },
  'charset.unsupported': { status: 415, code: 'BAD_REQUEST', message: 'The request body has an unsupported charset.' },
  'request.size.invalid': { status: 400, code: 'BAD_REQUEST', message: 'The request body is shorter or longer than its Content-Length.' },
  'request.aborted': { status: 400, code: 'BAD_REQUEST', message: 'The request was aborted.' },
};

function bodyErrorType(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  return typeof error.type === 'string' ? error.type : null;
}

/** Answers Express errors (the body parser's first of all); never passes one on. */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type = bodyErrorType(error);
    const known = type === null ? undefined : BODY_ERRORS[type];
    if (known) {
      sendError(res, known.status, known.code, known.message);
      return;
    }
    // The request's id (the access log made it): a body parser's error arrives outside its async context.
    const correlationId = typeof req.id === 'string' ? req.id : randomUUID();
    logger.error({ err: error, requestId: correlationId, correlationId }, 'unexpected HTTP error');
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', { correlationId });
  };
}

/** Any route but `/graphql` and `/health`. */
export function notFound(): RequestHandler {
  return (_req, res) => {
    sendError(res, 404, 'NOT_FOUND', 'No such route; GraphQL is served at /graphql.');
  };
}
