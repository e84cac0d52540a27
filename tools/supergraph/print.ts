/**
 * The SDL this subgraph publishes: exactly what `_service { sdl }` answers a router, which is
 * also what `rover subgraph publish` takes. Read through the schema itself so the two never drift.
 */
import { graphqlSync } from 'graphql';
import { buildSchema } from '../../src/graphql/schema';

export function subgraphSdl(): string {
  const result = graphqlSync({ schema: buildSchema(), source: '{ _service { sdl } }' });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (result.errors || typeof sdl !== 'string') {
    throw new Error(`the schema did not answer _service { sdl }: ${result.errors?.map((e) => e.message).join('; ') ?? 'no sdl'}`);
  }
  return sdl;
}
