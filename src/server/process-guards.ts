/**
 * The last line of defence: a promise rejection nobody handled is logged at fatal, with the id of
 * the request it came from, and the process keeps serving.
 *
 * Why keep serving: Node's default (exit on an unhandled rejection) turns one bug reachable by one
 * request into an outage for every caller, and nothing restarts the service. A rejection is a
 * value that nobody awaited: the code that created it has already moved on, no stack was unwound
 * half-way, and no shared state was left half-written by it, so the process is as sound as before.
 * It is still a bug (every `_entities` item and every resolver is meant to handle its own), so it
 * is logged at fatal, where alerts look.
 *
 * An uncaught exception is different: it unwound a stack in the middle of some work, and what that
 * work had half-done is unknown. It is logged at fatal too, and then the process exits (status 1)
 * as Node would, so an orchestrator starts a clean one.
 */
import type { Logger } from '../infra/logger';
import { currentRequestContext } from '../infra/request-context';

export interface ProcessGuards {
  /** Removes the handlers (for tests that install them in-process). */
  uninstall(): void;
}

export interface ProcessGuardOptions {
  /** What to do after logging an uncaught exception; default: exit with status 1. */
  readonly onUncaughtException?: (error: unknown) => void;
}

/** Installs the handlers on `process`. */
export function installProcessGuards(logger: Logger, options: ProcessGuardOptions = {}): ProcessGuards {
  const exit = options.onUncaughtException ?? (() => process.exit(1));

  const onRejection = (reason: unknown) => {
    // Node runs this handler in the rejected promise's async context: the request it served.
    const requestId = currentRequestContext()?.requestId ?? null;
    logger.fatal({ err: reason, requestId, event: 'unhandledRejection' }, 'unhandled promise rejection; the process keeps serving');
  };
  const onException = (error: unknown) => {
    const requestId = currentRequestContext()?.requestId ?? null;
    logger.fatal({ err: error, requestId, event: 'uncaughtException' }, 'uncaught exception; the process exits');
    logger.flush();
    exit(error);
  };

  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    uninstall() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}
