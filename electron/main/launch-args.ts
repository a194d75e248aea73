/**
 * What a launch hands Ferry: the files and links on a command line (a second instance's, handed
 * over, or the first's), which the user typed and which are queued, and the links of
 * `ferry://add?url=…` links (which any web page can open), which are only offered for the user to
 * confirm. Electron's and Chromium's switches, the executable and, unpackaged, the app's own path
 * are neither. Pure.
 */
import path from 'node:path';
import type { NewLink } from '../../shared/api';

export const linkScheme = 'ferry';

export interface LaunchRequest {
  /** Queued at once: the user named them (a command line, a file opened from the OS, a picker). */
  files: string[];
  links: NewLink[];
  /** From ferry:// links or URLs the OS opens: never queued here, offered in the paste sheet. */
  offered: NewLink[];
}

/** One line of an http(s) link as the URL parser writes it (tabs and line breaks gone), or null. */
function webLink(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The links a URL brings: a web link as it is, `ferry://add?url=A&url=B[&name=N]` its http(s)
 * urls (a name only when there is one url). Anything else brings none.
 */
export function linksFromUrl(text: string): NewLink[] {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return []; // not a URL: a file name, handled by the caller
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return [{ url: url.href }];
  if (url.protocol !== `${linkScheme}:` || url.hostname !== 'add') return [];
  const urls = url.searchParams.getAll('url').flatMap((link) => webLink(link) ?? []);
  const name = url.searchParams.get('name');
  return urls.map((link) => (name && urls.length === 1 ? { url: link, name } : { url: link }));
}

/** A URL the OS opens in Ferry (macOS's open-url: a ferry:// link a web page may have opened): only offered. */
export const openedUrlRequest = (url: string): LaunchRequest => ({ files: [], links: [], offered: linksFromUrl(url) });

const isFerryLink = (text: string) => text.toLowerCase().startsWith(`${linkScheme}:`);

export function launchRequest(argv: readonly string[], workingDirectory: string, packaged: boolean): LaunchRequest {
  // argv[0] is the executable; unpackaged, `electron <app path>` puts the app's path next.
  const operands = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  const requested = packaged ? operands : operands.slice(1);
  const request: LaunchRequest = { files: [], links: [], offered: [] };
  for (const arg of requested) {
    if (/^[a-z][a-z\d+.-]+:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg)) {
      // On Windows and Linux the OS hands a ferry:// link to Ferry on its command line.
      (isFerryLink(arg) ? request.offered : request.links).push(...linksFromUrl(arg));
    } else {
      request.files.push(path.resolve(workingDirectory, arg));
    }
  }
  return request;
}
