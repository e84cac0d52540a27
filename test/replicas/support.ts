/**
 * Several replicas as production runs them: the BUILT service (test/support/built-service.ts) as
 * child processes with NODE_ENV=production, all on ONE set of provider simulators started by the
 * test, sharing one real Redis (test/support/redis.ts).
 */
import type { RunningSimulators } from '../../src/simulators/start';
import { buildService as buildInto, listening, productionEnv } from '../support/built-service';
import { startChild, type Child } from '../support/child';
import type { GraphQLAnswer } from '../support/stack';

export { removeBuild } from '../support/built-service';

/** Builds the service into a new temporary folder. */
export function buildService(): string {
  return buildInto('recovery-graph-replicas-');
}

/** Production settings for a replica on `simulators`; `extra` adds or overrides (e.g. REDIS_URL). */
export function replicaEnv(simulators: RunningSimulators, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return productionEnv(simulators, { SHUTDOWN_DELAY_MS: '0', ...extra });
}

export interface Replica {
  readonly child: Child;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  gql(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
}

/** `node dist/main.js` in `workDir`; resolves once it logged where it listens. */
export async function startReplica(workDir: string, env: NodeJS.ProcessEnv): Promise<Replica> {
  const child = startChild(process.execPath, ['dist/main.js'], { cwd: workDir, env });
  const base = await listening(child);
  return {
    child,
    base,
    async gql(token, query, variables) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as Omit<GraphQLAnswer, 'status'>) };
    },
    async stop() {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
      await child.exited;
    },
  };
}
