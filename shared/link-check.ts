/** Lists of links as the contract takes them (`importList`), and what `checkLinks` says of each line. */

/** How a list of links is written (`importList`, `checkLinks`); guessed from the content when not given. */
export type ListFormat = 'text' | 'csv' | 'json' | 'ndjson';

/** A list to import: a file the engine can read, or its content (a browser has no path to give). */
export type ListInput = { path: string } | { content: string; format?: ListFormat };

/** One line of a pasted text or list, as `addLinks`/`importList` would take it. */
export interface LinkCheckRow {
  /** 1-based line (for JSON, the entry's line in the file). */
  line: number;
  /** The link as written. */
  input: string;
  /** new: would be queued; duplicate: already queued or finished (or earlier in the same text); invalid: would not be. */
  status: 'new' | 'duplicate' | 'invalid';
  /** What would be downloaded: a share page's direct download link, or the link itself. */
  url?: string;
  /** The link was a share page (Google Drive, Dropbox…) and `url` is the direct download it becomes. */
  rewritten?: boolean;
  name?: string;
  /** Names of the request headers the line carries (the values are not echoed back). */
  headerNames?: string[];
  /** With duplicate: the video that has this link already, or null when it repeats an earlier line. */
  duplicateOf?: string | null;
  /** With invalid: what is wrong and how to fix it. */
  reason?: string;
}

/** What `checkLinks` found: counts over the whole text, rows for the first `limit` lines. */
export interface LinkCheck {
  format: ListFormat;
  counts: { new: number; duplicate: number; invalid: number };
  rows: LinkCheckRow[];
}
