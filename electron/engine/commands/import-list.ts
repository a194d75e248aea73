/** "Import list": a text, CSV, JSON or NDJSON file of links, queued in one transaction. */
import fs from 'node:fs/promises';
import type { CommandInput, ImportReport } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import type { EngineContext } from '../pipeline/engine-context';
import { listFormatFromName, parseLinkList } from '../sources/parse-link-list';
import { queueLinks } from './queue-links';

export async function importList(
  context: EngineContext,
  input: CommandInput<'importList'>,
): Promise<ImportReport & { uids: string[] }> {
  let text: string;
  try {
    text = await fs.readFile(input.path, 'utf8');
  } catch (error) {
    throw new FerryError('INVALID_INPUT', `Cannot read the list ${input.path}: ${(error as Error).message}`);
  }
  const parsed = parseLinkList(text, listFormatFromName(input.path));
  const queued = queueLinks(
    context,
    parsed.entries.map((entry) => ({ ...entry, position: entry.line })),
    input.options,
  );
  return {
    queued: queued.queued.length,
    uids: queued.queued,
    duplicates: queued.duplicates.map((d) => ({ line: d.position, url: d.url, uid: d.uid })),
    invalid: [
      ...parsed.invalid,
      ...queued.invalid.map((i) => ({ line: i.position, text: i.text, reason: i.reason })),
    ].sort((a, b) => a.line - b.line),
  };
}
