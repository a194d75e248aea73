/**
 * Reads a user's list of video links (`ferry import <list>`, the app's "import list" command) in
 * plain text, CSV, a JSON array or NDJSON. Pure: it only checks the shape of each entry, so one bad
 * row is reported with its line number and the rest of the list still imports. Asynchronous only
 * to give the event loop a turn every few milliseconds (shared/time-slice.ts): a 20,000-row CSV
 * took a tenth of a second in one piece.
 */
import { CsvError, parse } from 'csv-parse';
import type { ListFormat } from '../../../shared/link-check';
import { headerProblem } from '../../../shared/http-header-name';
import { TimeSlice } from '../../../shared/time-slice';

export interface ListEntry {
  line: number;
  url: string;
  name?: string;
  headers?: Record<string, string>;
  meta?: Record<string, string>;
}

export interface ListProblem {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedList {
  format: ListFormat;
  entries: ListEntry[];
  invalid: ListProblem[];
}

type Outcome = Omit<ParsedList, 'format'>;

const oneLinkPerLine = 'a line holds one link: put each link on its own line';
const csvOptions = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true };
// Lists pasted together often mix line endings, so every kind ends a record.
const csvRecordDelimiters = ['\r\n', '\n', '\r'];
const badQuote = 'a quoted field is not closed properly: quote the whole field and double any quote inside it ("")';

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
  return firstLine.split(',').some((cell) => /^\s*("?)\s*url\s*\1\s*$/i.test(cell)) ? 'csv' : 'text';
}

const clip = (source: string): string => source.trim().slice(0, 200);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// `null` counts as absent because exporters write it for empty cells.
const present = (value: unknown): boolean => value !== undefined && value !== null;

function parseJsonText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function collect(out: Outcome, value: unknown, line: number, source: string): void {
  const entry = readEntry(value, line);
  if (typeof entry === 'string') out.invalid.push({ line, text: clip(source), reason: entry });
  else out.entries.push(entry);
}

/** An entry, or the reason it is not one. */
function readEntry(value: unknown, line: number): ListEntry | string {
  const item = typeof value === 'string' ? { url: value } : value;
  if (!isObject(item)) return 'each item must be a link or an object like { "url": "https://…" }';
  const { url, name } = item;
  if (present(url) && typeof url !== 'string') return 'url must be a string holding the link, in quotes';
  if (typeof url !== 'string' || url.trim() === '') return 'no url: give every entry a "url" holding the link';
  if (present(name) && typeof name !== 'string') return 'name must be a string, in quotes';
  const headers = present(item.headers) ? readHeaders(item.headers) : {};
  if (typeof headers === 'string') return headers;
  const meta = present(item.meta) ? readMeta(item.meta) : {};
  if (typeof meta === 'string') return meta;
  const entry: ListEntry = { line, url: url.trim() };
  if (typeof name === 'string' && name !== '') entry.name = name;
  if (Object.keys(headers).length > 0) entry.headers = headers;
  if (Object.keys(meta).length > 0) entry.meta = meta;
  return entry;
}

function readHeaders(value: unknown): Record<string, string> | string {
  if (!isObject(value)) return 'headers must be a JSON object of "Name": "value" pairs';
  const headers: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(value)) {
    const problem = headerProblem(name, headerValue);
    if (problem !== null) return problem;
    headers[name] = String(headerValue);
  }
  return headers;
}

function readMeta(value: unknown): Record<string, string> | string {
  if (!isObject(value)) return 'meta must be a JSON object of "key": "value" pairs';
  const meta: Record<string, string> = {};
  for (const [key, metaValue] of Object.entries(value)) {
    if (typeof metaValue === 'string') meta[key] = metaValue;
    else if (typeof metaValue === 'number' || typeof metaValue === 'boolean') meta[key] = String(metaValue);
    else return `meta ${JSON.stringify(key)} must be a string, number or true/false; flatten nested values`;
  }
  return meta;
}

async function parseText(body: string, slice: TimeSlice): Promise<Outcome> {
  const out: Outcome = { entries: [], invalid: [] };
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

async function parseNdjson(body: string, slice: TimeSlice): Promise<Outcome> {
  const out: Outcome = { entries: [], invalid: [] };
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

async function parseJson(body: string, slice: TimeSlice): Promise<Outcome> {
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
  const out: Outcome = { entries: [], invalid: [] };
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

type CsvRow = { fields: string[]; start: number; end: number };

async function parseCsv(body: string, slice: TimeSlice): Promise<Outcome> {
  const bytes = Buffer.from(body, 'utf8');
  // csv-parse reports offsets in bytes (its own line counter drifts on CRLF), so lines are found from bytes.
  const starts = lineStarts(bytes);
  const { rows, failure } = await readCsvRows(bytes, starts, slice);
  const [header, ...records] = rows;
  // A header lost to a broken quote is already reported; blaming a missing column too would mislead.
  if (!header && failure) return { entries: [], invalid: [failure] };
  const columns = header?.fields.map((name) => name.toLowerCase()) ?? [];
  if (!header || !columns.includes('url')) {
    const reason = 'no "url" column: the first row must name the columns, e.g. url,name';
    const text = header ? clip(bytes.toString('utf8', header.start, header.end)) : '';
    return { entries: [], invalid: [{ line: header ? lineOf(starts, header.start) : 1, text, reason }] };
  }
  const out: Outcome = { entries: [], invalid: [] };
  for (const row of records) {
    await slice.turn();
    if (row.fields.every((field) => field === '')) continue;
    const source = bytes.toString('utf8', row.start, row.end);
    collect(out, csvItem(header.fields, columns, row.fields), lineOf(starts, row.start), source);
  }
  // csv-parse stops at the first broken row, so its problem comes after every row read.
  if (failure) out.invalid.push(failure);
  return out;
}

/** Bytes handed to csv-parse at a time: a few milliseconds of its work. */
const csvPieceBytes = 64 * 1024;

/**
 * Every record with its byte range, and the problem that stopped csv-parse early, if one did.
 * The parser is fed a piece at a time, with a turn of the event loop between pieces.
 */
async function readCsvRows(
  bytes: Buffer,
  starts: number[],
  slice: TimeSlice,
): Promise<{ rows: CsvRow[]; failure?: ListProblem }> {
  const rows: CsvRow[] = [];
  const nextStart = (): number => skipBlank(bytes, rows.at(-1)?.end ?? 0);
  let error: unknown;
  const parser = parse({
    ...csvOptions,
    record_delimiter: csvRecordDelimiters,
    on_record: (fields: string[], context: { bytes: number }) => {
      rows.push({ fields, start: nextStart(), end: context.bytes });
      return null;
    },
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('error', (cause: unknown) => {
      error = cause;
      resolve();
    });
    parser.on('end', resolve);
  });
  // Every record is kept by on_record, none is emitted: flowing mode lets the stream end.
  parser.resume();
  for (let at = 0; at < bytes.length && error === undefined; at += csvPieceBytes) {
    parser.write(bytes.subarray(at, at + csvPieceBytes));
    await slice.turn();
  }
  if (error === undefined) parser.end();
  await ended;
  if (error === undefined) return { rows };
  if (!(error instanceof CsvError)) throw error;
  const start = nextStart();
  const lineEnd = bytes.indexOf(10, start);
  const text = clip(bytes.toString('utf8', start, lineEnd === -1 ? bytes.length : lineEnd));
  const reason = error.code.includes('QUOTE') ? badQuote : `this row cannot be read (${error.message})`;
  return { rows, failure: { line: lineOf(starts, start), text, reason: `${reason}; rows after it were not read` } };
}

/** Shapes a CSV row like a JSON item so both go through the same checks; empty cells mean "not given". */
function csvItem(names: string[], columns: string[], fields: string[]): Record<string, unknown> {
  const cell = (column: string): string | undefined => fields[columns.indexOf(column)] || undefined;
  const meta: Record<string, string> = {};
  columns.forEach((column, index) => {
    const value = fields[index];
    if (column.startsWith('meta.') && column.length > 5 && value) meta[names[index]?.slice(5) ?? ''] = value;
  });
  const headers = cell('headers');
  return { url: cell('url'), name: cell('name'), headers: headers && jsonOrText(headers), meta };
}

// Handing back the text when it is not JSON makes the headers check reject it with its usual reason.
function jsonOrText(cell: string): unknown {
  const parsed = parseJsonText(cell);
  return 'value' in parsed ? parsed.value : cell;
}

/** Offsets where each line starts, found once so looking up many lines stays cheap. */
function lineStarts(source: { indexOf(search: string, from?: number): number }): number[] {
  const starts = [0];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** 1-based line holding `offset`. */
function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Empty lines csv-parse skipped belong to no record, so a record starts at its first visible byte. */
function skipBlank(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at < bytes.length && [9, 10, 13, 32].includes(bytes[at] ?? 0)) at++;
  return at;
}
