/**
 * Builds `window.ferry` from the contract: one named function per command and `on` for events.
 * The renderer never sees ipcRenderer or the IPC event object.
 */
import {
  commandChannel,
  commandNames,
  eventChannel,
  eventNames,
  type EventName,
  type FerryApi,
} from '../../shared/api';
import { FerryError, type Envelope } from '../../shared/ferry-error';

export interface IpcLike {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void;
}

function unwrap(reply: unknown): unknown {
  const envelope = reply as Envelope<unknown>;
  if (envelope.ok) return envelope.value;
  throw new FerryError(envelope.error.code, envelope.error.message);
}

export function createBridge(ipc: IpcLike): FerryApi {
  const commands = Object.fromEntries(
    commandNames.map((name) => [name, async (input: unknown) => unwrap(await ipc.invoke(commandChannel(name), input))]),
  );
  const on = (event: EventName, listener: (payload: never) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event "${String(event)}".`);
    const channel = eventChannel(event);
    const forward = (_event: unknown, payload: unknown): void => listener(payload as never);
    ipc.on(channel, forward);
    return () => ipc.removeListener(channel, forward);
  };
  return { ...commands, on } as unknown as FerryApi;
}
