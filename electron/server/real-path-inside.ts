/**
 * Where a path of the library really leads once symlinks are followed, and whether that is still
 * inside the library: a link inside the library to elsewhere must not serve or open elsewhere.
 */
import fs from 'node:fs';
import { isInside } from './media-url';

export interface RealPath {
  path: string;
  stats: fs.Stats;
  /** Inside the library's own real path (never the library itself). */
  inside: boolean;
}

/** Undefined when the path (or the library) does not exist; other file system errors are thrown. */
export async function realPathInside(library: string, candidate: string): Promise<RealPath | undefined> {
  try {
    const [root, target] = await Promise.all([fs.promises.realpath(library), fs.promises.realpath(candidate)]);
    return { path: target, stats: await fs.promises.stat(target), inside: isInside(root, target) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
