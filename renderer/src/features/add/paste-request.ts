/**
 * What queueing a paste sends. Plain pasted links go to addLinks with the sheet's name (for a
 * single link), headers and options; a pasted CSV or JSON list goes to importList as it is, so
 * each line keeps its own name and headers. Pure.
 */
import type { CommandInput, IngestOptions } from '../../../../shared/api';
import type { LinkCheck } from '../../../../shared/link-check';

export type PasteRequest =
  | { command: 'addLinks'; input: CommandInput<'addLinks'> }
  | { command: 'importList'; input: CommandInput<'importList'> };

export interface PasteFields {
  content: string;
  name: string;
  headers: Record<string, string>;
  options: IngestOptions;
}

/** Whether the sheet's own name and headers apply (a plain list of links), or each line brings its own. */
export const takesSheetFields = (check: LinkCheck) => check.format === 'text';

export function pasteRequest(check: LinkCheck, fields: PasteFields): PasteRequest | null {
  if (check.counts.new === 0) return null;
  if (!takesSheetFields(check))
    return { command: 'importList', input: { content: fields.content, format: check.format, options: fields.options } };
  const fresh = check.rows.filter((row) => row.status === 'new');
  const name = fields.name.trim();
  const hasHeaders = Object.keys(fields.headers).length > 0;
  const links = fresh.map((row) => ({
    url: row.input,
    ...(fresh.length === 1 && name ? { name } : {}),
    ...(hasHeaders ? { headers: { ...fields.headers } } : {}),
  }));
  return { command: 'addLinks', input: { links, options: fields.options } };
}
