import type { RequestHandler } from 'express';
import type { ErrorBodyFormatter } from './json-body';
import { readRequestUrl } from './request-url';

/** 405 for a known path called with another method, with the `Allow` header; wording is Laravel's. */
export function methodNotAllowed(allowed: readonly string[], format: ErrorBodyFormatter): RequestHandler {
  const methods = allowed.includes('GET') ? [...allowed, 'HEAD'] : [...allowed];
  return (req, res) => {
    const route = readRequestUrl(req).path.replace(/^\//, '');
    const message = `The ${req.method} method is not supported for route ${route}. Supported methods: ${methods.join(', ')}.`;
    res.set('Allow', methods.join(', ')).status(405).json(format(405, message));
  };
}
