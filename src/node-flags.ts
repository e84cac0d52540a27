/**
 * The V8 heap sizes the service runs with, on the command line wherever the build is started
 * (`npm start`, the image's CMD, `.ci/run`, the bench and the tests of the build;
 * test/production/node-flags.test.ts checks they agree). V8 sizes its heap from the machine's
 * memory: on a 24 GB machine it let the young generation reach 32 MB (64–128 MB on Node 24) and
 * the old generation grow to three times what was live, so a service with ~30 MB live reached
 * 200 MB of RSS under load (Node 24: 270 MB). With these bounds: ~115 MB (Node 24: ~147 MB), for
 * a few percent more CPU in the young generation's collections. The old space may still hold
 * eight times what the service keeps live; give a bigger container a bigger value.
 */
export const NODE_HEAP_FLAGS: readonly string[] = ['--max-old-space-size=256', '--max-semi-space-size=4'];
