/**
 * "Check links": what addLinks or importList would do with a pasted text or a list, without
 * queueing anything, so the UI can show a confirm sheet or an import preview. The same parser,
 * normaliser and duplicate lookup as queueing, so the preview cannot disagree with the import.
 */
import type { CommandInput } from '../../../shared/api';
import type { LinkCheck, LinkCheckRow } from '../../../shared/link-check';
import { TimeSlice } from '../../../shared/time-slice';
import type { EngineContext } from '../context/engine-context';
import { moveUserinfo, withoutUserinfo } from '../sources/link-userinfo';
import { normalizeLink } from '../sources/normalize-link';
import { parseLinkList } from '../sources/parse-link-list';

const defaultRows = 100;

export async function checkLinks(context: EngineContext, input: CommandInput<'checkLinks'>): Promise<LinkCheck> {
  const parsed = await parseLinkList(input.content, input.format);
  const slice = new TimeSlice();
  const rows: LinkCheckRow[] = parsed.invalid.map((problem) => ({
    line: problem.line,
    input: withoutUserinfo(problem.text),
    status: 'invalid',
    reason: withoutUserinfo(problem.reason),
  }));
  const seen = new Set<string>();
  for (const entry of parsed.entries) {
    await slice.turn();
    // As queueing will: a link's user:pass@ becomes an Authorization header, never shown.
    const { url, headers } = moveUserinfo(entry.url, entry.headers);
    const row: LinkCheckRow = { line: entry.line, input: url, status: 'new' };
    if (entry.name) row.name = entry.name;
    if (Object.keys(headers).length > 0) row.headerNames = Object.keys(headers);
    const link = normalizeLink(url);
    if (!link.ok) {
      rows.push({ ...row, status: 'invalid', reason: link.reason });
      continue;
    }
    row.url = link.url;
    if (link.kind !== 'direct' && link.url !== url) row.rewritten = true;
    const key = `url:${link.key}`;
    const existing = context.store.findActiveBySourceKey(key);
    if (existing || seen.has(key)) rows.push({ ...row, status: 'duplicate', duplicateOf: existing ?? null });
    else rows.push(row);
    seen.add(key);
  }
  // Problems first, when asked: the lines a preview must show however long the list is.
  const rank = (row: LinkCheckRow) => (input.problemsFirst && row.status !== 'new' ? 0 : 1);
  rows.sort((a, b) => rank(a) - rank(b) || a.line - b.line);
  const counts = { new: 0, duplicate: 0, invalid: 0 };
  for (const row of rows) counts[row.status]++;
  return { format: parsed.format, counts, rows: rows.slice(0, input.limit ?? defaultRows) };
}
