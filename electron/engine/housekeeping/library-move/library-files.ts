/**
 * What a library move carries: every entry of the library (a published video's folder, or
 * anything else kept there) but the folders of work in progress (`.partial`, `.live`), which
 * the stopped work starts again in the new place. Listed with their sizes, before anything is copied.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { FerryError } from '../../../../shared/ferry-error';
import { liveFolderOwner, partialFolderOwner } from '../../data-paths';

export interface LibraryFiles {
  /** Top-level entries moved, by name. */
  entries: string[];
  /** Folders to make, relative to the library, parents first. */
  folders: string[];
  /** Files to copy, relative to the library. */
  files: { path: string; size: number }[];
  bytes: number;
}

/** Whether a top-level entry is work in progress rather than something the library keeps. Pure. */
export const isWorkInProgress = (entry: string) =>
  partialFolderOwner(entry) !== undefined || liveFolderOwner(entry) !== undefined;

/** The library's entries (none when it was never made). */
export async function libraryEntries(library: string): Promise<string[]> {
  const names = await fs.readdir(library).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names.filter((name) => !isWorkInProgress(name)).sort();
}

export async function listLibraryFiles(library: string): Promise<LibraryFiles> {
  const listed: LibraryFiles = { entries: await libraryEntries(library), folders: [], files: [], bytes: 0 };
  const visit = async (relative: string): Promise<void> => {
    const stat = await fs.lstat(path.join(library, relative));
    if (stat.isDirectory()) {
      listed.folders.push(relative);
      for (const name of (await fs.readdir(path.join(library, relative))).sort())
        await visit(path.join(relative, name));
    } else if (stat.isFile()) {
      listed.files.push({ path: relative, size: stat.size });
      listed.bytes += stat.size;
    } else {
      throw new FerryError(
        'INVALID_INPUT',
        `Cannot move the library: ${path.join(library, relative)} is neither a file nor a folder (a link?): move or delete it, then move the library.`,
      );
    }
  };
  for (const entry of listed.entries) await visit(entry);
  return listed;
}
