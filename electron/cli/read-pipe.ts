/** What is piped to a command: a webhook body, a credential. */
import type { Readable } from 'node:stream';
import { UsageError } from './cli-context';

/**
 * The whole of `stream`. A terminal is refused with `atTerminal` (what to do instead): waiting
 * on one would look like a hang, and a secret typed there would stay on screen.
 */
export async function readPipe(stream: Readable & { isTTY?: boolean }, atTerminal: string): Promise<Buffer> {
  if (stream.isTTY) throw new UsageError(atTerminal);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
