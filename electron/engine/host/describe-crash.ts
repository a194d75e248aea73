/** How a dead engine process is described to the user and in the crash log. Pure. */
import type { HostExit } from './host-process';

export function crashReason(exit: HostExit, fatal: string | undefined): string {
  if (fatal) return `an uncaught error: ${fatal}`;
  if (exit.signal) return `killed by ${exit.signal}`;
  return `it exited with code ${exit.code ?? 'unknown'}`;
}

/** One entry of `logs/engine.log`: when, which process, why, and what it last wrote to stderr. */
export function crashLogLine(at: Date, pid: number | undefined, reason: string, stderrTail: string): string {
  const head = `${at.toISOString()} engine process ${pid ?? '?'} stopped: ${reason}`;
  return stderrTail ? `${head}\n  ${stderrTail.split('\n').join('\n  ')}` : head;
}
