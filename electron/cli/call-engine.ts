/**
 * How every CLI command reaches the engine: through the engine's one dispatcher, with the input
 * it built from its arguments, so the CLI's input is checked by the same schemas as the app's.
 * A refused input becomes a usage error that names the flag the user typed; any other failure is
 * thrown as a FerryError with its code, which `main` turns into an exit code.
 */
import type { CommandInput, CommandName, CommandOutput, FerryCommands } from '../../shared/api';
import { FerryError, type FailureInfo } from '../../shared/ferry-error';
import { dispatch } from '../engine/api/dispatch';
import { createEngine, type Engine } from '../engine/create-engine';
import { exitCodes, UsageError, type CliContext } from './cli-context';

/** What the user typed for a field of the input ("options.thumbnailTimestampPct" → "--thumbnail-pct"), if known. */
export type FieldNames = (path: string) => string | undefined;

/**
 * Names fields by the longest matching prefix of their path: a table per command, from path to
 * flag, where `*` stands for any position in a list (`links.*.headers`).
 */
export function fieldsByPrefix(table: Readonly<Record<string, string>>): FieldNames {
  const prefixes = Object.keys(table).sort((a, b) => b.length - a.length);
  return (path) => {
    const general = path.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
    const prefix = prefixes.find((p) => general === p || general.startsWith(`${p}.`));
    return prefix === undefined ? undefined : table[prefix];
  };
}

/** Names a uid field (`uid`, `uids.2`) by the uid the user gave there. */
export function uidFields(given: readonly string[]): FieldNames {
  return (path) => {
    const at = /^uids?(?:\.(\d+))?$/.exec(path);
    const uid = at ? given[Number(at[1] ?? 0)] : undefined;
    return uid === undefined ? undefined : `"${uid}"`;
  };
}

/** A failed envelope as the error the CLI reports: a usage error for a refused input, else the FerryError. */
export function cliFailure(error: FailureInfo, fieldNames: FieldNames): Error {
  if (error.code === 'INVALID_INPUT' && error.issues?.length) {
    const problems = error.issues.map((issue) => `${fieldNames(issue.path) ?? issue.path}: ${issue.message}`);
    return new UsageError(`${[...new Set(problems)].join('; ')}.`);
  }
  if (error.code === 'INVALID_INPUT') return new UsageError(error.message);
  return new FerryError(error.code, error.message);
}

export async function call<K extends CommandName>(
  engine: FerryCommands,
  name: K,
  input: CommandInput<K>,
  fieldNames: FieldNames = () => undefined,
): Promise<CommandOutput<K>> {
  const reply = await dispatch(engine, name, input);
  if (reply.ok) return reply.value;
  throw cliFailure(reply.error, fieldNames);
}

/** Opens the data directory's engine for one command and closes it after, whatever happens. */
export async function withEngine(context: CliContext, work: (engine: Engine) => Promise<number>): Promise<number> {
  const engine = createEngine({ dataDir: context.dataDir, env: context.env });
  try {
    return await work(engine);
  } finally {
    engine.close();
  }
}

/** The exit code for a failure the engine answered: 3 when another process works the queue, else 1. */
export const exitCodeOf = (error: FerryError): number => (error.code === 'BUSY' ? exitCodes.busy : exitCodes.failure);
