/** What every target is asked, from issue 15: one assignment with its primary vehicle. */

export const BENCH_ASSIGNMENT_ID = '57074903';

export const BENCH_QUERY =
  `{ assignment(id: "${BENCH_ASSIGNMENT_ID}") { id collectorId orderType statusDate primaryCollateral { ` +
  'unpaidBalance contractDate vehicle { vin year make model licensePlate { number state } } } } }';

/** The scope the query needs; the bench's token carries only this one. */
export const BENCH_SCOPE = 'assignments:read';

/** The upstream route and query a target sends for it (the "upstream alone" row asks the same). */
export const UPSTREAM_READ_PATH = `/api/v150/assignments?ids=${BENCH_ASSIGNMENT_ID}&per_page=250`;
