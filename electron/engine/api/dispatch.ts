/**
 * The one door into the engine. Every caller (the app's window, the CLI, `ferry serve`'s
 * HTTP/WebSocket API, in whichever process the engine runs) hands over a command name and an
 * input it has not checked, and gets the contract's envelope back: the name and the input are
 * validated with the contract's schemas, the engine is called, and every error it throws becomes
 * a documented code (error-envelope.ts). It never throws, so an adapter only has to carry the
 * envelope.
 */
import { commandNames, type CommandName, type CommandOutput, type FerryCommands } from '../../../shared/api';
import type { Envelope } from '../../../shared/ferry-error';
import { validateCommand } from '../../../shared/validate-command';
import { failed } from './error-envelope';

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && (commandNames as readonly string[]).includes(name);

export async function dispatch<K extends CommandName>(
  engine: FerryCommands,
  name: K,
  input: unknown,
): Promise<Envelope<CommandOutput<K>>>;
export async function dispatch(engine: FerryCommands, name: unknown, input: unknown): Promise<Envelope<unknown>>;
export async function dispatch(engine: FerryCommands, name: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (!isCommandName(name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 100)}"` : `a ${typeof name}`;
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_COMMAND',
        message: `There is no command ${shown}. Commands: ${commandNames.join(', ')}.`,
      },
    };
  }
  try {
    // Inside the try: an input can be a Proxy or have getters that throw while it is read.
    const parsed = validateCommand(name, input);
    if (!parsed.ok)
      return { ok: false, error: { code: 'INVALID_INPUT', message: parsed.message, issues: parsed.issues } };
    const command = engine[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await command(parsed.value) };
  } catch (error) {
    return failed(error);
  }
}
