/**
 * `npm run bench`: how fast this project serves the graph, measured against the usual ways.
 *
 *   npm run bench                          the comparison (bench/comparison.ts)
 *   npm run bench -- --scenario slow       the same with the upstream slowed to 30 ms, 64 connections
 *   npm run bench -- --scenario batching   what per-request batching buys (bench/batching.ts)
 *   npm run bench -- --help                every option
 *
 * Timings live here, never in a test. Run it on a machine doing nothing else.
 */
import { join } from 'node:path';
import { runBatching } from '../bench/batching';
import { runComparison } from '../bench/comparison';
import { OptionsError, readOptions, USAGE } from '../bench/runner/options';

async function main(): Promise<number> {
  let options;
  try {
    options = readOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof OptionsError) && !(error instanceof TypeError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === null) {
    console.log(USAGE);
    return 0;
  }
  if (options.scenario === 'batching') {
    await runBatching(options.rounds);
    return 0;
  }
  try {
    return (await runComparison(join(__dirname, '..', '..'), options)) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    console.error(error.message);
    return 2;
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
