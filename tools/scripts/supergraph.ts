/**
 * `npm run supergraph [-- <config.yaml> [<out.graphql>]]`: composes the subgraphs of a Rover
 * supergraph config with @apollo/composition and writes the supergraph SDL. Composition errors
 * are printed plainly and the exit status is 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { composeSupergraph, loadSubgraphs } from '../supergraph/compose';
import { parseSupergraphConfig, SupergraphConfigError } from '../supergraph/config';

async function main(): Promise<number> {
  const configPath = resolve(process.argv[2] ?? 'tools/supergraph/supergraph.yaml');
  const outPath = resolve(process.argv[3] ?? join(dirname(configPath), 'supergraph.graphql'));

  const config = parseSupergraphConfig(readFileSync(configPath, 'utf8'), dirname(configPath));
  const subgraphs = await loadSubgraphs(config);
  const outcome = composeSupergraph(subgraphs);
  if (!outcome.ok) {
    console.error(`Composition of ${configPath} failed with ${outcome.errors.length} error(s):`);
    for (const error of outcome.errors) console.error(`  - ${error}`);
    return 1;
  }
  for (const hint of outcome.hints) console.warn(`hint: ${hint}`);
  writeFileSync(outPath, outcome.supergraphSdl);
  console.log(`Composed ${subgraphs.map((subgraph) => subgraph.name).join(', ')} → ${outPath}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof SupergraphConfigError || error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
