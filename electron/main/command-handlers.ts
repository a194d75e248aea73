/**
 * One IPC handler per command of the contract, generated from `commandNames`. Each checks that
 * the message comes from the app's own frame, then hands the input to the engine's dispatcher,
 * which validates it and answers an Envelope. No Electron import here, so the contract test runs
 * without the Electron binary.
 */
import { commandNames, type CommandName, type FerryCommands } from '../../shared/api';
import type { Envelope } from '../../shared/ferry-error';
import { dispatch } from '../engine/api/dispatch';
import { refusal, type SenderInfo } from './trusted-sender';

export type CommandHandler = (sender: SenderInfo, input: unknown) => Promise<Envelope<unknown>>;

export function createCommandHandlers(
  engine: FerryCommands,
  isTrusted: (sender: SenderInfo) => boolean,
): Record<CommandName, CommandHandler> {
  const entries = commandNames.map((name): [CommandName, CommandHandler] => [
    name,
    async (sender, input) => {
      if (!isTrusted(sender)) return refusal(name, sender);
      return dispatch(engine, name, input);
    },
  ]);
  return Object.fromEntries(entries) as Record<CommandName, CommandHandler>;
}
