/**
 * The starter's side of the engine's process: starts it, talks the contract to it (an
 * EngineLink), and when it dies (kill -9, an uncaught error, a native crash) logs why, fails the
 * calls it had not answered, tells every listener (`engine` events) and starts it again with
 * backoff (restart-backoff.ts). Work is not lost: the new process recovers the dead one's leases
 * as after any crash. After three deaths in a minute it stays stopped until `restartEngine`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CommandName, CommandOutput } from '../../../shared/api';
import { engineCalls } from '../../../shared/engine-calls';
import type { FromEngine } from '../../../shared/engine-messages';
import type { EngineStatus } from '../../../shared/engine-status';
import type { Envelope } from '../../../shared/ferry-error';
import { validateCommand } from '../../../shared/validate-command';
import { dataPaths } from '../data-paths';
import type { EngineLink } from './engine-link';
import type { HostOptions } from './host-options';
import type { HostExit, HostProcess, SpawnHost } from './host-process';
import { crashReason, crashLogLine } from './describe-crash';
import { nextStart, recentCrashes } from './restart-backoff';

export interface EngineHost extends EngineLink {
  status(): EngineStatus;
  /** The engine process's id (tests kill it), while one runs. */
  pid(): number | undefined;
  /** Starts it again when it gave up; answers its status once it answers (or gave up again). */
  restart(): Promise<EngineStatus>;
  /** Hands a window's port to the engine that runs now (Electron); false when none runs or it cannot take ports. */
  connectPort(port: unknown): boolean;
  /** Asks it to hand its work back and exit (killed after `graceMs`); calls still waiting fail. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  host: HostOptions;
  spawn: SpawnHost;
  /** Things the person running it should know (another process works the queue…). */
  onNotice?: (text: string) => void;
  /** The engine's queue run ended (after `stop`, or BUSY with `whenBusy: 'stop'`). */
  onRunEnded?: (ended: Envelope<void>) => void;
  now?: () => number;
}

export async function startEngineHost(options: StartOptions): Promise<EngineHost> {
  const paths = dataPaths(options.host.dataDir);
  const now = options.now ?? Date.now;
  const logFile = path.join(paths.logs, 'engine.log');
  const calls = engineCalls();
  const engineListeners = new Set<(status: EngineStatus) => void>();
  let status: EngineStatus = { state: 'restarting', crashes: 0 };
  let current: HostProcess | undefined;
  let crashes: number[] = [];
  let serving: string | null = null;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;
  /** Settles when the process being started answers ready, or dies first. */
  let started: Promise<EngineStatus> = Promise.resolve(status);

  const tell = (next: EngineStatus) => {
    status = next;
    for (const listener of engineListeners) listener(next);
  };

  const log = (line: string) => {
    try {
      fs.mkdirSync(path.dirname(logFile), { recursive: true, mode: 0o700 });
      fs.appendFileSync(logFile, `${line}\n`, { mode: 0o600 });
    } catch (error) {
      // The crash is still told to every window; a log that cannot be written must not hide it.
      process.stderr.write(`Ferry could not write ${logFile}: ${(error as Error).message}\n${line}\n`);
    }
  };

  const crashed = (host: HostProcess, exit: HostExit, fatal: string | undefined, wasReady: boolean) => {
    const reason = crashReason(exit, fatal);
    log(crashLogLine(new Date(now()), host.pid, reason, host.stderrTail()));
    crashes = recentCrashes([...crashes, now()], now());
    calls.detach(`Ferry's engine stopped (${reason}) before answering; it is restarting. Look, then try again.`);
    const next = wasReady ? nextStart(crashes, now()) : 'give-up';
    if (next === 'give-up') {
      calls.refuse(
        `Ferry's engine stopped ${crashes.length} times in a minute (${reason}) and was not restarted; ` +
          `start it again (restartEngine, or Retry in the window). See ${logFile}.`,
      );
      return tell({ state: 'stopped', crashes: crashes.length, reason });
    }
    tell({
      state: 'restarting',
      crashes: crashes.length,
      reason,
      retryAt: new Date(now() + next.waitMs).toISOString(),
    });
    retryTimer = setTimeout(launch, next.waitMs);
  };

  function launch(): Promise<EngineStatus> {
    const host = options.spawn(options.host);
    current = host;
    let fatal: string | undefined;
    let ready = false;
    started = new Promise((settle) => {
      host.onMessage((message: FromEngine) => {
        if (message.type === 'ready') {
          ready = true;
          if (serving) host.post({ type: 'serveAt', baseUrl: serving });
          calls.attach((sent) => host.post(sent));
          tell({ state: 'running', crashes: crashes.length });
          settle(status);
        } else if (message.type === 'fatal') fatal = message.message;
        else if (message.type === 'notice') options.onNotice?.(message.text);
        else if (message.type === 'runEnded') options.onRunEnded?.(message.envelope);
        else calls.receive(message);
      });
      host.onExit((exit) => {
        if (current === host) current = undefined;
        if (!stopping) crashed(host, exit, fatal, ready);
        settle(status);
      });
    });
    return started;
  }

  const restart = async (): Promise<EngineStatus> => {
    if (status.state !== 'stopped' || stopping) return started;
    crashes = [];
    tell({ state: 'restarting', crashes: 0 });
    return launch();
  };

  const first = await launch();
  if (first.state !== 'running')
    throw new Error(`Ferry's engine could not start: ${first.reason ?? 'it stopped at once'} (see ${logFile}).`);

  return {
    paths,
    status: () => status,
    pid: () => current?.pid,
    restart,
    call: async <K extends CommandName>(name: K, input: unknown): Promise<Envelope<CommandOutput<K>>> => {
      if (name !== 'restartEngine') return (await calls.call(name, input)) as Envelope<CommandOutput<K>>;
      const checked = validateCommand('restartEngine', input);
      if (!checked.ok)
        return { ok: false, error: { code: 'INVALID_INPUT', message: checked.message, issues: checked.issues } };
      return { ok: true, value: (await restart()) as CommandOutput<K> };
    },
    on(event, listener) {
      if (event !== 'engine') return calls.on(event, listener);
      const told = listener as (status: EngineStatus) => void;
      engineListeners.add(told);
      return () => engineListeners.delete(told);
    },
    connectPort(port) {
      if (status.state !== 'running' || !current?.connectPort) return false;
      current.connectPort(port);
      return true;
    },
    serveAt(baseUrl) {
      serving = baseUrl;
      current?.post({ type: 'serveAt', baseUrl });
    },
    async stop(graceMs = 30_000) {
      stopping = true;
      clearTimeout(retryTimer);
      const host = current;
      calls.refuse('Ferry is stopping.');
      if (!host) return;
      const exited = new Promise<void>((resolve) => host.onExit(() => resolve()));
      host.post({ type: 'stop' });
      const timer = setTimeout(() => host.kill(), graceMs);
      await exited;
      clearTimeout(timer);
      calls.detach('Ferry stopped.');
    },
  };
}
