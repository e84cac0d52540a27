/**
 * `.env.example` is the README's configuration table as a file: the same variables in the same
 * groups, and filled in as it ships, production refuses it naming exactly what is left to set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/index';

const ROOT = join(__dirname, '..', '..');

/** Variable names in `.env.example`, set or commented out, in file order. */
function exampleNames(): string[] {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  return [...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1] ?? '');
}

/** The first column of the README's configuration table, in table order. */
function readmeNames(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1] ?? ''));
}

/** What `.env.example` sets as it ships (its uncommented lines). */
function exampleEnv(): NodeJS.ProcessEnv {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  return Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']));
}

describe('.env.example', () => {
  it('lists every variable of the README configuration table, in the same order', () => {
    expect(exampleNames()).toEqual(readmeNames());
  });

  it('as it ships, is refused in production naming every provider variable and the auth secret', () => {
    let problems: readonly string[] = [];
    try {
      loadConfig(exampleEnv());
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    const text = problems.join('\n');
    for (const [name, value] of Object.entries(exampleEnv())) {
      if (value === '') expect(text).toContain(name);
    }
    expect(problems).toHaveLength(4);
  });
});
