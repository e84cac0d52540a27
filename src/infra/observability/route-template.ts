/**
 * The route template of a provider call, for metric labels and span names: the path with every
 * segment that may carry an id replaced by `{id}`, so `/api/v130/assignments/57074903/collaterals`
 * becomes `/api/v130/assignments/{id}/collaterals`. A client may name the template itself
 * (`HttpRequest.endpoint`); otherwise it is derived here, conservatively: a segment is kept only when
 * it is a plain word (letters, `-`, `_`) or an API version (`v130`). Anything with a digit, a
 * percent-encoding, a dot or any other character (ids, UUIDs, codes, names) becomes `{id}`. The
 * query string is never part of it.
 */

/** Plain words and API versions: the only segments that are kept. */
const KEPT_SEGMENT = /^(?:[A-Za-z][A-Za-z_-]*|v\d{1,4})$/;

/** At most this many characters of template (a path with many segments is cut, not kept whole). */
const MAX_LENGTH = 120;

export function routeTemplate(path: string): string {
  const end = path.indexOf('?');
  const bare = end === -1 ? path : path.slice(0, end);
  let template = '';
  for (const segment of bare.split('/')) {
    if (segment === '') continue;
    template += KEPT_SEGMENT.test(segment) ? `/${segment}` : '/{id}';
    if (template.length > MAX_LENGTH) return `${template.slice(0, MAX_LENGTH)}…`;
  }
  if (template === '') return '/';
  return bare.endsWith('/') ? `${template}/` : template;
}
