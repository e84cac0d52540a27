/**
 * Child processes of the bench: started in their own process group (so `npx` and everything
 * under it stop together), waited for until their port accepts connections, stopped by group id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

export interface Child {
  readonly pid: number;
  readonly process: ChildProcess;
  /** The last few KB the child wrote to stderr, for error reports. */
  stderrTail(): string;
  /** SIGTERM to the group, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** A file descriptor for stdout (the project's log), or nothing kept. */
  readonly stdoutFd?: number;
}

const TAIL_BYTES = 8192;

/**
 * Process groups of children still running. They are not in the terminal's process group, so a
 * Ctrl-C reaches only the runner: it ends them on its way out, whatever way that is.
 */
const running = new Set<number>();
let cleanupInstalled = false;

function killRunning(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  running.clear();
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', killRunning);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killRunning();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

export function spawnChild(options: SpawnOptions): Child {
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', options.stdoutFd ?? 'ignore', 'pipe'],
  });
  const { pid } = child;
  if (pid === undefined) throw new Error(`could not start ${options.command}`);
  installCleanup();
  running.add(pid);
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-TAIL_BYTES);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => { resolve(); });
  });
  // The group may outlive its leader (npx's children): it leaves the list only when stopped.

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  };

  return {
    pid,
    process: child,
    stderrTail: () => tail,
    async stop(graceMs = 5000) {
      signalGroup('SIGTERM');
      const timer = new Promise<'late'>((resolve) => setTimeout(() => { resolve('late'); }, graceMs).unref());
      if ((await Promise.race([exited.then(() => 'done' as const), timer])) === 'late') signalGroup('SIGKILL');
      await exited;
      // npx's children may outlive npx itself for a moment; the group signal reaches them too.
      signalGroup('SIGKILL');
      running.delete(pid);
    },
  };
}

/** A port nobody listens on right now (the kernel's choice). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => { resolve(port); });
    });
  });
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Waits until `host:port` accepts a connection; fails when the child exits first or after `timeoutMs`. */
export async function waitForPort(child: Child, host: string, port: number, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${name} exited before listening (${String(child.process.exitCode ?? child.process.signalCode)}):\n${child.stderrTail()}`);
    }
    if (await accepts(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not listen on ${host}:${port} within ${timeoutMs / 1000} s:\n${child.stderrTail()}`);
}
