/**
 * One IPC handler per command of the contract, generated from `commandNames`. Each checks that
 * the message comes from the app's own frame, validates the input, calls the engine and answers
 * an Envelope. No Electron import here, so the contract test runs without the Electron binary.
 */
import {
  commandNames,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type FerryCommands,
} from '../../shared/api';
import { FerryError, type Envelope } from '../../shared/ferry-error';
import { IllegalTransitionError } from '../../shared/video-states';
import { validateCommand } from '../../shared/validate-command';

export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

export type CommandHandler = (sender: SenderInfo, input: unknown) => Promise<Envelope<unknown>>;

function call<K extends CommandName>(
  engine: FerryCommands,
  name: K,
  input: CommandInput<K>,
): Promise<CommandOutput<K>> {
  const command = engine[name] as (input: CommandInput<K>) => Promise<CommandOutput<K>>;
  return command(input);
}

function failure(error: unknown): Envelope<never> {
  if (error instanceof FerryError) return { ok: false, error: { code: error.code, message: error.message } };
  if (error instanceof IllegalTransitionError)
    return { ok: false, error: { code: 'ILLEGAL_TRANSITION', message: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'INTERNAL', message } };
}

export function createCommandHandlers(
  engine: FerryCommands,
  isTrusted: (sender: SenderInfo) => boolean,
): Record<CommandName, CommandHandler> {
  const entries = commandNames.map((name): [CommandName, CommandHandler] => [
    name,
    async (sender, input) => {
      if (!isTrusted(sender)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: `"${name}" was called from ${sender.url}, which is not Ferry's window.`,
          },
        };
      }
      const parsed = validateCommand(name, input);
      if (!parsed.ok) return { ok: false, error: { code: 'INVALID_INPUT', message: parsed.message } };
      try {
        return { ok: true, value: await call(engine, name, parsed.value) };
      } catch (error) {
        return failure(error);
      }
    },
  ]);
  return Object.fromEntries(entries) as Record<CommandName, CommandHandler>;
}
