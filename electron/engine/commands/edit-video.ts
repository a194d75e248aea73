/**
 * `edit`: a video's metadata and the fields that say how it is served (Cloudflare Stream's
 * "edit video details"). Meta keys are merged, and a key given an empty value is removed, so an
 * edit never loses `downloaded-from` or a key it did not name.
 */
import type { VideoEdit } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import { unknownVideoDetails, type Video } from '../../../shared/video';
import type { EngineContext } from '../context/engine-context';
import type { VideoDoc } from '../store/video-row';

/** The document with the changes applied. Pure. */
export function applyVideoEdit(stored: VideoDoc, changes: VideoEdit): VideoDoc {
  const doc: VideoDoc = { ...unknownVideoDetails(), ...stored };
  if (changes.meta) {
    const merged = Object.entries({ ...doc.meta, ...changes.meta });
    doc.meta = Object.fromEntries(merged.filter(([, value]) => value !== ''));
  }
  if (changes.requireSignedURLs !== undefined) doc.requireSignedURLs = changes.requireSignedURLs;
  if (changes.allowedOrigins !== undefined) doc.allowedOrigins = [...changes.allowedOrigins];
  if (changes.thumbnailTimestampPct !== undefined) doc.thumbnailTimestampPct = changes.thumbnailTimestampPct;
  if (changes.maxDurationSeconds !== undefined) doc.maxDurationSeconds = changes.maxDurationSeconds;
  if (changes.creator !== undefined) doc.creator = changes.creator;
  // Stored in UTC, as at ingest: housekeeping compares the dates as text.
  if (changes.scheduledDeletion !== undefined)
    doc.scheduledDeletion =
      changes.scheduledDeletion === null ? null : new Date(changes.scheduledDeletion).toISOString();
  return doc;
}

export function editVideo(context: EngineContext, uid: string, changes: VideoEdit): Video {
  const edited = context.edits.editDoc(uid, (doc) => applyVideoEdit(doc, changes));
  const video = edited ? context.store.get(uid) : undefined;
  if (!video) throw new FerryError('NOT_FOUND', `No video with uid ${uid} in ${context.paths.dataDir}.`);
  return video;
}
