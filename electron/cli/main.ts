/**
 * The `ferry` command: the same engine as the desktop app, without a window.
 * Every command reaches the engine through its dispatcher (call-engine.ts), as the app does.
 * Exit codes: 0 ok, 1 failure, 2 usage (an input the contract's schemas refuse included), 3 busy
 * (another process is working the data directory's queue: `ferry run` without --wait), 130
 * interrupted (Ctrl-C or SIGTERM; work goes back to the queue).
 */
import { FerryError } from '../../shared/ferry-error';
import { defaultDataDir } from '../engine/data-paths';
import { exitCodeOf } from './call-engine';
import { exitCodes, UsageError, type CliCommand, type CliIo } from './cli-context';
import { deliverCommand } from './commands/deliver';
import { doctorCommand } from './commands/doctor';
import { editCommand } from './commands/edit';
import { importCommand } from './commands/import';
import { ingestCommand } from './commands/ingest';
import {
  cancelCommand,
  pauseCommand,
  removeCommand,
  resumeCommand,
  retryCommand,
  topCommand,
} from './commands/control';
import { listCommand } from './commands/list';
import { moveCommand } from './commands/move';
import { runCommand } from './commands/run';
import { serveCommand } from './commands/serve';
import { settingsCommand } from './commands/settings';
import { showCommand } from './commands/show';
import { statusCommand } from './commands/status';
import { targetCommand } from './commands/target';
import { webhookCommand } from './commands/webhook';

const commands: CliCommand[] = [
  ingestCommand,
  importCommand,
  runCommand,
  serveCommand,
  listCommand,
  showCommand,
  editCommand,
  statusCommand,
  pauseCommand,
  resumeCommand,
  cancelCommand,
  retryCommand,
  removeCommand,
  topCommand,
  moveCommand,
  deliverCommand,
  settingsCommand,
  targetCommand,
  webhookCommand,
  doctorCommand,
];

function mainUsage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `ferry: take videos in from files and links; ladder, MP4 and thumbnails out.

Usage: ferry [--data-dir DIR] <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Global options:
  --data-dir DIR  where ferry.db and library/ live (also FERRY_DATA_DIR; default: the app's folder)
  --help          help for ferry, or for a command: ferry <command> --help`;
}

/** Takes the global options out of argv, wherever they appear. */
function splitGlobal(argv: string[]): { dataDir?: string; help: boolean; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--data-dir') {
      const value = argv[++i];
      if (!value) throw new UsageError('--data-dir needs a directory.');
      dataDir = value;
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { ...(dataDir ? { dataDir } : {}), help, rest };
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const { dataDir, help, rest } = splitGlobal(argv);
    const [name, ...args] = rest;
    if (!name) {
      (help ? io.stdout : io.stderr)(mainUsage());
      return help ? exitCodes.ok : exitCodes.usage;
    }
    const command = commands.find((c) => c.name === name);
    if (!command)
      throw new UsageError(`Unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.`);
    if (help) {
      io.stdout(`${command.summary}.\n\nUsage: ${command.usage}`);
      return exitCodes.ok;
    }
    try {
      return await command.run(args, { ...io, dataDir: dataDir ?? io.env.FERRY_DATA_DIR ?? defaultDataDir(io.env) });
    } catch (error) {
      if (error instanceof UsageError) throw new UsageError(`${error.message}\nSee: ferry ${name} --help`);
      throw error;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ferry: ${error.message}`);
      return exitCodes.usage;
    }
    if (error instanceof FerryError) {
      io.stderr(`ferry: ${error.message}`);
      return exitCodeOf(error);
    }
    io.stderr(`ferry: ${(error as Error).message}`);
    return exitCodes.failure;
  }
}
