import { readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks; 100 per second on every mainstream kernel configuration. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) a process has used so far, read from /proc/<pid>/stat; undefined where there is no
 * /proc (the figures that need it are then left out, not guessed).
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU used by each named process between `start()` and `stop()`, in seconds. */
export function cpuMeter(processes: Record<string, number>) {
  const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid)]));
  return {
    stop(): Record<string, number> {
      const used: Record<string, number> = {};
      for (const [name, pid] of Object.entries(processes)) {
        const now = cpuSeconds(pid);
        const was = before[name];
        if (now !== undefined && was !== undefined) used[name] = now - was;
      }
      return used;
    },
  };
}
