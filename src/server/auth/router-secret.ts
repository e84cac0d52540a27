/**
 * For deployments where only the router may call the subgraph: `/graphql` answers only requests
 * that carry the shared ROUTER_SECRET in `x-router-secret` (the router adds it to every subgraph
 * request). Checked before the body is read; compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../infra/logger';

export const ROUTER_SECRET_HEADER = 'x-router-secret';

export function requireRouterSecret(secret: string, logger: Logger): RequestHandler {
  // Equal-length digests, so neither the comparison time nor a length check tells anything.
  const expected = digest(secret);
  return (req, res, next) => {
    const given = req.header(ROUTER_SECRET_HEADER);
    if (given !== undefined && timingSafeEqual(digest(given), expected)) {
      next();
      return;
    }
    logger.info({ reason: given === undefined ? 'missing' : 'wrong' }, 'router secret refused');
    res.status(401).json({
      errors: [{ message: 'This subgraph is reachable only through its router.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
