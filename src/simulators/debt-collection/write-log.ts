/** One applied update, as `GET /__sim/writes` lists it. */
export interface WriteEntry {
  requestId: string;
  /** ISO 8601, on the simulator clock. */
  time: string;
}

/** Applied updates in order: lets tests prove a replay wrote nothing. */
export interface WriteLog {
  record(entry: WriteEntry): void;
  entries(): WriteEntry[];
  clear(): void;
}

/** `maxEntries` bounds memory when a simulator runs for days; the oldest go first. */
export function createWriteLog(maxEntries = 1000): WriteLog {
  let entries: WriteEntry[] = [];
  return {
    record(entry) {
      entries.push({ ...entry });
      if (entries.length > maxEntries) entries = entries.slice(entries.length - maxEntries);
    },
    entries: () => entries.map((entry) => ({ ...entry })),
    clear() {
      entries = [];
    },
  };
}
