/**
 * The renderer's transport over Electron IPC: `window.ferry` answers envelopes, and this turns
 * each into its value or a thrown FerryError with its code, so the store and the UI see the same
 * FerryApi whatever carries it (IPC here, `ferry serve`'s WebSocket in socket-transport.ts).
 */
import { commandNames, type FerryApi, type FerryBridge } from '../../../shared/api';
import { unwrapEnvelope } from '../../../shared/ferry-error';

export function createIpcTransport(bridge: FerryBridge): FerryApi {
  const commands = Object.fromEntries(
    commandNames.map((name) => {
      const send = bridge[name] as (input: unknown) => Promise<unknown>;
      return [name, async (input: unknown) => unwrapEnvelope(await send(input))];
    }),
  );
  return { ...commands, on: (event, listener) => bridge.on(event, listener) } as FerryApi;
}
