/**
 * The memory bounds of src/node-flags.ts (node flags and the malloc environment) are on every
 * command line that starts the build the way production does: `npm start`, the image's CMD and
 * ENV, and .ci/run's run of the build (the bench and the tests of the build import them). A start
 * without them serves the same answers with more memory: nothing but this would notice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_MEMORY_FLAGS, nodeMemoryEnvWords } from '../../src/server/node-flags';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the memory bounds the service starts with', () => {
  it('npm start runs node with the environment and the flags before dist/dev.js (the dev entry)', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;

    expect(start).toBe(`exec env ${nodeMemoryEnvWords().join(' ')} node ${NODE_MEMORY_FLAGS.join(' ')} dist/dev.js`);
  });

  it("the image's CMD runs node with the flags before dist/main.js", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];

    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', ...NODE_MEMORY_FLAGS, 'dist/main.js']);
  });

  it("the image's ENV sets the environment", () => {
    const env = /^ENV ((?:.*\\\n)*.*)$/m.exec(read('Dockerfile'))?.[1] ?? '';
    const words = env.split(/\s+\\?\s*/).filter((word) => word !== '' && word !== '\\');

    expect(words).toEqual(expect.arrayContaining(nodeMemoryEnvWords()));
  });

  it(".ci/run's start of the build as the image's user runs node with both", () => {
    const ciRun = read('.ci/run');
    const start = ciRun.split('\n').find((line) => line.includes(' dist/main.js)')) ?? '';

    expect(start).toContain(`node ${NODE_MEMORY_FLAGS.join(' ')} dist/main.js`);
    for (const word of nodeMemoryEnvWords()) expect(start).toContain(word);
  });
});
