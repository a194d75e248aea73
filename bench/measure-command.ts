/** Wall and CPU time of commands run one after another, children included (Linux /proc). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Timing {
  wallSeconds: number;
  cpuSeconds: number;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU time of this process's waited-for children, in seconds (cutime + cstime). */
export function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

function run([bin, ...args]: string[], options: MeasureOptions): string {
  const result = spawnSync(bin as string, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${(result.stderr ?? '').slice(-2000)}`);
  }
  return result.stdout ?? '';
}

export function measure(commands: string[][], options: MeasureOptions = {}): Timing {
  return measureWithOutput(commands, options).timing;
}

/** The same, with the commands' standard output (a child that reports its own figures as JSON). */
export function measureWithOutput(
  commands: string[][],
  options: MeasureOptions = {},
): { timing: Timing; stdout: string } {
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  let stdout = '';
  for (const command of commands) stdout += run(command, options);
  const timing = { wallSeconds: (performance.now() - start) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore };
  return { timing, stdout };
}
