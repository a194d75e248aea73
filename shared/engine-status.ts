/**
 * Whether the engine's own process is up. The engine runs in a process of its own (the app's
 * utility process, a child of `ferry serve`); when that process dies, whoever started it restarts
 * it with backoff and every window is told, so it can say "reconnecting" and reload its list.
 */
export type EngineState = 'running' | 'restarting' | 'stopped';

export interface EngineStatus {
  /** `stopped`: it died too often in a minute and waits for `restartEngine`. */
  state: EngineState;
  /** How often it died in the last minute. */
  crashes: number;
  /** Why it last died, as logged: "killed by SIGKILL", "an uncaught error: …". */
  reason?: string;
  /** `restarting`: when the next start is tried (ISO date-time). */
  retryAt?: string;
}

export const runningEngine: EngineStatus = { state: 'running', crashes: 0 };

/** One line a person can act on, for the terminal and the window's banner. */
export function describeEngineStatus(status: EngineStatus): string {
  const why = status.reason ? ` (${status.reason})` : '';
  if (status.state === 'running')
    return status.crashes > 0 ? "Ferry's engine is back; nothing queued was lost." : "Ferry's engine is running.";
  if (status.state === 'restarting') return `Ferry's engine stopped${why}; reconnecting…`;
  return (
    `Ferry's engine stopped ${status.crashes} times in a minute${why} and was not restarted. ` +
    'Retry, or look at logs/engine.log in the data directory.'
  );
}
