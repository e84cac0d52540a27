/**
 * The last line of defence, in a real process: an unhandled rejection is logged at fatal with
 * the request id and the process keeps running; an uncaught exception is logged at fatal and the
 * process exits with status 1.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

function run(mode: 'reject' | 'throw'): { status: number | null; lines: string[] } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'support', 'guarded-process.ts'), mode], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, lines: result.stdout.split('\n').filter(Boolean) };
}

function logLines(lines: string[]): Record<string, unknown>[] {
  return lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('process guards', () => {
  it('log an unhandled rejection at fatal with its request id, and the process keeps serving', () => {
    const { status, lines } = run('reject');

    expect(status).toBe(0);
    expect(lines).toContain('still alive');
    expect(logLines(lines)).toEqual([
      expect.objectContaining({ level: 60, requestId: 'req-42', event: 'unhandledRejection', err: expect.objectContaining({ message: 'nobody handles this' }) as unknown }),
    ]);
  });

  it('log an uncaught exception at fatal and exit with status 1', () => {
    const { status, lines } = run('throw');

    expect(status).toBe(1);
    expect(lines).not.toContain('still alive');
    expect(logLines(lines)).toEqual([expect.objectContaining({ level: 60, requestId: 'req-42', event: 'uncaughtException' })]);
  });
});
