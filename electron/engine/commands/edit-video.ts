/**
 * `edit`: a video's metadata and the fields that say how it is served (Cloudflare Stream's
 * "edit video details"). Meta keys are merged, and a key given an empty value is removed, so an
 * edit never loses `downloaded-from` or a key it did not name. A new trim is checked against the
 * probed duration and makes the outputs again (transcode-again.ts).
 */
import type { VideoEdit } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import { sameTrim, trimProblem, type Trim } from '../../../shared/trim';
import { unknownVideoDetails, type Video } from '../../../shared/video';
import type { EngineContext } from '../context/engine-context';
import type { VideoDoc } from '../store/video-row';
import { transcodeAgain } from './transcode-again';

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
  if (changes.trim !== undefined) doc.trim = changes.trim;
  // Stored in UTC, as at ingest: housekeeping compares the dates as text.
  if (changes.scheduledDeletion !== undefined)
    doc.scheduledDeletion =
      changes.scheduledDeletion === null ? null : new Date(changes.scheduledDeletion).toISOString();
  return doc;
}

export async function editVideo(context: EngineContext, uid: string, changes: VideoEdit): Promise<Video> {
  const before = context.store.get(uid);
  if (!before) throw new FerryError('NOT_FOUND', `No video with uid ${uid} in ${context.paths.dataDir}.`);
  if (changes.trim) checkTrim(context, uid, changes.trim);
  context.edits.editDoc(uid, (doc) => applyVideoEdit(doc, changes));
  if (changes.trim !== undefined && !sameTrim(before.trim, changes.trim)) await transcodeAgain(context, uid);
  const video = context.store.get(uid);
  if (!video) throw new FerryError('NOT_FOUND', `No video with uid ${uid} in ${context.paths.dataDir}.`);
  return video;
}

function checkTrim(context: EngineContext, uid: string, trim: Trim): void {
  const refuse = (message: string) =>
    new FerryError('INVALID_INPUT', `trim: ${message}.`, [{ path: 'changes.trim', message }]);
  if (context.store.optionsOf(uid).transcode === false)
    throw refuse(
      'this video keeps its original as the output (added without transcoding); add it again with transcoding to trim it',
    );
  const problem = trimProblem(trim, context.store.mediaInfoOf(uid)?.duration ?? -1);
  if (problem) throw refuse(problem);
}
