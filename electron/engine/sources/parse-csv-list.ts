/**
 * A list of links as CSV: a header row naming the columns (url, name, headers as JSON, meta.*),
 * then one link a row; quoted fields may hold commas, quotes and line breaks. Read by csv-parse,
 * fed a piece at a time with a turn of the event loop between pieces (shared/time-slice.ts): a
 * 20,000-row list took a tenth of a second in one piece. Pure but for that.
 */
import { CsvError, parse } from 'csv-parse';
import type { TimeSlice } from '../../../shared/time-slice';
import {
  clip,
  collect,
  lineOf,
  lineStarts,
  parseJsonText,
  type ListOutcome,
  type ListProblem,
} from './read-list-entry';

const csvOptions = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true };
// Lists pasted together often mix line endings, so every kind ends a record.
const csvRecordDelimiters = ['\r\n', '\n', '\r'];
const badQuote = 'a quoted field is not closed properly: quote the whole field and double any quote inside it ("")';

type CsvRow = { fields: string[]; start: number; end: number };

export async function parseCsv(body: string, slice: TimeSlice): Promise<ListOutcome> {
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
  const out: ListOutcome = { entries: [], invalid: [] };
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

function skipBlank(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at < bytes.length && [9, 10, 13, 32].includes(bytes[at] ?? 0)) at++;
  return at;
}
