/**
 * Where a path of the library really leads once symlinks are followed, and whether that is still
 * inside the library: a link inside the library to elsewhere must not serve or open elsewhere.
 * The one confinement rule of both media doors (`ferry serve`'s /media and the app's
 * ferry-media://) and of the app's "open folder".
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RealPath {
  path: string;
  stats: fs.Stats;
  /** Inside the library's own real path (never the library itself). */
  inside: boolean;
}

/** Whether `candidate` is `root` itself's descendant (never root itself, never beside it). Pure. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Undefined when the path (or the library) does not exist; other file system errors are thrown. */
export async function realPathInside(library: string, candidate: string): Promise<RealPath | undefined> {
  try {
    const [root, target] = await Promise.all([fs.promises.realpath(library), fs.promises.realpath(candidate)]);
    return { path: target, stats: await fs.promises.stat(target), inside: isInside(root, target) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A path through a file (`ENOTDIR`) or a link loop (`ELOOP`) leads nowhere, as a missing one does.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return undefined;
    throw error;
  }
}

/** The library file a media request names, by its real path, once it is a file really inside the library; else undefined. */
export async function fileInLibrary(
  library: string,
  candidate: string,
): Promise<{ path: string; size: number } | undefined> {
  const real = await realPathInside(library, candidate);
  return real?.inside && real.stats.isFile() ? { path: real.path, size: real.stats.size } : undefined;
}
