/**
 * `GET /metrics`: the Prometheus text of src/observability/metrics.ts, on the public port
 * (outside production, or when METRICS_PORT names it) or on a listener of its own (METRICS_PORT),
 * which answers nothing else. See src/config/observability.ts for why production keeps them
 * off the public port unless told.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { enableProcessMetrics, metricsText } from '../../infra/observability/metrics';

/** Answers a scrape. Creating it turns Node's default process metrics on. */
export function metricsHandler(): RequestHandler {
  enableProcessMetrics();
  return (_req, res, next) => {
    metricsText().then(({ contentType, body }) => {
      res.set('cache-control', 'no-store').type(contentType).send(body);
    }, next);
  };
}

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A listener of its own for `/metrics`; `before` runs first (the access log). */
export async function startMetricsServer(options: {
  readonly port: number;
  readonly host: string;
  readonly before: readonly RequestHandler[];
}): Promise<MetricsServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use(...options.before);
  app.get('/metrics', metricsHandler());
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Only /metrics is served on this port.', extensions: { code: 'NOT_FOUND' } }] });
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
