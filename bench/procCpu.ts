/**
 * CPU time of a process tree, from Linux's /proc: for bench:ui, the CPU a step costs the browser on all its
 * threads and processes (page, compositor, raster). Unlike wall time it leaves out the time spent waiting
 * for a core, which on a shared machine depends on what else runs.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100;

/** User + system CPU ms used so far by the live descendants of `root` (not `root` itself); null off Linux. */
export function descendantsCpuMs(root: number): number | null {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid … utime stime: comm may hold spaces, so split after its closing parenthesis.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(Number(name), Number(f[1]));
    ticks.set(Number(name), Number(f[11]) + Number(f[12]));
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    for (let p = parent.get(pid); p !== undefined && p > 0; p = parent.get(p))
      if (p === root) {
        sum += t;
        break;
      }
  }
  return (sum * 1000) / TICKS_PER_S;
}
