/**
 * A real Redis for tests: `redis-server` from PATH on a free loopback port, without persistence
 * (`--save "" --appendonly no`), as the service needs it. Never skipped: without redis-server the
 * test fails and says how to install it. `kill()` and `restart()` stop and start it again on the
 * same port, as an operator's restart (or a crash) would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** A client of its own, for looking at keys. */
  client(): Redis;
  /** Kills the server (SIGKILL: nothing is saved); resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty; resolves once it answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const INSTALL_HINT = 'redis-server is not on PATH. Install it (Debian/Ubuntu: `apt-get install redis-server`; macOS: `brew install redis`); .ci/run installs it.';

export async function startRedis(): Promise<TestRedis> {
  const which = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (which.error || which.status !== 0) throw new Error(INSTALL_HINT);
  const port = await freePort();
  let server: ChildProcess | null = null;
  const clients: Redis[] = [];

  async function start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    for (let tries = 0; tries < 100; tries += 1) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${String(child.exitCode)}):\n${output}`);
      if (/Ready to accept connections/.test(output)) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${String(port)}:\n${output}`);
  }

  async function kill(): Promise<void> {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
    child.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${String(port)}`,
    port,
    client() {
      const client = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1, lazyConnect: false });
      client.on('error', () => undefined);
      clients.push(client);
      return client;
    },
    kill,
    restart: async () => {
      await kill();
      await start();
    },
    async stop() {
      for (const client of clients.splice(0)) client.disconnect();
      await kill();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}
