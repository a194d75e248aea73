/**
 * What a video's `request_headers` column holds: the headers that are not credentials, in clear,
 * and for those that are, only a reference to their entry in the credential vault and their names
 * (names say nothing secret; pull planning needs them). Rows written before Ferry kept them in the
 * vault hold a flat object of every header, which reads as all clear until moved. Pure.
 */

/** A link's credentials in the vault: entry `headers:<ref>` holds their values. */
export interface HeaderSecret {
  ref: string;
  names: string[];
}

export interface StoredHeaders {
  clear: Record<string, string>;
  secret?: HeaderSecret;
}

export function encodeStoredHeaders(stored: StoredHeaders): string | null {
  if (Object.keys(stored.clear).length === 0 && !stored.secret) return null;
  return JSON.stringify(stored);
}

/** Whether the column's text is in the vault-aware form (false: an older flat object, or nothing). */
export function isCurrentForm(parsed: unknown): parsed is StoredHeaders {
  return typeof parsed === 'object' && parsed !== null && typeof (parsed as { clear?: unknown }).clear === 'object';
}

export function decodeStoredHeaders(text: string | null): StoredHeaders {
  if (text === null) return { clear: {} };
  const parsed = JSON.parse(text) as unknown;
  return isCurrentForm(parsed) ? parsed : { clear: parsed as Record<string, string> };
}
