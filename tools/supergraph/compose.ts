/**
 * Composes a supergraph from subgraph SDLs with Apollo's own composition library, the same one
 * Rover and GraphOS use, so what passes here passes there.
 */
import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { SchemaSource, SupergraphConfig } from './config';

/** One subgraph ready to compose. */
export interface SubgraphSdl {
  readonly name: string;
  readonly routingUrl: string;
  readonly sdl: string;
}

export type CompositionOutcome =
  | { readonly ok: true; readonly supergraphSdl: string; readonly hints: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Composes; errors and hints come back as plain messages, never thrown. */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): CompositionOutcome {
  const errors: string[] = [];
  const services = subgraphs.flatMap((subgraph) => {
    try {
      return [{ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) }];
    } catch (error) {
      errors.push(`${subgraph.name}: SDL does not parse: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}

/** Reads every subgraph's SDL named by a config (files, or `_service { sdl }` of a running subgraph). */
export async function loadSubgraphs(config: SupergraphConfig): Promise<SubgraphSdl[]> {
  return Promise.all(
    config.subgraphs.map(async (entry) => ({
      name: entry.name,
      routingUrl: entry.routingUrl,
      sdl: await readSdl(entry.name, entry.schema),
    })),
  );
}

async function readSdl(name: string, source: SchemaSource): Promise<string> {
  if (source.kind === 'file') return readFile(source.path, 'utf8');
  const res = await fetch(source.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await res.json()) as { data?: { _service?: { sdl?: unknown } } };
  const sdl = body.data?._service?.sdl;
  if (!res.ok || typeof sdl !== 'string') throw new Error(`${name}: ${source.url} did not answer _service { sdl } (HTTP ${res.status})`);
  return sdl;
}
