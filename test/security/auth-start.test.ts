/**
 * `npm start` (src/main.ts) as a person runs it: with no configuration it prints a dev token that
 * the service accepts; with a real provider and no auth it refuses to start and says what to set;
 * AUTH_DISABLED=true starts with a loud warning.
 */
import { join } from 'node:path';
import { NOT_CONFIGURED_MESSAGE, DISABLED_WARNING } from '../../src/server/auth/startup';
import { killChildren, startChild, type Child } from '../support/child';

const ROOT = join(__dirname, '..', '..');

/** `src/main.ts` under tsx with only these variables (and PATH), on a free port. */
function start(env: Record<string, string>): Child {
  return startChild(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'dev', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
  });
}

afterEach(() => {
  killChildren();
});

/** SIGTERM as a process manager sends it; resolves when the service has shut down. */
async function stop(started: Child): Promise<void> {
  if (started.process.exitCode === null && started.process.signalCode === null) started.process.kill('SIGTERM');
  await started.exited;
}

describe('npm start and inbound auth', () => {
  it('prints a ready-to-paste dev token on the simulators, which the service accepts', async () => {
    const started = start({ LOG_LEVEL: 'warn' });
    try {
      const [, url = ''] = await started.waitFor(/GraphQL endpoint\s+(\S+)/, 'stderr');
      const [, token = ''] = await started.waitFor(/^Authorization: Bearer (\S+)$/m, 'stderr');

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

    const { code } = await started.exited;
    const stderr = started.stderr();
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
      await started.waitFor(/GraphQL endpoint/, 'stderr');
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
