/** A status change the simulator applied for the partner (`POST /assignment/status/`). */
export interface StatusWrite {
  code: string;
  number_status: number;
  /** ISO 8601, simulator clock. */
  time: string;
}

/** Ordered log of applied partner status changes, for `GET /__sim/writes`. */
export interface WriteLog {
  record(write: StatusWrite): void;
  entries(): StatusWrite[];
  clear(): void;
}

/** `maxEntries` bounds memory on long `npm run simulators` sessions; the oldest go first. */
export function createWriteLog(maxEntries = 1000): WriteLog {
  let writes: StatusWrite[] = [];
  return {
    record(write) {
      writes.push({ ...write });
      if (writes.length > maxEntries) writes = writes.slice(writes.length - maxEntries);
    },
    entries: () => writes.map((write) => ({ ...write })),
    clear() {
      writes = [];
    },
  };
}
