/**
 * "Check links": what addLinks or importList would do with a pasted text or a list, without
 * queueing anything, so the UI can show a confirm sheet or an import preview. The same parser,
 * normaliser and duplicate lookup as queueing, so the preview cannot disagree with the import.
 */
import type { CommandInput } from '../../../shared/api';
import type { LinkCheck, LinkCheckRow } from '../../../shared/link-check';
import type { EngineContext } from '../pipeline/engine-context';
import { normalizeLink } from '../sources/normalize-link';
import { parseLinkList } from '../sources/parse-link-list';

const defaultRows = 100;

export function checkLinks(context: EngineContext, input: CommandInput<'checkLinks'>): LinkCheck {
  const parsed = parseLinkList(input.content, input.format);
  const rows: LinkCheckRow[] = parsed.invalid.map((problem) => ({
    line: problem.line,
    input: problem.text,
    status: 'invalid',
    reason: problem.reason,
  }));
  const seen = new Set<string>();
  for (const entry of parsed.entries) {
    const row: LinkCheckRow = { line: entry.line, input: entry.url, status: 'new' };
    if (entry.name) row.name = entry.name;
    if (entry.headers) row.headerNames = Object.keys(entry.headers);
    const link = normalizeLink(entry.url);
    if (!link.ok) {
      rows.push({ ...row, status: 'invalid', reason: link.reason });
      continue;
    }
    row.url = link.url;
    if (link.kind !== 'direct' && link.url !== entry.url) row.rewritten = true;
    const key = `url:${link.key}`;
    const existing = context.store.findActiveBySourceKey(key);
    if (existing || seen.has(key)) rows.push({ ...row, status: 'duplicate', duplicateOf: existing ?? null });
    else rows.push(row);
    seen.add(key);
  }
  rows.sort((a, b) => a.line - b.line);
  const counts = { new: 0, duplicate: 0, invalid: 0 };
  for (const row of rows) counts[row.status]++;
  return { format: parsed.format, counts, rows: rows.slice(0, input.limit ?? defaultRows) };
}
