import type { RawAssignment, RawAssignmentPage, RawPageLinks, RawPageMeta } from '../../../src/providers/recovery-connect/raw';

/** Inputs of {@link paginate}. */
export interface PageRequest {
  /** Absolute URL of the endpoint, without query (Laravel's `meta.path`). */
  path: string;
  /** The request's query; links keep every parameter except `page`. */
  params: URLSearchParams;
  page: number;
  perPage: number;
}

/** Laravel's resource-collection pagination over an already filtered, sorted list. */
export function paginate(all: readonly RawAssignment[], request: PageRequest): RawAssignmentPage {
  const { page, perPage } = request;
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const offset = (page - 1) * perPage;
  const data = all.slice(offset, offset + perPage);
  const pageUrl = (n: number): string => buildPageUrl(request, n);

  const links: RawPageLinks = {
    first: pageUrl(1),
    last: pageUrl(lastPage),
    // Laravel offers `prev` whenever page > 1, even past the last page.
    prev: page > 1 ? pageUrl(page - 1) : null,
    next: page < lastPage ? pageUrl(page + 1) : null,
  };
  const meta: RawPageMeta = {
    current_page: page,
    from: data.length > 0 ? offset + 1 : null,
    last_page: lastPage,
    path: request.path,
    per_page: perPage,
    to: data.length > 0 ? offset + data.length : null,
    total: all.length,
  };
  return { data, links, meta };
}

function buildPageUrl(request: PageRequest, page: number): string {
  const params = new URLSearchParams(request.params);
  params.delete('page');
  params.append('page', String(page));
  return `${request.path}?${params.toString()}`;
}
