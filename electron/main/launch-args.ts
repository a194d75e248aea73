/**
 * What a launch asks Ferry to queue: the files and links on a command line (a second instance's,
 * handed over, or the first's), `ferry://add?url=…` links, and URLs the OS opens. Electron's and
 * Chromium's switches, the executable and, unpackaged, the app's own path are not. Pure.
 */
import path from 'node:path';
import type { NewLink } from '../../shared/api';

export const linkScheme = 'ferry';

export interface LaunchRequest {
  files: string[];
  links: NewLink[];
}

/**
 * The links a URL brings: a web link as it is, `ferry://add?url=A&url=B[&name=N]` its urls
 * (a name only when there is one url). Anything else brings none.
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
  const urls = url.searchParams.getAll('url').filter((link) => /^https?:\/\//i.test(link));
  const name = url.searchParams.get('name');
  return urls.map((link) => (name && urls.length === 1 ? { url: link, name } : { url: link }));
}

export function launchRequest(argv: readonly string[], workingDirectory: string, packaged: boolean): LaunchRequest {
  // argv[0] is the executable; unpackaged, `electron <app path>` puts the app's path next.
  const operands = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  const requested = packaged ? operands : operands.slice(1);
  const request: LaunchRequest = { files: [], links: [] };
  for (const arg of requested) {
    if (/^[a-z][a-z\d+.-]+:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg)) {
      request.links.push(...linksFromUrl(arg));
    } else {
      request.files.push(path.resolve(workingDirectory, arg));
    }
  }
  return request;
}
