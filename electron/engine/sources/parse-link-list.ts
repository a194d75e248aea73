/**
 * Reads a user's list of video links (`ferry import <list>`, the app's "import list" command) in
 * plain text, CSV, a JSON array or NDJSON. Pure: it only checks the shape of each entry, so one bad
 * row is reported with its line number and the rest of the list still imports. Asynchronous only
 * to give the event loop a turn every few milliseconds (shared/time-slice.ts) on long lists.
 */
import type { ListFormat } from '../../../shared/link-check';
import { TimeSlice } from '../../../shared/time-slice';
import { parseCsv } from './parse-csv-list';
import { clip, collect, lineOf, lineStarts, parseJsonText, type ListOutcome } from './read-list-entry';

export interface ParsedList extends ListOutcome {
  format: ListFormat;
}

const oneLinkPerLine = 'a line holds one link: put each link on its own line';

export function listFormatFromName(fileName: string): ListFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'txt' || extension === 'list') return 'text';
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  return extension === 'csv' || extension === 'json' ? extension : undefined;
}

export async function parseLinkList(text: string, format?: ListFormat): Promise<ParsedList> {
  const body = text.replace(/^\uFEFF/, '');
  const chosen = format ?? detectFormat(body);
  const readers = { text: parseText, csv: parseCsv, json: parseJson, ndjson: parseNdjson };
  return { format: chosen, ...(await readers[chosen](body, new TimeSlice())) };
}

function detectFormat(body: string): ListFormat {
  const start = body.trimStart();
  if (start.startsWith('[')) return 'json';
  const firstLine = start.split('\n', 1)[0] ?? '';
  if (firstLine.startsWith('{')) return 'ndjson';
  // Compared as text, not by a regular expression: `\s*("?)\s*url` backtracked quadratically over a cell of spaces.
  const isUrlColumn = (cell: string) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase() === 'url';
  return firstLine.split(',').some(isUrlColumn) ? 'csv' : 'text';
}

async function parseText(body: string, slice: TimeSlice): Promise<ListOutcome> {
  const out: ListOutcome = { entries: [], invalid: [] };
  const lines = body.split('\n');
  for (const [index, raw] of lines.entries()) {
    await slice.turn();
    const url = raw.trim();
    if (url === '' || url.startsWith('#')) continue;
    if (/\s/.test(url)) out.invalid.push({ line: index + 1, text: clip(url), reason: oneLinkPerLine });
    else out.entries.push({ line: index + 1, url });
  }
  return out;
}

async function parseNdjson(body: string, slice: TimeSlice): Promise<ListOutcome> {
  const out: ListOutcome = { entries: [], invalid: [] };
  const lines = body.split('\n');
  for (const [index, raw] of lines.entries()) {
    await slice.turn();
    if (raw.trim() === '') continue;
    const parsed = parseJsonText(raw);
    if ('value' in parsed) collect(out, parsed.value, index + 1, raw);
    else {
      const reason = `not valid JSON (${parsed.error}); each line must be one JSON object or "link"`;
      out.invalid.push({ line: index + 1, text: clip(raw), reason });
    }
  }
  return out;
}

async function parseJson(body: string, slice: TimeSlice): Promise<ListOutcome> {
  const parsed = parseJsonText(body);
  if (!('value' in parsed)) {
    const line = syntaxErrorLine(body, parsed.error);
    const text = clip(body.split('\n')[line - 1] ?? '');
    return { entries: [], invalid: [{ line, text, reason: `not valid JSON (${parsed.error}); fix it and retry` }] };
  }
  const { value } = parsed;
  if (!Array.isArray(value)) {
    const reason = 'a JSON list must be an array: wrap the links in [ ]';
    return { entries: [], invalid: [{ line: 1, text: clip(body.split('\n', 1)[0] ?? ''), reason }] };
  }
  const items: unknown[] = value;
  const spans = await elementSpans(body, slice);
  const out: ListOutcome = { entries: [], invalid: [] };
  for (const [index, item] of items.entries()) {
    await slice.turn();
    const span = spans[index];
    collect(out, item, span?.line ?? 1, span ? body.slice(span.start, span.end) : JSON.stringify(item));
  }
  return out;
}

/** V8 names the character position of most errors; running out of input points at the last non-blank line. */
function syntaxErrorLine(body: string, message: string): number {
  const position = /at position (\d+)/.exec(message)?.[1];
  const last = body.trimEnd().length - 1;
  if (position !== undefined) return lineOf(lineStarts(body), Math.min(Number(position), last));
  return /end of JSON input/i.test(message) ? lineOf(lineStarts(body), last) : 1;
}

type Span = { start: number; end: number; line: number };

/** One pass over already-valid JSON finding where each top-level element starts, so big files stay linear. */
async function elementSpans(body: string, slice: TimeSlice): Promise<Span[]> {
  const spans: Span[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let escaped = false;
  let current: Span | undefined;
  for (let i = 0; i < body.length; i++) {
    // Asking the clock on every character would cost more than the scan.
    if (i % 65_536 === 0) await slice.turn();
    const c = body.charAt(i);
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && (c === ',' || c === ']') && current) {
      spans.push({ ...current, end: i });
      current = undefined;
    } else if (depth === 1 && !current && !/\s/.test(c)) current = { start: i, end: i, line };
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return spans;
}
