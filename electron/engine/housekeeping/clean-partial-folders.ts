/**
 * At start-up, removes the temporary output folders (`<uid>.<attempt>.partial`) and live folders
 * (`<uid>.live`) that a crash or a kill left behind, so a half-made video is never mistaken for a
 * finished one, nor a dead transcode's playlists served as if it were still growing. A folder whose video
 * is still being transcoded by another live process is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { liveFolderOwner, partialFolderOwner } from '../data-paths';
import type { VideoStore } from '../store/video-store';

export function cleanPartialFolders(library: string, store: VideoStore): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(library);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []; // nothing was ever made
    throw error;
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const uid = partialFolderOwner(entry) ?? liveFolderOwner(entry);
    if (!uid) continue;
    const video = store.get(uid);
    if (video?.status.state === 'inprogress' && video.status.step === 'transcode') continue;
    fs.rmSync(path.join(library, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}
