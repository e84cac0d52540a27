/**
 * How the service's memory is bounded wherever the build is started (`npm start`, the image's
 * CMD and ENV, `.ci/run`, the bench and the tests of the build; test/production/node-flags.test.ts
 * checks they agree). Measured under the bench's load on a 24 GB machine, Node 24:
 *
 * - Heap sizes. V8 sizes its heap from the machine's memory: it let the young generation reach
 *   32 MB (64–128 MB on Node 24) and the old generation grow to three times what was live, so a
 *   service with ~30 MB live reached 200 MB of RSS (Node 24: 270 MB). Bounded: ~115–130 MB (Node
 *   24: ~155 MB), for a few percent more CPU in the young generation's collections. With the three
 *   below as well: ~110 MB (Node 24: ~135–145 MB). The old space may
 *   still hold eight times what the service keeps live; give a bigger container a bigger value.
 * - `--no-maglev`: Node 24's mid-tier compiler kept ~10 MB of compiler memory for no measurable
 *   throughput (the hot code ends in TurboFan either way). Node 20 has it off already.
 * - `--liftoff-only`: the one WebAssembly module we run is undici's HTTP parser (llhttp). Its
 *   optimizing compile took a 22 MB compiler zone that malloc then kept (V8's peak malloced
 *   memory 28 MB → 6 MB without it; RSS −6 to −12 MB on Node 24, −21 MB on Node 20). The baseline
 *   code parses the upstream answers at no measurable cost: coalescing makes them few. V8 lists
 *   the flag among its testing flags; all it does is keep wasm on the baseline compiler.
 * - `MALLOC_ARENA_MAX=2`: glibc gave each of V8's worker threads its own malloc arena, ~30 MB
 *   together, mostly free space; two arenas hold the same for ~10 MB less. glibc reads it when
 *   the process starts, so it is the environment of the command, not something main.ts can set.
 */
export const NODE_MEMORY_FLAGS: readonly string[] = ['--max-old-space-size=256', '--max-semi-space-size=4', '--no-maglev', '--liftoff-only'];

/** The environment beside the flags (see above). */
export const NODE_MEMORY_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** The environment as `NAME=value` words, in the order written on every command line. */
export function nodeMemoryEnvWords(): string[] {
  return Object.entries(NODE_MEMORY_ENV).map(([name, value]) => `${name}=${value}`);
}
