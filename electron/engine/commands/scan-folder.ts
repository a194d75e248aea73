/**
 * The files a dropped or added folder stands for: its videos, found recursively and sorted by
 * path, and everything else listed as skipped so the user sees what was left out and why. A
 * video is told by its extension here (shared/video-files.ts: a folder of photos must not become
 * a queue of probe errors); the probe stage still checks each file's content.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isLitter, isVideoFileName } from '../../../shared/video-files';

export interface ScannedFolder {
  videos: string[];
  skipped: { input: string; reason: string }[];
}

export function scanFolder(folder: string): ScannedFolder {
  const found: ScannedFolder = { videos: [], skipped: [] };
  const entries = fs.readdirSync(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (isLitter(path.relative(folder, file))) continue;
    if (isVideoFileName(entry.name)) found.videos.push(file);
    else found.skipped.push({ input: file, reason: 'not a video file (by its extension)' });
  }
  found.videos.sort();
  found.skipped.sort((a, b) => a.input.localeCompare(b.input));
  return found;
}
