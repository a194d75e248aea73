/**
 * Where `ferry target add` takes a credential from: an environment variable or stdin, never the
 * command line (which lands in shell history and in every process listing).
 */
import { UsageError, type CliIo } from './cli-context';
import { readPipe } from './read-pipe';

export interface CredentialFlags {
  'credential-env'?: string;
  'credential-stdin'?: boolean;
}

/** The credential given, or undefined when none was (a target being changed keeps its own). */
export async function readCredential(
  flags: CredentialFlags,
  { env, stdin }: Pick<CliIo, 'env' | 'stdin'>,
): Promise<string | undefined> {
  const variable = flags['credential-env'];
  if (variable !== undefined && flags['credential-stdin'])
    throw new UsageError('Give --credential-env or --credential-stdin, not both.');
  if (variable !== undefined) {
    const value = env[variable];
    if (value === undefined) throw new UsageError(`--credential-env: the environment variable ${variable} is not set.`);
    if (value.trim() === '') throw new UsageError(`--credential-env: the environment variable ${variable} is empty.`);
    return value.trim();
  }
  if (!flags['credential-stdin']) return undefined;
  const piped = await readPipe(
    stdin,
    '--credential-stdin reads a pipe, not the terminal: e.g. pass show ferry/archive | ferry target add …, or use --credential-env VAR.',
  );
  const value = piped.toString('utf8').replace(/(\r?\n)+$/, '');
  if (value.trim() === '')
    throw new UsageError(
      '--credential-stdin: stdin was empty; pipe the credential in, e.g. printf %s "$TOKEN" | ferry target add ….',
    );
  return value;
}
