/** Wall and CPU time of commands run one after another, children included (Linux /proc). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Timing {
  wallSeconds: number;
  cpuSeconds: number;
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU time of this process's waited-for children, in seconds (cutime + cstime). */
function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

export function measure(commands: string[][], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Timing {
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  for (const [bin, ...args] of commands) {
    const result = spawnSync(bin as string, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.status !== 0) {
      throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${(result.stderr ?? '').slice(-2000)}`);
    }
  }
  return { wallSeconds: (performance.now() - start) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore };
}
