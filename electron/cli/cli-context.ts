/** What every CLI command gets: its arguments, where to write, and the resolved data directory. */
import type { Readable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** What is piped in (a credential, a webhook body); never process.stdin directly, so tests can run `main` in-process. */
  stdin: Readable & { isTTY?: boolean };
  /** Set when stderr is a terminal that can redraw lines (progress bars). */
  terminal?: { write: (raw: string) => void; columns: number };
}

export interface CliContext extends CliIo {
  dataDir: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], context: CliContext): Promise<number>;
}

/** A mistake in how the command was called: exit code 2, with a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** 3: another process is working the data directory's queue (`ferry run` without --wait). 130: interrupted. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, busy: 3, interrupted: 130 } as const;

/** node:util parseArgs, with its errors turned into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
