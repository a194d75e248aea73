/**
 * Where `ferry target add` takes a credential from: an environment variable or stdin, never the
 * command line (which lands in shell history and in every process listing).
 */
import type { Readable } from 'node:stream';
import { UsageError } from './cli-context';

export interface CredentialFlags {
  'credential-env'?: string;
  'credential-stdin'?: boolean;
}

/** The whole of a stream, as text. */
async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The credential given, or undefined when none was (a target being changed keeps its own).
 * `stdin` is the process's own unless a caller passes another.
 */
export async function readCredential(
  flags: CredentialFlags,
  env: NodeJS.ProcessEnv,
  stdin: Readable & { isTTY?: boolean } = process.stdin,
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
  // Typed at a terminal it would stay on screen; a pipe keeps it off.
  if (stdin.isTTY)
    throw new UsageError(
      '--credential-stdin reads a pipe, not the terminal: e.g. pass show ferry/archive | ferry target add …, or use --credential-env VAR.',
    );
  const value = (await readAll(stdin)).replace(/(\r?\n)+$/, '');
  if (value.trim() === '')
    throw new UsageError(
      '--credential-stdin: stdin was empty; pipe the credential in, e.g. printf %s "$TOKEN" | ferry target add ….',
    );
  return value;
}
