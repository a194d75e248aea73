/**
 * Which file of the library a `ferry-media://library/<uid>/<folder>/<name>` URL names. Only a
 * video's published outputs pass (the same names `ferry serve` serves, electron/server/media-files):
 * traversal, encoded or not, other hosts, originals, hidden files and folders name nothing. Pure.
 */
import path from 'node:path';
import { mediaFile, type MediaFile } from '../server/media-files';
import { isInside } from '../server/real-path-inside';

export const mediaScheme = 'ferry-media';

export interface LibraryFile extends MediaFile {
  /** Absolute, inside the library. */
  absolutePath: string;
}

/** A video's uid: 32 lowercase hexadecimal characters, so it names one folder and never a path. */
export const isVideoUid = (text: unknown): text is string => typeof text === 'string' && /^[0-9a-f]{32}$/.test(text);

/** The URL of one of a video's outputs, as the window asks for it. */
export function mediaUrl(uid: string, pathInFolder: string): string {
  return `${mediaScheme}://library/${uid}/${pathInFolder}`;
}

export function libraryFile(url: string, library: string): LibraryFile | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // not a URL at all: it names nothing
  }
  if (parsed.protocol !== `${mediaScheme}:` || parsed.host !== 'library') return undefined;
  if (parsed.search !== '' || parsed.username !== '' || parsed.password !== '') return undefined;
  // The raw path, undecoded: a `%2e%2e` or `%2f` is refused rather than decoded into a step up.
  const [, uid, ...rest] = parsed.pathname.split('/');
  if (!isVideoUid(uid)) return undefined;
  const file = mediaFile(rest.join('/'));
  if (!file) return undefined;
  const root = path.resolve(library);
  const absolutePath = path.join(root, uid, ...file.path.split('/'));
  return isInside(root, absolutePath) ? { ...file, absolutePath } : undefined;
}
