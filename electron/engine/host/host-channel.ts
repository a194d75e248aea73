/**
 * The engine process's channel to whoever started it, whichever way that was: Electron's
 * utilityProcess (`process.parentPort`, which also carries windows' MessagePorts) or Node's
 * child_process.fork (`process.send`). Nothing here imports electron: the utility process's
 * port is a global of that process.
 */
import type { FromEngine } from '../../../shared/engine-messages';
import type { EnginePort } from './answer-port';

/** Electron's MessagePortMain, as much of it as the engine uses. */
interface MessagePortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  off(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

/** `process.parentPort` of an Electron utility process. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports: MessagePortLike[] }) => void): void;
}

export interface HostChannel extends EnginePort {
  /** Windows' ports, as the app's main process hands them over (never under Node). */
  onPort(listener: (port: EnginePort, closed: (listener: () => void) => void) => void): void;
  /** The starter went away: stop, as no one can be answered any more. */
  onGone(listener: () => void): void;
}

function portOf(port: MessagePortLike): EnginePort {
  return {
    post: (message) => port.postMessage(message),
    listen(listener) {
      const receive = (event: { data: unknown }) => listener(event.data);
      port.on('message', receive);
      return () => port.off('message', receive);
    },
  };
}

function utilityChannel(parent: ParentPortLike): HostChannel {
  const listeners = new Set<(message: unknown) => void>();
  const portListeners: ((port: EnginePort, closed: (listener: () => void) => void) => void)[] = [];
  parent.on('message', ({ data, ports }) => {
    const [port] = ports;
    if (port && typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'connect') {
      port.start();
      for (const listener of portListeners) listener(portOf(port), (closed) => port.on('close', closed));
      return;
    }
    for (const listener of listeners) listener(data);
  });
  return {
    post: (message: FromEngine) => parent.postMessage(message),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onPort: (listener) => portListeners.push(listener),
    // A utility process ends with its parent.
    onGone: () => {},
  };
}

function childChannel(): HostChannel {
  const send = process.send?.bind(process);
  if (!send) throw new Error('The engine host must be started by Ferry (child_process.fork with an IPC channel).');
  return {
    post: (message: FromEngine) => {
      // A parent that is gone cannot be told; onGone stops this process.
      if (process.connected) send(message);
    },
    listen(listener) {
      process.on('message', listener);
      return () => process.off('message', listener);
    },
    onPort: () => {},
    onGone: (listener) => process.on('disconnect', listener),
  };
}

export function hostChannel(): HostChannel {
  const parent = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  return parent ? utilityChannel(parent) : childChannel();
}
