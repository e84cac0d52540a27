/**
 * `npm start` (src/main.ts) as a person runs it: with no configuration it prints a dev token that
 * the service accepts; with a real provider and no auth it refuses to start and says what to set;
 * AUTH_DISABLED=true starts with a loud warning.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { NOT_CONFIGURED_MESSAGE, DISABLED_WARNING } from '../../src/auth/startup';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything written to stdout (the JSON log) so far. */
  stdout(): string;
  /** Everything written to stderr (the start banner) so far. */
  stderr(): string;
  /** Resolves once `pattern` matches stdout or stderr, or rejects when the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Resolves with the exit code and stderr. */
  exited: Promise<{ code: number | null; stderr: string }>;
}

/** `tsx src/main.ts` with only these variables (and PATH), on a free port. */
function start(env: Record<string, string>): Started {
  const child = spawn(TSX, [join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    // Its own process group: tsx runs the service in a child process, and both must end.
    detached: true,
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (match: RegExpExecArray) => void; reject: (error: Error) => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(stdout) ?? waiter.pattern.exec(stderr);
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
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`exited with ${String(code)} before printing ${String(waiter.pattern)}:\n${stderr}`));
      resolve({ code, stderr });
    });
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        check();
      }),
    exited,
  };
}

/** Every service a test started, so none outlives a failed test. */
const running: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }
});

/** SIGTERM as a process manager sends it; resolves when the service has shut down. */
async function stop(started: Started): Promise<void> {
  const pid = started.child.pid;
  if (started.child.exitCode === null && pid !== undefined) process.kill(-pid, 'SIGTERM');
  await started.exited;
}

describe('npm start and inbound auth', () => {
  it('prints a ready-to-paste dev token on the simulators, which the service accepts', async () => {
    const started = start({ LOG_LEVEL: 'warn' });
    try {
      const [, url = ''] = await started.waitFor(/GraphQL endpoint\s+(\S+)/);
      const [, token = ''] = await started.waitFor(/^Authorization: Bearer (\S+)$/m);

      const answer = async (headers: Record<string, string>) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ assignment(id: "57074903") { id } }' }),
        });
        return (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      };
      expect(await answer({ authorization: `Bearer ${token}` })).toEqual({ data: { assignment: { id: '57074903' } } });
      expect((await answer({})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(started.stderr()).toContain('Authentication     dev token');
      // The log (stdout) never holds the token.
      expect(started.stdout()).not.toContain(token);
    } finally {
      await stop(started);
    }
  });

  it('refuses to start with a real provider and no auth, naming what to set', async () => {
    const started = start({
      RECOVERY_CONNECT_URL: 'http://127.0.0.1:9',
      RECOVERY_CONNECT_USERNAME: 'agency',
      RECOVERY_CONNECT_PASSWORD: 'pw',
    });

    const { code, stderr } = await started.exited;
    expect(code).toBe(1);
    expect(stderr).toContain(NOT_CONFIGURED_MESSAGE);
    expect(started.stdout() + stderr).not.toContain('GraphQL endpoint');
  });

  it('starts with AUTH_DISABLED=true and a real provider, warning loudly', async () => {
    const started = start({
      RECOVERY_CONNECT_URL: 'http://127.0.0.1:9',
      RECOVERY_CONNECT_USERNAME: 'agency',
      RECOVERY_CONNECT_PASSWORD: 'pw',
      AUTH_DISABLED: 'true',
      LOG_LEVEL: 'warn',
    });
    try {
      await started.waitFor(/GraphQL endpoint/);
      const warning = started
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; msg: string })
        .find((line) => line.msg === DISABLED_WARNING);
      expect(warning?.level).toBe(40);
      expect(started.stderr()).toContain('Authentication     DISABLED (AUTH_DISABLED=true)');
      expect(started.stderr()).not.toContain('Authorization: Bearer');
    } finally {
      await stop(started);
    }
  });
});
