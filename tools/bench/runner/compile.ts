/**
 * Compiles the bench's servers (bench/serve.ts and what it imports) to one CommonJS file with
 * esbuild, packages left external, into node_modules/.cache so `require` finds the project's
 * node_modules. Peers and the stand-in then run on plain node: a TypeScript loader would add
 * its own memory (tsx: ~16 MB and an esbuild child process) to theirs.
 */
import { join } from 'node:path';
import { build } from 'esbuild';

export async function compileServers(root: string): Promise<string> {
  const outfile = join(root, 'node_modules', '.cache', 'recovery-graph-bench', 'serve.js');
  await build({
    entryPoints: [join(root, 'tools', 'bench', 'serve.ts')],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
