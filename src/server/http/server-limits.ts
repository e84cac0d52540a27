/**
 * The HTTP server's own limits, so silent or slow clients cannot hold its sockets and file
 * descriptors: a client has seconds, not minutes, to send its headers and its whole request, an
 * idle keep-alive connection is closed after a few seconds, and connections beyond a limit safely
 * below the process's file-descriptor limit are closed as soon as they are accepted, before a
 * byte is read (a refused connection costs nothing).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Logger } from '../../infra/logger';

export interface ServerLimits {
  /** Time from the connection (or the previous answer) to the request's complete headers. */
  readonly headersTimeoutSeconds: number;
  /** Time to receive the whole request, headers and body. */
  readonly requestTimeoutSeconds: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutSeconds: number;
  /** Open connections at most; more are closed at once. */
  readonly maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutSeconds: 10,
  requestTimeoutSeconds: 30,
  keepAliveTimeoutSeconds: 5,
  maxConnections: 10_000,
};

/** File descriptors kept for everything else: provider sockets, logs, files, DNS. */
export const RESERVED_DESCRIPTORS = 1024;

/**
 * An HTTP server for `app` with these limits. The connection limit is lowered (with a warning)
 * when the process may not open that many file descriptors besides its reserve.
 */
export function createLimitedServer(app: RequestListener, limits: ServerLimits, logger: Logger): Server {
  const headersTimeout = limits.headersTimeoutSeconds * 1000;
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: limits.requestTimeoutSeconds * 1000,
      keepAliveTimeout: limits.keepAliveTimeoutSeconds * 1000,
      // Node looks for expired requests every 30 s by default, so a silent socket would outlive
      // the headers timeout by up to that much: look ten times per timeout, at least every second.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(headersTimeout / 10))),
    },
    app,
  );
  server.maxConnections = safeConnectionLimit(limits.maxConnections, openFilesLimit(), logger);
  return server;
}

/** The configured limit, or less when the descriptor limit leaves less room. */
export function safeConnectionLimit(configured: number, descriptorLimit: number | null, logger?: Logger): number {
  if (descriptorLimit === null) return configured;
  const room = Math.max(1, descriptorLimit - RESERVED_DESCRIPTORS);
  if (configured <= room) return configured;
  logger?.warn({ configured, descriptorLimit, maxConnections: room }, 'HTTP_MAX_CONNECTIONS is above what the file-descriptor limit allows; using less');
  return room;
}

/** The soft limit of open files (`ulimit -n`), where Linux tells it; null elsewhere. */
export function openFilesLimit(): number | null {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const soft = /^Max open files\s+(\d+|unlimited)/m.exec(limits)?.[1];
    return soft === undefined || soft === 'unlimited' ? null : Number(soft);
  } catch {
    return null;
  }
}
