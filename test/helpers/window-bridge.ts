/**
 * window.ferry as the app's window has it, without Electron: the preload's bridge (create-bridge.ts)
 * over a real MessageChannel (node:worker_threads, which structured-clones like Chromium's) whose
 * other end the engine answers (engine/host/answer-port.ts), handed over when the bridge asks, as
 * main does (connect-windows.ts). `restartEngine` and `engine` events go by "IPC", as in the app.
 */
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { commandChannel, eventChannel, type FerryBridge } from '../../shared/api';
import { engineConnectChannel, enginePortChannel } from '../../shared/engine-port';
import { runningEngine, type EngineStatus } from '../../shared/engine-status';
import type { Engine } from '../../electron/engine/create-engine';
import { answerPort } from '../../electron/engine/host/answer-port';
import { createBridge, type IpcLike, type PortLike } from '../../electron/preload/create-bridge';

export interface WindowBridge {
  bridge: FerryBridge;
  /** What main sends the window (webContents.send). */
  send(channel: string, payload: unknown): void;
  /** The engine "died": the window is told, then gets a new port to the same engine. */
  restartEngine(): Promise<void>;
  close(): void;
}

export function windowBridge(engine: Engine): WindowBridge {
  const ipc = new EventEmitter();
  const portListeners = new Map<string, (port: PortLike) => void>();
  const open: { ports: MessagePort[]; stops: (() => void)[] } = { ports: [], stops: [] };

  const givePort = () => {
    const { port1, port2 } = new MessageChannel();
    open.ports.push(port1, port2);
    open.stops.push(
      answerPort(engine, {
        post: (message) => port1.postMessage(message),
        listen(listener) {
          port1.on('message', listener);
          return () => port1.off('message', listener);
        },
      }),
    );
    portListeners.get(enginePortChannel)?.(port2 as unknown as PortLike);
  };
  const closeAll = () => {
    open.stops.splice(0).forEach((stop) => stop());
    open.ports.splice(0).forEach((port) => port.close());
  };

  const ipcLike: IpcLike = {
    invoke: async (channel) => {
      if (channel !== commandChannel('restartEngine')) throw new Error(`No handler registered for '${channel}'`);
      return { ok: true, value: runningEngine };
    },
    send: (channel) => {
      if (channel === engineConnectChannel) queueMicrotask(givePort);
    },
    on: (channel, listener) => void ipc.on(channel, listener),
    removeListener: (channel, listener) => void ipc.off(channel, listener),
    onPort: (channel, listener) => void portListeners.set(channel, listener),
  };
  const send = (channel: string, payload: unknown) =>
    ipc.emit(channel, { sender: 'ipc event' }, structuredClone(payload));
  return {
    bridge: createBridge(ipcLike),
    send,
    async restartEngine() {
      closeAll();
      const restarting: EngineStatus = { state: 'restarting', crashes: 1, reason: 'killed by SIGKILL' };
      send(eventChannel('engine'), restarting);
      send(eventChannel('engine'), { state: 'running', crashes: 1 } satisfies EngineStatus);
      givePort();
    },
    close: closeAll,
  };
}
