/**
 * The files a dropped or added folder stands for: its videos, found recursively and sorted by
 * path, and everything else listed as skipped so the user sees what was left out and why. A
 * video is told by its extension here (shared/video-files.ts: a folder of photos must not become
 * a queue of probe errors); the probe stage still checks each file's content.
 *
 * The walk is asynchronous, one directory read at a time, so a folder such as /usr (hundreds of
 * thousands of entries) never holds the event loop: a synchronous recursive readdir held it for
 * over a second. Only real folders are entered: a symbolic link is neither followed nor listed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isLitter, isVideoFileName } from '../../../shared/video-files';
import { TimeSlice } from '../../../shared/time-slice';

export interface ScannedFolder {
  videos: string[];
  skipped: { input: string; reason: string }[];
}

export async function scanFolder(folder: string): Promise<ScannedFolder> {
  const found: ScannedFolder = { videos: [], skipped: [] };
  const slice = new TimeSlice();
  const folders = [folder];
  for (let current = folders.pop(); current !== undefined; current = folders.pop()) {
    for await (const entry of await fs.opendir(current)) {
      const file = path.join(current, entry.name);
      if (isLitter(entry.name)) continue;
      if (entry.isDirectory()) folders.push(file);
      else if (!entry.isFile()) continue;
      else if (isVideoFileName(entry.name)) found.videos.push(file);
      else found.skipped.push({ input: file, reason: 'not a video file (by its extension)' });
      await slice.turn();
    }
  }
  found.videos.sort();
  // Code-point order, as for the videos: localeCompare over a system folder's many entries is slow.
  found.skipped.sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return found;
}
