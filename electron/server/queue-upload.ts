/**
 * A complete upload becomes a video: queued through the dispatcher (`addFiles`, the metadata's
 * options) under the id it was announced by (`stream-media-id`, a direct upload's `uid`), and
 * noted beside the upload (`<id>.video`). For TUS uploads and direct uploads alike.
 */
import path from 'node:path';
import type { Upload } from '@tus/server';
import type { ServerContext } from './server-context';
import type { UploadVideos } from './upload-links';
import { parseUploadMetadata } from './upload-metadata';

export async function queueUpload(
  context: ServerContext,
  directory: string,
  videos: UploadVideos,
  upload: Upload,
): Promise<Record<string, never>> {
  const parsed = parseUploadMetadata(upload.metadata ?? {});
  if (!parsed.ok) throw { status_code: 400, body: `${parsed.message}\n` };
  // Queued before, then stopped before it was noted: that video is the upload's.
  const before = await context.callOwn('get', { uid: upload.id });
  if (before.ok) {
    videos.remember(upload.id, upload.id);
    return {};
  }
  // The video's uid is the id announced, as on Cloudflare.
  const added = await context.callOwn('addFiles', {
    paths: [path.join(directory, upload.id)],
    options: { ...parsed.value.options, duplicates: 'allow' },
    uid: upload.id,
  });
  const video = added.ok ? added.value.queued[0] : undefined;
  if (!video) throw { status_code: 500, body: 'Ferry could not queue the uploaded file; see its terminal.\n' };
  videos.remember(upload.id, video.uid);
  return {};
}
