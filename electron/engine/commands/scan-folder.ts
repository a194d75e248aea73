/**
 * The files a dropped or added folder stands for: its videos, found recursively and sorted by
 * path, and everything else listed as skipped so the user sees what was left out and why. A
 * video is told by its extension here (shared/video-files.ts: a folder of photos must not become
 * a queue of probe errors); the probe stage still checks each file's content.
 *
 * The walk is asynchronous, a few folders read at a time, so a folder such as /usr/lib (11,000
 * folders, 60,000 files) never holds the event loop: a synchronous recursive readdir held it for
 * a third of a second. Only real folders are entered: a symbolic link is neither followed nor
 * listed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isLitter, isVideoFileName } from '../../../shared/video-files';
import { TimeSlice } from '../../../shared/time-slice';

export interface ScannedFolder {
  videos: string[];
  skipped: { input: string; reason: string }[];
}

/** Folders read at once: enough to keep libuv's thread pool busy on a tree of thousands of folders. */
const foldersAtOnce = 16;

export async function scanFolder(folder: string): Promise<ScannedFolder> {
  const found: ScannedFolder = { videos: [], skipped: [] };
  const slice = new TimeSlice();
  const folders = [folder];
  while (folders.length > 0) {
    const reading = folders.splice(-foldersAtOnce);
    const listings = await Promise.all(reading.map((dir) => fs.readdir(dir, { withFileTypes: true })));
    for (const [index, entries] of listings.entries()) {
      for (const entry of entries) {
        if (isLitter(entry.name)) continue;
        const file = path.join(reading[index] as string, entry.name);
        if (entry.isDirectory()) folders.push(file);
        else if (!entry.isFile()) continue;
        else if (isVideoFileName(entry.name)) found.videos.push(file);
        else found.skipped.push({ input: file, reason: 'not a video file (by its extension)' });
        if (slice.due()) await slice.turn();
      }
    }
  }
  found.videos.sort();
  // Code-point order, as for the videos: localeCompare over a system folder's many entries is slow.
  found.skipped.sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return found;
}
