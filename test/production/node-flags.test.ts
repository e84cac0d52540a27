/**
 * The heap sizes of src/node-flags.ts are on every command line that starts the build the way
 * production does: `npm start`, the image's CMD and .ci/run's run of the build (the bench and
 * the tests of the build import them). A start without them serves the same answers with a
 * heap V8 sizes from the machine's memory: nothing but this would notice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_HEAP_FLAGS } from '../../src/node-flags';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the heap sizes the service starts with', () => {
  it('npm start runs node with them before dist/main.js', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;

    expect(start).toBe(`exec node ${NODE_HEAP_FLAGS.join(' ')} dist/main.js`);
  });

  it("the image's CMD runs node with them before dist/main.js", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];

    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', ...NODE_HEAP_FLAGS, 'dist/main.js']);
  });

  it(".ci/run's start of the build as the image's user runs node with them", () => {
    expect(read('.ci/run')).toContain(`node ${NODE_HEAP_FLAGS.join(' ')} dist/main.js`);
  });
});
