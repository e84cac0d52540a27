import type { WriteLog as CommonWriteLog } from '../common/write-log';

export { createWriteLog } from '../common/write-log';

/** One applied update, as `GET /__sim/writes` lists it. */
export interface WriteEntry {
  requestId: string;
  /** ISO 8601, on the simulator clock. */
  time: string;
}

/** Applied updates in order. */
export type WriteLog = CommonWriteLog<WriteEntry>;
