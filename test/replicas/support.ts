/**
 * Several replicas as production runs them: the BUILT service (test/support/built-service.ts) as
 * child processes with NODE_ENV=production, all on ONE set of provider simulators started by the
 * test, sharing one real Redis (test/support/redis.ts).
 */
import { NODE_MEMORY_ENV, NODE_MEMORY_FLAGS } from '../../src/server/node-flags';
import { startSimulators, type RunningSimulators, type SimulatorsOptions } from '../../tools/simulators/start';
import { buildService, listening, productionEnv, removeBuild } from '../support/built-service';
import { killChildren, startChild, type Child } from '../support/child';
import { startRedis, type TestRedis } from '../support/redis';
import type { GraphQLAnswer } from '../support/stack';
import { testToken } from '../support/stack';

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
  const child = startChild(process.execPath, [...NODE_MEMORY_FLAGS, 'dist/main.js'], { cwd: workDir, env: { ...NODE_MEMORY_ENV, ...env } });
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

/** What a replica test works with; valid inside its tests (set up by {@link useReplicas}'s hooks). */
export interface Replicas {
  /** A token for the replicas, signed with their secret. */
  readonly token: string;
  readonly redis: TestRedis;
  /** This test's simulators. */
  readonly simulators: RunningSimulators;
  /** Starts `count` replicas with `env` at once; they are stopped after the test. */
  start(count: number, env: NodeJS.ProcessEnv): Promise<Replica[]>;
  /** Stops every replica started so far (a test may start others after). */
  stopAll(): Promise<void>;
}

/**
 * The hooks every replica test file shares: one build and one Redis for the file; for each test
 * fresh simulators (fresh provider state) and an empty Redis, and afterwards no replica left.
 */
export function useReplicas(options: { tokenScopes?: readonly string[]; simulators?: SimulatorsOptions } = {}): Replicas {
  let workDir = '';
  let token = '';
  let redis: TestRedis | undefined;
  let simulators: RunningSimulators | undefined;
  const started: Replica[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(started.splice(0).map((replica) => replica.stop()));
  };
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is set up by useReplicas' hooks: use it inside a test`);
    return value;
  };

  beforeAll(async () => {
    workDir = buildService('recovery-graph-replicas-');
    token = await testToken(options.tokenScopes === undefined ? {} : { scopes: options.tokenScopes });
    redis = await startRedis();
  }, 120_000);

  afterAll(async () => {
    await redis?.stop();
    removeBuild(workDir);
  });

  beforeEach(async () => {
    simulators = await startSimulators({ host: '127.0.0.1', ...options.simulators });
    await ready(redis, 'redis').client().flushall();
  });

  afterEach(async () => {
    await stopAll();
    killChildren();
    await simulators?.close();
  });

  return {
    get token() {
      return token;
    },
    get redis() {
      return ready(redis, 'redis');
    },
    get simulators() {
      return ready(simulators, 'simulators');
    },
    async start(count, env) {
      const replicas = await Promise.all(Array.from({ length: count }, () => startReplica(workDir, env)));
      started.push(...replicas);
      return replicas;
    },
    stopAll,
  };
}
