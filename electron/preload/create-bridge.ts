/**
 * Builds `window.ferry` from the contract: one named function per command, answering the engine's
 * envelope unchanged, and `on` for events. Commands and events go over the window's own
 * MessagePort to the engine's process (shared/engine-calls.ts), never through main's event loop;
 * main hands the port over after checking the frame, and a fresh one after the engine restarts.
 * Only `restartEngine` and the `engine` status go through main, which owns the engine's process.
 * Nothing is thrown across the contextBridge (it would keep only an error's message); the
 * renderer's transport turns a failed envelope into a typed error. The renderer never sees
 * ipcRenderer, the IPC event object or the port.
 */
import {
  commandChannel,
  commandNames,
  eventChannel,
  eventNames,
  type EventName,
  type FerryBridge,
  type FerryEvents,
} from '../../shared/api';
import { engineCalls } from '../../shared/engine-calls';
import type { FromEngine } from '../../shared/engine-messages';
import { engineConnectChannel, enginePortChannel } from '../../shared/engine-port';
import { describeEngineStatus, type EngineStatus } from '../../shared/engine-status';

/** The page's end of a MessageChannel, as much of it as the bridge uses. */
export interface PortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface IpcLike {
  invoke(channel: string, input: unknown): Promise<unknown>;
  send(channel: string): void;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  /** The ports main posts on `channel` (ipcRenderer's event.ports). */
  onPort(channel: string, listener: (port: PortLike) => void): void;
}

export function createBridge(ipc: IpcLike): FerryBridge {
  const calls = engineCalls();
  ipc.onPort(enginePortChannel, (port) => {
    port.onmessage = (event) => calls.receive(event.data as FromEngine);
    calls.attach((message) => port.postMessage(message));
  });
  // The port of a dead engine answers nothing: its calls fail now, new ones wait for the next port.
  ipc.on(eventChannel('engine'), (_event, payload) => {
    const status = payload as EngineStatus;
    if (status.state === 'restarting') calls.detach(describeEngineStatus(status));
    if (status.state === 'stopped') calls.refuse(describeEngineStatus(status));
  });
  ipc.send(engineConnectChannel);

  const commands = Object.fromEntries(
    commandNames.map((name) => [
      name,
      (input: unknown) =>
        name === 'restartEngine' ? ipc.invoke(commandChannel(name), input) : calls.call(name, input),
    ]),
  );
  const on = (event: EventName, listener: (payload: never) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event "${String(event)}".`);
    if (event !== 'engine') return calls.on(event, listener as (payload: FerryEvents[EventName]) => void);
    const channel = eventChannel(event);
    const forward = (_event: unknown, payload: unknown): void => listener(payload as never);
    ipc.on(channel, forward);
    return () => ipc.removeListener(channel, forward);
  };
  return { ...commands, on } as unknown as FerryBridge;
}
