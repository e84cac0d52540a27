/**
 * The JSON body of `POST /graphql`. The common case, what every GraphQL client and router sends
 * (`application/json`, UTF-8, no content encoding, a Content-Length within the limit), is read
 * and parsed here in a few lines; anything else (a compressed body, another charset, a chunked
 * body, a declared length over the limit) goes to Express's body parser, which handles them all.
 * Either way a failure is the body parser's error (its `type`), answered by the app's error
 * handler: the client cannot tell which path read its body. The parser's content type and
 * charset checks, its buffering and its decoding were a twentieth of a cheap read's time.
 */
import type { RequestHandler } from 'express';
import express from 'express';

/** `application/json`, optionally with the UTF-8 charset, as clients write it. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

/** An error the app's error handler knows by its `type`, as the body parser makes them. */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, type, expose: true });
}

/** Reads a JSON body of at most `limitBytes` into `req.body`. */
export function jsonBody(limitBytes: number): RequestHandler {
  const parser: RequestHandler = express.json({ limit: limitBytes });
  return (req, res, next) => {
    const type = req.headers['content-type'];
    const encoding = req.headers['content-encoding'];
    const declared = req.headers['content-length'];
    const length = declared === undefined ? Number.NaN : Number(declared);
    const plain =
      type !== undefined &&
      PLAIN_JSON.test(type) &&
      (encoding === undefined || encoding.toLowerCase() === 'identity') &&
      /^\d+$/.test(declared ?? '') &&
      length <= limitBytes;
    if (!plain) {
      parser(req, res, next);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      next(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      // More than declared: the body parser's error for the same.
      if (received > length) {
        finish(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (received !== length) {
        finish(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
        return;
      }
      const parsed = parse(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks, received).toString('utf8'));
      if (parsed instanceof Error) {
        finish(parsed);
        return;
      }
      req.body = parsed;
      finish();
    };
    const onError = () => {
      finish(bodyError(400, 'request.aborted', 'request aborted'));
    };
    const onAborted = onError;
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  };
}

/** The body, or the body parser's error: empty is `{}`; only an object or an array at the top, as its strict mode. */
function parse(text: string): unknown {
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') return bodyError(400, 'entity.parse.failed', 'the body is not a JSON object or array');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return bodyError(400, 'entity.parse.failed', 'the body is not valid JSON');
  }
}
