/**
 * The writes a simulator applied, in order, for `GET /__sim/writes`: lets tests prove a replay
 * or a refused request wrote nothing. Each simulator chooses what one entry holds.
 */
export interface WriteLog<Entry extends object> {
  record(entry: Entry): void;
  entries(): Entry[];
  clear(): void;
}

/** `maxEntries` bounds memory when a simulator runs for days; the oldest go first. */
export function createWriteLog<Entry extends object>(maxEntries = 1000): WriteLog<Entry> {
  let entries: Entry[] = [];
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
