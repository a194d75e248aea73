/**
 * Builds `window.ferry` from the contract: one named function per command, answering main's
 * envelope unchanged, and `on` for events. Nothing is thrown across the contextBridge (it would
 * keep only an error's message); the renderer's transport turns a failed envelope into a typed
 * error. The renderer never sees ipcRenderer or the IPC event object.
 */
import {
  commandChannel,
  commandNames,
  eventChannel,
  eventNames,
  type EventName,
  type FerryBridge,
} from '../../shared/api';

export interface IpcLike {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

export function createBridge(ipc: IpcLike): FerryBridge {
  const commands = Object.fromEntries(
    commandNames.map((name) => [name, (input: unknown) => ipc.invoke(commandChannel(name), input)]),
  );
  const on = (event: EventName, listener: (payload: never) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event "${String(event)}".`);
    const channel = eventChannel(event);
    const forward = (_event: unknown, payload: unknown): void => listener(payload as never);
    ipc.on(channel, forward);
    return () => ipc.removeListener(channel, forward);
  };
  return { ...commands, on } as unknown as FerryBridge;
}
