/**
 * The contract's commands as functions over a link's envelopes: the value, or the failure thrown
 * as a FerryError with its code (as the renderer's transport does). For callers that want to
 * write `engine.getSettings()`: main's menus and tray, the server's own bookkeeping, tests.
 */
import { commandNames, type FerryCommands } from '../../../shared/api';
import { unwrapEnvelope } from '../../../shared/ferry-error';
import type { EngineLink } from './engine-link';

export function engineCommands(link: Pick<EngineLink, 'call'>): FerryCommands {
  const entries = commandNames.map((name) => [
    name,
    async (input: unknown) => unwrapEnvelope(await link.call(name, input)),
  ]);
  return Object.fromEntries(entries) as FerryCommands;
}
