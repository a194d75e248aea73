/**
 * A link's name as a download manager gives it: the file name the origin sends in
 * Content-Disposition (RFC 6266, `filename*=UTF-8''…` first), else the last segment of the link's
 * path (decoded, without its query). Share services' paths are ids (`/uc`, `/s/abc123`), never
 * names: theirs come from the download's Content-Disposition, or from Drive's "download anyway"
 * page, which names the file. Names are for people to read: only the last segment of a path,
 * without control or direction-changing characters. Pure.
 */
import { parse } from 'content-disposition';
import { decodeEntities } from './normalize-link';

/** Long enough for any real file name; a longer one is cut, not refused. */
const maxNameLength = 200;

/** Hosts whose links name a share, not a file: Google Drive, OneDrive, SharePoint, Box. */
const idPathHosts = /(^|\.)(google\.com|1drv\.ms|onedrive\.live\.com|onedrive\.com|sharepoint\.com|box\.com)$/i;

/**
 * A readable name, or null when nothing readable is left: without control characters and
 * bidirectional overrides (which make "exe.mp4" read as "mp4.exe"), runs of spaces made one.
 */
function readableName(text: string): string | null {
  const clean = text
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '' || clean === '.' || clean === '..') return null;
  return clean.length > maxNameLength ? clean.slice(0, maxNameLength).trimEnd() : clean;
}

/** A file name that came with a path (RFC 6266: only its last part counts), as readableName. */
function fileNamePart(text: string): string | null {
  return readableName(text.split(/[\\/]/).pop() ?? '');
}

/** The file name a Content-Disposition header gives (its `filename*` when it has one), or null. */
export function nameFromContentDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  try {
    // The package decodes `filename*` (UTF-8 or ISO-8859-1) into `filename`, over a plain `filename`.
    const filename = parse(header).parameters.filename;
    return filename === undefined ? null : fileNamePart(filename);
  } catch {
    // A header the package cannot read names nothing; the link's path still may.
    return null;
  }
}

/** The last segment of the link's path, decoded; null for a share service's link or a path that ends in "/". */
export function nameFromLinkPath(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (idPathHosts.test(url.hostname)) return null;
  const last = url.pathname.split('/').pop() ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // A stray "%" is part of the name as the link spells it.
  }
  return fileNamePart(decoded);
}

/** What the origin answered that may name the file. */
export interface NamingAnswer {
  /** Where the link led, after redirects. */
  finalUrl: string;
  contentDisposition: string | null;
  /** The name a share service's page gave on the way (Drive's "download anyway" page). */
  pageName?: string | null;
}

/** "Talk.mp4", not "get" or "7f3a9c0e": a path segment that ends like a file. */
const hasExtension = (name: string | null): name is string => name !== null && /\.[a-z0-9]{2,5}$/i.test(name);

/**
 * The name for a link from what its origin answered: Content-Disposition's, the share page's,
 * else the link's path's or the path it was redirected to, one that ends like a file name first
 * (`/get?id=5` → `…/Interview.mp4` is "Interview.mp4"; `Talk.mp4` → a signed `…/7f3a9c0e` stays
 * "Talk.mp4").
 */
export function nameFromResponse(link: string, answer: NamingAnswer): string | null {
  const given = nameFromContentDisposition(answer.contentDisposition) ?? readableName(answer.pageName ?? '');
  if (given) return given;
  const paths = [nameFromLinkPath(link), nameFromLinkPath(answer.finalUrl)];
  return paths.find(hasExtension) ?? paths[0] ?? paths[1] ?? null;
}

/**
 * Whether a video's name is still the one the engine gave it from its links (or it has none), so
 * a better one may replace it. A name the user gave, at ingest or since, is kept: it differs from
 * what the links' paths say, unless the user gave exactly the path's name again.
 */
export function nameIsAutomatic(current: string | undefined, links: readonly (string | undefined)[]): boolean {
  if (current === undefined || current === '') return true;
  return links.some((link) => link !== undefined && nameFromLinkPath(link) === current);
}

/**
 * The file's name on Drive's "download anyway" page (files too large to scan for viruses):
 * `<span class="uc-name-size"><a href="/open?id=…">Name.mp4</a> (1.2G)</span>`. Found by index,
 * so any page is read in linear time.
 */
export function nameFromDrivePage(html: string): string | null {
  const span = html.indexOf('uc-name-size');
  const anchor = span === -1 ? -1 : html.indexOf('<a', span);
  const open = anchor === -1 ? -1 : html.indexOf('>', anchor);
  const close = open === -1 ? -1 : html.indexOf('</a>', open);
  if (close === -1) return null;
  const text = decodeEntities(html.slice(open + 1, close).replace(/<[^>]*>/g, ''));
  return readableName(text);
}
