/**
 * `npm run build`: compiles the service to dist/ with tsc (tsconfig.build.json), copies the SDL
 * files beside the compiled code and writes the two entry points production runs:
 *
 *   dist/main.js          the service                      node dist/main.js
 *   dist/healthcheck.js   the container's liveness check   node dist/healthcheck.js
 *
 * The compiled tree keeps the source layout (dist/src, dist/resolvers, dist/fixtures), so
 * dist/src/schema.js finds dist/schema as src/schema.ts finds schema/. Plain JavaScript, so it
 * runs where tsx is not installed.
 *
 *   --out-dir <dir>  build there instead of dist/ (the tests build into a temporary folder)
 *   --prestart       (npm start) in a production install, where the TypeScript compiler is not
 *                    installed, start the dist/ that is there instead of failing
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { 'out-dir': { type: 'string', default: 'dist' }, prestart: { type: 'boolean', default: false } },
});
const outDir = resolve(ROOT, values['out-dir']);
// The folder is emptied first: never the project or a folder holding it.
if (`${ROOT}/`.startsWith(`${outDir}/`)) fail(`refusing to build into ${outDir}`);

const tsc = compiler();
if (tsc === null) {
  if (values.prestart && existsSync(join(outDir, 'main.js'))) {
    process.stdout.write(`No TypeScript compiler (a production install): starting the build in ${outDir} as it is.\n`);
    process.exit(0);
  }
  fail('The TypeScript compiler is not installed: build with the dev dependencies (`npm ci && npm run build`), then install for production.');
}

const started = performance.now();
rmSync(outDir, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { stdio: 'inherit' });
if (result.status !== 0) fail(`tsc failed (exit ${String(result.status ?? result.signal)})`);

cpSync(join(ROOT, 'schema'), join(outDir, 'schema'), {
  recursive: true,
  filter: (source) => statSync(source).isDirectory() || source.endsWith('.graphql'),
});
const entry = (target, what) => `'use strict';\n// ${what} (written by scripts/build.mjs).\nrequire('./src/${target}');\n`;
writeFileSync(join(outDir, 'main.js'), entry('main.js', 'The service: node dist/main.js'));
writeFileSync(join(outDir, 'healthcheck.js'), entry('healthcheck.js', 'Liveness check: exit 0 when GET /health/live answers 200'));
process.stdout.write(`Built ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);

/** `typescript/bin/tsc`, or null when the dev dependencies are not installed. */
function compiler() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return null;
  }
}

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}
