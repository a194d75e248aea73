/**
 * The files a dropped or added folder stands for: its videos, found recursively and sorted by
 * path, and everything else listed as skipped so the user sees what was left out and why. A
 * video is told by its extension here (a folder of photos must not become a queue of probe
 * errors); the probe stage still checks each file's content.
 */
import fs from 'node:fs';
import path from 'node:path';

const videoExtensions = new Set(
  'mp4 m4v mov qt mkv webm avi flv f4v ts mts m2ts mpg mpeg m2v vob wmv asf ogv mxf 3gp 3g2 dv gif hevc h264 264 265 ivf nut'.split(
    ' ',
  ),
);

/** Hidden files and OS litter (.DS_Store, Thumbs.db) are neither queued nor reported. */
const isLitter = (name: string) => name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);

export function isVideoFileName(name: string): boolean {
  const extension = path.extname(name).slice(1).toLowerCase();
  return videoExtensions.has(extension);
}

export interface ScannedFolder {
  videos: string[];
  skipped: { input: string; reason: string }[];
}

export function scanFolder(folder: string): ScannedFolder {
  const found: ScannedFolder = { videos: [], skipped: [] };
  const entries = fs.readdirSync(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || isLitter(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (file.split(path.sep).some(isLitter)) continue;
    if (isVideoFileName(entry.name)) found.videos.push(file);
    else found.skipped.push({ input: file, reason: 'not a video file (by its extension)' });
  }
  found.videos.sort();
  found.skipped.sort((a, b) => a.input.localeCompare(b.input));
  return found;
}
