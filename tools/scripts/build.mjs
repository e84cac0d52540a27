/**
 * `npm run build`: compiles the service to dist/ with tsc, copies the SDL files beside the
 * compiled code and writes the entry points:
 *
 *   dist/main.js          the service (production)             node dist/main.js
 *   dist/healthcheck.js   the container's liveness check       node dist/healthcheck.js
 *   dist/dev.js           the dev entry, simulators embedded   npm start
 *
 * The compiled tree keeps the source layout (dist/src, dist/resolvers, dist/tools), so
 * dist/src/graphql/schema.js finds dist/schema as the source finds schema/. Plain JavaScript, so
 * it runs where tsx is not installed.
 *
 *   --production     the service and its health check only (tsconfig.build.json): no tools/, no
 *                    simulator and no fixture in the build (the image is built so)
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

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    'out-dir': { type: 'string', default: 'dist' },
    prestart: { type: 'boolean', default: false },
    production: { type: 'boolean', default: false },
  },
});
const outDir = resolve(ROOT, values['out-dir']);
// The folder is emptied first: never the project or a folder holding it.
if (`${ROOT}/`.startsWith(`${outDir}/`)) fail(`refusing to build into ${outDir}`);

const tsc = compiler();
if (tsc === null) {
  if (values.prestart && existsSync(join(outDir, 'dev.js'))) {
    process.stdout.write(`No TypeScript compiler (a production install): starting the build in ${outDir} as it is.\n`);
    process.exit(0);
  }
  fail('The TypeScript compiler is not installed: build with the dev dependencies (`npm ci && npm run build`), then install for production.');
}

const started = performance.now();
rmSync(outDir, { recursive: true, force: true });
const project = values.production ? join(ROOT, 'tsconfig.build.json') : join(ROOT, 'tools', 'tsconfig.build.json');
const result = spawnSync(process.execPath, [tsc, '-p', project, '--outDir', outDir], { stdio: 'inherit' });
if (result.status !== 0) fail(`tsc failed (exit ${String(result.status ?? result.signal)})`);

cpSync(join(ROOT, 'schema'), join(outDir, 'schema'), {
  recursive: true,
  filter: (source) => statSync(source).isDirectory() || source.endsWith('.graphql'),
});
const entry = (target, what) => `'use strict';\n// ${what} (written by tools/scripts/build.mjs).\nrequire('./${target}');\n`;
writeFileSync(join(outDir, 'main.js'), entry('src/server/main.js', 'The service: node dist/main.js'));
writeFileSync(join(outDir, 'healthcheck.js'), entry('src/server/healthcheck.js', 'Liveness check: exit 0 when GET /health/live answers 200'));
if (!values.production) writeFileSync(join(outDir, 'dev.js'), entry('tools/dev/main.js', 'The dev entry, simulators embedded for unset providers: npm start'));
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
