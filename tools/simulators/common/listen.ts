import type { Express } from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A simulator listening on a real socket. */
export interface RunningSimulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4101`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops every open connection (keep-alive sockets included). */
  close(): Promise<void>;
}

/** Where to listen; port 0 picks a free ephemeral port. */
export interface ListenOptions {
  host: string;
  port: number;
}

export async function listen(app: Express, options: ListenOptions): Promise<RunningSimulator> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = portOf(server.address());
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => {
        if (error === undefined) resolve();
        else reject(error);
      });
      // Without this, idle keep-alive sockets (undici pools) keep the server, and jest, alive.
      server.closeAllConnections();
    });
    return closing;
  };
  return { url: `http://${host}:${String(port)}`, port, close };
}

/** A TCP server's address is an AddressInfo; a string would mean a pipe, which we never open. */
function portOf(address: AddressInfo | string | null): number {
  if (address === null || typeof address === 'string') throw new Error('Simulator is not listening on TCP.');
  return address.port;
}
