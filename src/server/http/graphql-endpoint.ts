/**
 * `POST /graphql`, the one route that carries the load, served without walking Express's router:
 * its handlers (access log, request context, router secret, body parser, deadline, request
 * share, span, Apollo) run in order, as Express would run them, on Express's own request and
 * response objects, but without the route matching of every other route on every request (the
 * router was a tenth of a cheap read's time). Everything else, `GET /graphql` and
 * `/graphql/...` included, goes to the Express app as before, and an error any handler passes on
 * is answered by the app's error handler, so a client sees the same answers either way.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from 'express';

export interface GraphQLEndpointOptions {
  /** The Express app: serves every other request, and lends its request and response prototypes. */
  readonly app: Express;
  /** Exactly this path (no query string) is served here. */
  readonly path: string;
  /** The handlers of the route, in order; the last one answers. */
  readonly handlers: readonly RequestHandler[];
  /** Answers an error a handler passes on (the app's own error handler). */
  readonly onError: ErrorRequestHandler;
}

/** The server's request listener: `POST <path>` here, everything else to the app. */
export function graphqlEndpoint(options: GraphQLEndpointOptions): RequestListener {
  const { app, path, handlers, onError } = options;
  // What Express's app.handle gives every request before its router runs.
  const requestPrototype = app.request as object;
  const responsePrototype = app.response as object;

  return (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.method !== 'POST' || !isPath(incoming.url, path)) {
      app(incoming, outgoing);
      return;
    }
    const req = Object.setPrototypeOf(incoming, requestPrototype) as Request;
    const res = Object.setPrototypeOf(outgoing, responsePrototype) as Response;
    req.res = res;
    res.req = req;
    res.locals = Object.create(null) as Response['locals'];
    req.originalUrl = req.url;
    req.baseUrl = '';

    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined && error !== 'route' && error !== 'router') {
        onError(error, req, res, () => undefined);
        return;
      }
      const handler = handlers[index];
      index += 1;
      if (handler === undefined) return;
      try {
        // An async handler's rejection is passed on, as Express 5 does.
        const result: unknown = handler(req, res, next);
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown ?? new Error('a handler threw nothing'));
      }
    };
    next();
  };
}

/** `url` is `path` itself, with or without a query string. */
function isPath(url: string | undefined, path: string): boolean {
  if (url === undefined || !url.startsWith(path)) return false;
  return url.length === path.length || url.charCodeAt(path.length) === 63; // '?'
}
