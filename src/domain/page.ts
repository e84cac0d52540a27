/** Where a page is in a list; shared by every paginated list of the graph. */
export interface PageInfoModel {
  readonly page: number;
  readonly perPage: number;
  readonly total: number;
  readonly lastPage: number;
  readonly hasNextPage: boolean;
}
