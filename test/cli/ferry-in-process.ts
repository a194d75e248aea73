/**
 * Running a `ferry` command in the test's own process, through `main(argv, io)` as bin/ferry.mjs
 * does: the same commands, engine, files and servers, without starting Node and tsx for each call.
 * A separate process (ferry-process.ts) stays for what needs one: the real binary's exit code,
 * signals, and two processes on one queue.
 */
import { Readable } from 'node:stream';
import { main } from '../../electron/cli/main';
import type { Finished } from '../helpers/spawn-ts';

const signalListeners = () => process.listenerCount('SIGINT') + process.listenerCount('SIGTERM');

/**
 * One `ferry` command run to its end, with `env` added to this process's environment and `stdin`
 * piped in. Fails the test if the command left something behind in this process.
 */
export async function runFerry(args: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  const exitCode = process.exitCode;
  const listeners = signalListeners();
  const code = await main(args, {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    env: { ...process.env, ...env },
    stdin: Readable.from([Buffer.from(stdin)]),
  });
  const leftExitCode = process.exitCode;
  process.exitCode = exitCode;
  // A command reports through its return value; one that set the exit code or kept its Ctrl-C
  // handler would change how this process (and every later test in it) ends.
  if (leftExitCode !== exitCode) throw new Error(`ferry ${args.join(' ')} set process.exitCode to ${leftExitCode}`);
  if (signalListeners() !== listeners) throw new Error(`ferry ${args.join(' ')} left a SIGINT or SIGTERM listener`);
  return { code, signal: null, stdout, stderr };
}
