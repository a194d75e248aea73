/** What the responsive benchmark reads off a process: its event-loop delay and CPU time, and bounded waits. */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  p99Ms: number;
  maxMs: number;
}

/** Samples this process's event loop every `resolutionMs` while `work` runs. */
export async function withLoopDelay<T>(
  work: () => Promise<T>,
  resolutionMs = 5,
): Promise<{ value: T; loop: LoopDelay }> {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  try {
    const value = await work();
    histogram.disable();
    return { value, loop: { p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 } };
  } finally {
    histogram.disable();
  }
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux everywhere in practice). */
const ticksPerSecond = 100;

/** User + system CPU time a process has used so far, from /proc/<pid>/stat; NaN when it is gone or not Linux. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

/** The machine's CPU ticks so far, all cores: busy and in all (from /proc/stat's first line). */
export function machineTicks(): { busy: number; all: number } {
  try {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1).join('').trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal; guest time is already counted in user.
    const ticks = fields.slice(0, 8).map(Number);
    const all = ticks.reduce((sum, n) => sum + n, 0);
    // idle and iowait are the 4th and 5th fields.
    return { busy: all - (ticks[3] ?? 0) - (ticks[4] ?? 0), all };
  } catch {
    return { busy: NaN, all: NaN };
  }
}

/** This process's own CPU time so far (all its threads), in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it answers a value; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`responsive: ${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
}
