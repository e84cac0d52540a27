/**
 * Resident memory of a target's whole process tree (Linux `/proc`): the process the bench
 * started and every descendant, so `npx tsx` counts npm, tsx and esbuild too. Each process's
 * `VmRSS` (kB) is read from `/proc/<pid>/status`; shared pages count in every process, as `ps`
 * and `top` count them.
 */
import { readdir, readFile } from 'node:fs/promises';

export interface TreeMemory {
  /** Sum over the tree, bytes. */
  readonly totalBytes: number;
  /** The largest single process of the tree (the server itself), bytes. */
  readonly largestBytes: number;
  readonly processes: number;
}

/** The pid and every descendant of it, found through each process's parent in `/proc/<pid>/stat`. */
export async function processTree(rootPid: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = await readFile(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // `pid (comm) state ppid …`; comm may hold spaces and parentheses, so read after the last `)`.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

async function rssBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

export async function treeMemory(pids: readonly number[]): Promise<TreeMemory> {
  const sizes = await Promise.all(pids.map(rssBytes));
  const alive = sizes.filter((size) => size > 0);
  return { totalBytes: alive.reduce((sum, size) => sum + size, 0), largestBytes: Math.max(0, ...alive), processes: alive.length };
}

/** Memory of a tree over one run: the first and last samples, and the peaks. */
export interface MemoryOverRun {
  readonly first: TreeMemory;
  readonly last: TreeMemory;
  readonly peak: TreeMemory;
}

/**
 * Samples the tree's memory every `intervalMs` until stopped. The tree is listed once at the
 * start (it does not change under load). First and last show whether memory stays flat (a soak).
 */
export async function sampleMemory(rootPid: number, intervalMs = 250): Promise<{ stop(): Promise<MemoryOverRun> }> {
  const pids = await processTree(rootPid);
  const first = await treeMemory(pids);
  let last = first;
  let peak = first;
  let pending: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    pending = treeMemory(pids).then((now) => {
      last = now;
      peak = {
        totalBytes: Math.max(peak.totalBytes, now.totalBytes),
        largestBytes: Math.max(peak.largestBytes, now.largestBytes),
        processes: Math.max(peak.processes, now.processes),
      };
    });
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      return { first, last, peak };
    },
  };
}
