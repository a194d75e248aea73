/**
 * Starts the engine's process with Node's child_process.fork, for `ferry serve` and `ferry run
 * --watch`: the engine bundled into one file (bundle-engine-host.ts), structured-clone messages
 * over the IPC channel, stderr passed through and its tail kept for the crash log.
 */
import { fork } from 'node:child_process';
import type { FromEngine } from '../../../shared/engine-messages';
import { engineHostBundle } from './bundle-engine-host';
import { hostOptionsArgument } from './host-options';
import { followStderr, type HostProcess, type SpawnHost } from './host-process';

/** Bundles the entry once (when its sources changed), then starts a process from it each time it is called. */
export async function forkEngineHost(env: NodeJS.ProcessEnv = process.env): Promise<SpawnHost> {
  const entry = await engineHostBundle();
  return (options) => {
    const child = fork(entry, [hostOptionsArgument(options)], {
      execArgv: [],
      env,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    const tail = followStderr(child.stderr);
    // A failure to start or to send is followed by 'exit', which the starter handles; keep its words.
    child.on('error', (error) => tail.add(`\n${error.message}`));
    const host: HostProcess = {
      pid: child.pid,
      post(message) {
        // A child that is gone cannot be told; its exit is handled by onExit.
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromEngine)),
      onExit: (listener) => child.on('exit', (code, signal) => listener({ code, signal })),
      stderrTail: () => tail.text(),
      kill: () => child.kill('SIGKILL'),
    };
    return host;
  };
}
