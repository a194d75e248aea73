/**
 * Starts the engine's process as an Electron utilityProcess (a Node process Electron manages,
 * with the app's native modules): the built engine-host.js beside main's bundle. Its parent port
 * carries the engine's messages, and windows' MessagePorts (`connect`). Thin: what it decides is
 * in engine/host, tested there with child_process.
 */
import { utilityProcess, type MessagePortMain } from 'electron';
import type { FromEngine } from '../../shared/engine-messages';
import { hostOptionsArgument } from '../engine/host/host-options';
import { followStderr, type HostProcess, type SpawnHost } from '../engine/host/host-process';

export function spawnUtilityHost(entry: string): SpawnHost {
  return (options) => {
    const child = utilityProcess.fork(entry, [hostOptionsArgument(options)], {
      serviceName: 'Ferry engine',
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    const tail = followStderr(child.stderr);
    return {
      get pid() {
        return child.pid;
      },
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: FromEngine) => listener(message)),
      // A utility process reports an exit code only; a crash shows as a code other than 0.
      onExit: (listener) => child.on('exit', (code) => listener({ code, signal: null })),
      stderrTail: () => tail.text(),
      kill: () => void child.kill(),
      connectPort: (port) => child.postMessage({ type: 'connect' }, [port as MessagePortMain]),
    } satisfies HostProcess;
  };
}
