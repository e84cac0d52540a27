/**
 * `npm run supergraph`: the checked-in Rover config composes, a broken one is reported plainly
 * with a non-zero exit, and config mistakes are named.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeSupergraph, loadSubgraphs } from '../tools/supergraph/compose';
import { parseSupergraphConfig, SupergraphConfigError } from '../tools/supergraph/config';
import { subgraphSdl } from '../tools/supergraph/print';

const ROOT = join(__dirname, '..');
const run = promisify(execFile);

/** The checked-in config, with our SDL printed into a scratch copy of the folder. */
function checkedInConfig(): { configPath: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'supergraph-'));
  writeFileSync(join(dir, 'recovery-graph.graphql'), subgraphSdl());
  writeFileSync(join(dir, 'crm.graphql'), readFileSync(join(ROOT, 'tools', 'supergraph', 'crm.graphql')));
  const configPath = join(dir, 'supergraph.yaml');
  writeFileSync(configPath, readFileSync(join(ROOT, 'tools', 'supergraph', 'supergraph.yaml')));
  return { configPath, dir };
}

function configError(text: string): SupergraphConfigError {
  try {
    parseSupergraphConfig(text, '/tmp');
  } catch (error) {
    if (error instanceof SupergraphConfigError) return error;
    throw error;
  }
  throw new Error('expected a SupergraphConfigError');
}

describe('supergraph composition', () => {
  it('composes the checked-in config without errors, with the one hint it expects', async () => {
    const { configPath, dir } = checkedInConfig();
    const config = parseSupergraphConfig(readFileSync(configPath, 'utf8'), dir);

    const outcome = composeSupergraph(await loadSubgraphs(config));

    // Vehicle.id is nullable here: a vehicle RecoveryConnect's collateral list names without an id
    // is shown all the same (README, "Partial answers"); the CRM keeps its own `ID!`.
    expect(outcome).toMatchObject({ ok: true, hints: [expect.stringContaining('INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE]: Type of field "Vehicle.id"')] });
    if (!outcome.ok) return;
    expect(outcome.supergraphSdl).toContain('join__graph(name: "recovery-graph", url: "http://localhost:4000/graphql")');
    expect(outcome.supergraphSdl).toContain('join__graph(name: "crm", url: "http://localhost:4010/graphql")');
  });

  it('reports composition errors by message, never by throwing', () => {
    const conflicting = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { other: Assignment }
      type Assignment @key(fields: "id") { id: ID! orderType: String }
    `;

    const outcome = composeSupergraph([
      { name: 'recovery-graph', routingUrl: 'http://localhost:4000/graphql', sdl: subgraphSdl() },
      { name: 'other', routingUrl: 'http://localhost:4020/graphql', sdl: conflicting },
    ]);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.join('\n')).toContain('Assignment.orderType');
  });

  it('names every mistake of a config at once', () => {
    const error = configError(`
subgraphs:
  a:
    routing_url: ftp://nope
    schema: { file: ./a.graphql }
  b:
    routing_url: http://localhost:1/graphql
    schema: { graphref: x@y }
`);
    expect(error.problems).toEqual([
      'a: routing_url must be an http(s) URL',
      'b: schema must be { file: <path> } or { subgraph_url: <http(s) URL> }',
    ]);
  });

  it('refuses a config without subgraphs and text that is not YAML', () => {
    expect(configError('federation_version: =2.14.4\n').problems).toEqual(['a top-level "subgraphs" map is required']);
    expect(configError('subgraphs: {}\n').problems).toEqual(['no subgraphs listed']);
    expect(configError('subgraphs: [\n').problems[0]).toMatch(/^not YAML/);
  });

  it('exits non-zero and prints the errors when composition fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supergraph-bad-'));
    writeFileSync(join(dir, 'a.graphql'), 'type Query { a: Int }');
    writeFileSync(join(dir, 'b.graphql'), 'type Query { a: String }');
    writeFileSync(
      join(dir, 'supergraph.yaml'),
      'subgraphs:\n  a:\n    routing_url: http://localhost:1/graphql\n    schema: { file: ./a.graphql }\n' +
        '  b:\n    routing_url: http://localhost:2/graphql\n    schema: { file: ./b.graphql }\n',
    );

    const failure = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'tools', 'scripts', 'supergraph.ts'), join(dir, 'supergraph.yaml')], {
      cwd: ROOT,
    }).then(
      () => null,
      (error: unknown) => error as { code: number; stderr: string },
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Composition of');
    expect(failure?.stderr).toContain('Query.a');
  });
});
