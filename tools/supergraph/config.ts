/**
 * Rover's supergraph config (`supergraph.yaml`): which subgraphs compose, where the router
 * reaches each, and where each one's SDL comes from. Schema sources we cannot read here
 * (`graphref`, which needs GraphOS) are refused by name rather than skipped. `federation_version`
 * is accepted; composition always uses the @apollo/composition version in package.json.
 */
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isHttpUrl } from '../../src/config/env';

/** Where a subgraph's SDL is read from. */
export type SchemaSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'subgraph_url'; readonly url: string };

export interface SubgraphEntry {
  readonly name: string;
  /** The URL the router sends this subgraph's operations to. */
  readonly routingUrl: string;
  readonly schema: SchemaSource;
}

export interface SupergraphConfig {
  readonly subgraphs: readonly SubgraphEntry[];
}

/** A config that cannot be used, with every problem found. */
export class SupergraphConfigError extends Error {
  override readonly name = 'SupergraphConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid supergraph config:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Reads the YAML text of a config; relative schema files resolve against `baseDir`. */
export function parseSupergraphConfig(text: string, baseDir: string): SupergraphConfig {
  const problems: string[] = [];
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new SupergraphConfigError([`not YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (!isRecord(document) || !isRecord(document.subgraphs)) {
    throw new SupergraphConfigError(['a top-level "subgraphs" map is required']);
  }
  const subgraphs: SubgraphEntry[] = [];
  for (const [name, value] of Object.entries(document.subgraphs)) {
    const entry = subgraphEntry(name, value, baseDir, problems);
    if (entry) subgraphs.push(entry);
  }
  if (subgraphs.length === 0 && problems.length === 0) problems.push('no subgraphs listed');
  if (problems.length > 0) throw new SupergraphConfigError(problems);
  return { subgraphs };
}

function subgraphEntry(name: string, value: unknown, baseDir: string, problems: string[]): SubgraphEntry | null {
  if (!isRecord(value)) {
    problems.push(`${name}: must be a map with routing_url and schema`);
    return null;
  }
  const routingUrl = value.routing_url;
  if (typeof routingUrl !== 'string' || !isHttpUrl(routingUrl)) {
    problems.push(`${name}: routing_url must be an http(s) URL`);
  }
  const schema = value.schema;
  let source: SchemaSource | null = null;
  if (isRecord(schema) && typeof schema.file === 'string') {
    source = { kind: 'file', path: isAbsolute(schema.file) ? schema.file : resolve(baseDir, schema.file) };
  } else if (isRecord(schema) && typeof schema.subgraph_url === 'string' && isHttpUrl(schema.subgraph_url)) {
    source = { kind: 'subgraph_url', url: schema.subgraph_url };
  } else {
    problems.push(`${name}: schema must be { file: <path> } or { subgraph_url: <http(s) URL> }`);
  }
  if (typeof routingUrl !== 'string' || !isHttpUrl(routingUrl) || source === null) return null;
  return { name, routingUrl, schema: source };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
