/**
 * One entry of a list of links, whatever the list's format: a link or an object with url, name,
 * headers and meta, checked for its shape, with the line it stands on. Pure; shared by the
 * readers of parse-link-list.ts and parse-csv-list.ts.
 */
import { headerProblem } from '../../../shared/http-header-name';

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

/** What a reader found: the entries, and each line that is not one with why. */
export interface ListOutcome {
  entries: ListEntry[];
  invalid: ListProblem[];
}

export const clip = (source: string): string => source.trim().slice(0, 200);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// `null` counts as absent because exporters write it for empty cells.
const present = (value: unknown): boolean => value !== undefined && value !== null;

export function parseJsonText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function collect(out: ListOutcome, value: unknown, line: number, source: string): void {
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

export function lineStarts(source: { indexOf(search: string, from?: number): number }): number[] {
  const starts = [0];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** 1-based line holding `offset`. */
export function lineOf(starts: number[], offset: number): number {
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
