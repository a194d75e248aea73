/**
 * Which folder openFolder may show: a finished video's `library/<uid>/`, or the library itself.
 * The uid is checked before it becomes a path, and the folder must really be inside the library
 * once symlinks are followed, so nothing else on the machine can be opened through it.
 */
import path from 'node:path';
import type { Envelope } from '../../shared/ferry-error';
import { isInside, realPathInside } from '../server/real-path-inside';
import { isVideoUid } from './media-url';

export const noVideoFolder = 'This video has no folder yet: it is not finished.';
export const noLibraryFolder = 'The library has no folder yet: no video has finished.';

/** Where the folder should be, without looking at the disk: the library without a uid. Pure. */
export function libraryFolderPath(library: string, uid: unknown): Envelope<string> {
  const root = path.resolve(library);
  if (uid === undefined) return { ok: true, value: root };
  if (!isVideoUid(uid)) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'A video uid is 32 hexadecimal characters.' },
    };
  }
  const folder = path.join(root, uid);
  // A 32-hex name cannot step out, but the check is what keeps that true if the rule ever loosens.
  return isInside(root, folder)
    ? { ok: true, value: folder }
    : { ok: false, error: { code: 'INVALID_INPUT', message: `${uid} names no folder of the library.` } };
}

/** The folder to show, once it exists on disk as a folder inside the library; why not otherwise. */
export async function existingLibraryFolder(library: string, uid: unknown): Promise<Envelope<string>> {
  const wanted = libraryFolderPath(library, uid);
  if (!wanted.ok) return wanted;
  const real = await realPathInside(library, wanted.value);
  const missing = uid === undefined ? noLibraryFolder : noVideoFolder;
  if (!real || !real.stats.isDirectory()) return { ok: false, error: { code: 'NOT_FOUND', message: missing } };
  if (uid !== undefined && !real.inside) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: "This video's folder leads outside the library." } };
  }
  return { ok: true, value: real.path };
}
