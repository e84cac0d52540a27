/**
 * Hands a request whose body is read to Apollo Server and writes its answer: what
 * `@as-integrations/express5` does, without Node's legacy `url.parse` of every URL (4% of a cheap
 * read's time on Node 24) and Express's `res.send` (a charset, a freshness check), since Apollo
 * already sets the content type and the answer is never revalidated.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';

/** Apollo's handler for `apollo`; `context` builds the request's context (and may refuse it by throwing). */
export function apolloHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (req: IncomingMessage) => Promise<TContext>,
): RequestHandler {
  apollo.assertStarted('apolloHandler()');
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: searchOf(req.url), body: req.body as unknown },
      context: () => context(req),
    });
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      end(res, answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** The query string with its `?`, or empty. */
function searchOf(url: string | undefined): string {
  const start = url?.indexOf('?') ?? -1;
  return url === undefined || start === -1 ? '' : url.slice(start);
}

function end(res: ServerResponse, body: string): void {
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
