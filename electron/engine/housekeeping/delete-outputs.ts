/**
 * Deleting what Ferry made for a video: its published folder, any half-made or live one, and the
 * original it downloaded. A file the user added is theirs and is never touched.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EngineContext } from '../context/engine-context';
import { liveFolderOwner, originalsFolder, partialFolderOwner, videoFolder } from '../data-paths';

export async function deleteOutputs(context: EngineContext, uids: readonly string[]): Promise<void> {
  if (uids.length === 0) return;
  // One look at the library for the whole batch: removing thousands of videos must not list it thousands of times.
  const library = await fs.readdir(context.paths.library).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []; // nothing was ever made
    throw error;
  });
  const wanted = new Set(uids);
  const partials = library.filter((entry) => wanted.has(partialFolderOwner(entry) ?? liveFolderOwner(entry) ?? ''));
  const dirs = [
    ...uids.flatMap((uid) => [videoFolder(context.paths, uid), originalsFolder(context.paths, uid)]),
    ...partials.map((entry) => path.join(context.paths.library, entry)),
  ];
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
}

/** Deletes the outputs of ready videos whose scheduledDeletion has passed, and marks each video so. */
export async function deleteExpiredOutputs(context: EngineContext, now = Date.now()): Promise<string[]> {
  const expired = context.edits.expiredOutputs(now);
  await deleteOutputs(context, expired);
  for (const uid of expired) {
    const video = context.store.get(uid);
    // Removed while its outputs were being deleted: nothing left to mark.
    if (!video) continue;
    context.store.transition(uid, 'ready', {
      doc: {
        outputsDeletedAt: new Date(now).toISOString(),
        playback: null,
        downloads: null,
        thumbnail: null,
        renditions: [],
      },
      ...(video.source.kind === 'url' ? { source: { path: null } } : {}),
    });
    context.store.record(uid, 'outputs-deleted', {
      reason: 'scheduledDeletion',
      scheduledDeletion: video.scheduledDeletion,
    });
  }
  return expired;
}
