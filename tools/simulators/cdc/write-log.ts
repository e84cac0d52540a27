import type { WriteLog as CommonWriteLog } from '../common/write-log';

export { createWriteLog } from '../common/write-log';

/** A status change the simulator applied for the partner (`POST /assignment/status/`). */
export interface StatusWrite {
  code: string;
  number_status: number;
  /** ISO 8601, simulator clock. */
  time: string;
}

/** Ordered log of applied partner status changes. */
export type WriteLog = CommonWriteLog<StatusWrite>;
