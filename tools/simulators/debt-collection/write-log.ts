import type { WriteLog as CommonWriteLog } from '../common/write-log';

export { createWriteLog } from '../common/write-log';

/** One applied update, or the first confirmation of a run, as `GET /__sim/writes` lists it. */
export type WriteEntry =
  | {
      requestId: string;
      /** ISO 8601, on the simulator clock. */
      time: string;
    }
  | { confirmedRunId: string; time: string };

/** Applied writes in order. */
export type WriteLog = CommonWriteLog<WriteEntry>;
