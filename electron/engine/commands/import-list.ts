/** "Import list": a text, CSV, JSON or NDJSON list of links (a file, or its content from a browser), queued in batches (queue-in-batches.ts). */
import fs from 'node:fs/promises';
import type { CommandInput, ImportReport } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import type { EngineContext } from '../context/engine-context';
import { withoutUserinfo } from '../sources/link-userinfo';
import { listFormatFromName, parseLinkList } from '../sources/parse-link-list';
import { queueLinksInBatches } from './queue-link-batches';

async function readList(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new FerryError('INVALID_INPUT', `Cannot read the list ${file}: ${(error as Error).message}`);
  }
}

export async function importList(
  context: EngineContext,
  input: CommandInput<'importList'>,
): Promise<ImportReport & { uids: string[] }> {
  const parsed =
    'path' in input
      ? await parseLinkList(await readList(input.path), listFormatFromName(input.path))
      : await parseLinkList(input.content, input.format);
  const queued = await queueLinksInBatches(
    context,
    parsed.entries.map((entry) => ({ ...entry, position: entry.line })),
    input.options,
  );
  return {
    queued: queued.queued.length,
    uids: queued.queued,
    duplicates: queued.duplicates.map((d) => ({ line: d.position, url: d.url, uid: d.uid })),
    invalid: [
      ...parsed.invalid.map((row) => ({
        ...row,
        text: withoutUserinfo(row.text),
        reason: withoutUserinfo(row.reason),
      })),
      ...queued.invalid.map((i) => ({ line: i.position, text: i.text, reason: i.reason })),
    ].sort((a, b) => a.line - b.line),
  };
}
