/**
 * The service as it runs in production, in a child process (so "the process is alive" is a real
 * question and a crash cannot take the test runner down): `src/main.ts` under tsx with
 * NODE_ENV=production, an HS256 secret, and every provider pointed at a simulator this process
 * started. Its log lines are kept for the checks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { signToken } from '../../src/server/auth/dev-token';
import { startCdcSimulator } from '../../tools/simulators/cdc';
import { startDebtCollectionSimulator } from '../../tools/simulators/debt-collection';
import { startRecoveryConnectSimulator, type RunningSimulator } from '../../tools/simulators/recovery-connect';
import { productionEnv } from '../support/built-service';
import { simControl, type SimControl } from '../support/sim-control';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'fuzz-secret-of-the-child-service-0123456789abcdef';

export interface ChildService {
  readonly graphqlUrl: string;
  readonly healthUrl: string;
  readonly sims: { readonly recoveryConnect: SimControl; readonly cdc: SimControl; readonly debtCollection: SimControl };
  readonly simulatorUrls: { readonly recoveryConnect: string; readonly cdc: string; readonly debtCollection: string };
  /** Every JSON log line the service wrote so far. */
  readonly logLines: readonly Record<string, unknown>[];
  /** A token with these scopes, signed with the service's secret. */
  token(scopes: readonly string[]): Promise<string>;
  /** True while the process runs. */
  alive(): boolean;
  close(): Promise<void>;
}

export async function startChildService(): Promise<ChildService> {
  const simulators: RunningSimulator[] = [];
  const rc = await startRecoveryConnectSimulator();
  simulators.push(rc);
  const cdc = await startCdcSimulator();
  simulators.push(cdc);
  // No rate limit in the way: the fuzzer wants the resolvers, not 429s after the first minute.
  const dc = await startDebtCollectionSimulator({ rateLimitPerMinute: 1_000_000 });
  simulators.push(dc);

  // Stop at once when the fuzzer is done (production waits 5 s for load balancers by default).
  const env = productionEnv({ recoveryConnect: rc, cdc, debtCollection: dc }, { SHUTDOWN_DELAY_MS: '0', AUTH_JWT_SECRET: SECRET });
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/dev/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logLines: Record<string, unknown>[] = [];
  const other: string[] = [];
  let buffered = '';

  const started = new Promise<string>((resolve, reject) => {
    const onLine = (line: string) => {
      if (line.startsWith('{')) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logLines.push(entry);
          // In production the start is one JSON line: `listening` with the URL.
          if (entry.msg === 'listening' && typeof entry.url === 'string') resolve(entry.url);
          return;
        } catch {
          // not a log line after all
        }
      }
      other.push(line);
      const url = /GraphQL endpoint\s+(\S+)/.exec(line)?.[1];
      if (url) resolve(url);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      other.push(chunk.toString('utf8'));
    });
    child.once('exit', (code, signal) => {
      reject(new Error(`the service exited before it started (${String(code ?? signal)}): ${other.join('\n')}`));
    });
  });

  const closeAll = async (process: ChildProcess) => {
    if (running(process)) {
      const exited = new Promise((resolve) => process.once('exit', resolve));
      process.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
      if (running(process)) process.kill('SIGKILL');
    }
    await Promise.all(simulators.map((simulator) => simulator.close()));
  };

  let graphqlUrl: string;
  let startTimer: NodeJS.Timeout | undefined;
  try {
    const tooLate = new Promise<string>((_resolve, reject) => {
      startTimer = setTimeout(() => {
        reject(new Error('the service did not start in 60 s'));
      }, 60_000);
    });
    graphqlUrl = await Promise.race([started, tooLate]);
  } catch (error) {
    await closeAll(child);
    throw error;
  } finally {
    clearTimeout(startTimer);
  }
  // Once started, an exit is what `alive()` reports, not an error.
  started.catch(() => undefined);

  const tokens = new Map<string, Promise<string>>();
  return {
    graphqlUrl,
    healthUrl: graphqlUrl.replace(/\/graphql$/, '/health'),
    sims: { recoveryConnect: simControl(rc.url), cdc: simControl(cdc.url), debtCollection: simControl(dc.url) },
    simulatorUrls: { recoveryConnect: rc.url, cdc: cdc.url, debtCollection: dc.url },
    logLines,
    token(scopes) {
      const key = [...scopes].sort().join(' ');
      let token = tokens.get(key);
      if (!token) {
        token = signToken({ secret: SECRET, scopes, lifetimeSeconds: 3600, subject: 'fuzzer' });
        tokens.set(key, token);
      }
      return token;
    },
    alive: () => running(child),
    close: () => closeAll(child),
  };
}

function running(process: ChildProcess): boolean {
  return process.exitCode === null && process.signalCode === null;
}
