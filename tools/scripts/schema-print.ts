/**
 * `npm run schema:print [-- <file>]`: writes the subgraph SDL for `rover subgraph publish`.
 * Default file: supergraph/recovery-graph.graphql (what supergraph/supergraph.yaml composes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { subgraphSdl } from '../supergraph/print';

const target = resolve(process.argv[2] ?? 'tools/supergraph/recovery-graph.graphql');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, subgraphSdl());
console.log(`Subgraph SDL written to ${target}`);
