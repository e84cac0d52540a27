/**
 * A service started as a process, as an operator starts it: its output as it comes, a wait for a
 * line, its exit. Every child started here is killed after the test if it is still running.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Child {
  readonly process: ChildProcessWithoutNullStreams;
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout (or stderr); rejects when the process exits first. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpExecArray>;
  /** Resolves with the exit code (or the signal) once the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const running: ChildProcessWithoutNullStreams[] = [];

/** Starts `command` with exactly `env` (give PATH yourself). */
export function startChild(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Child {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; stream: 'stdout' | 'stderr'; resolve: (match: RegExpExecArray) => void; reject: (error: Error) => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(waiter.stream === 'stdout' ? stdout : stderr);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const waiter of waiters.splice(0)) {
        waiter.reject(new Error(`exited (${String(code ?? signal)}) before printing ${String(waiter.pattern)}:\n${stdout}\n${stderr}`));
      }
      resolve({ code, signal, at: performance.now() });
    });
  });
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  return {
    process: child,
    pid: child.pid,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor: (pattern, stream = 'stdout') =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, stream, resolve, reject });
        check();
      }),
    exited,
  };
}

/** Kills (SIGKILL) every child still running: for afterEach. */
export function killChildren(): void {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** The first JSON log line (pino) whose `msg` is `msg`, or undefined. */
export function logLine(output: string, msg: string): Record<string, unknown> | undefined {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry.msg === msg) return entry;
  }
  return undefined;
}
