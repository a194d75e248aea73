/**
 * A Video as Omega Stream answers it (seed 000_986fba1e76f17748.txt: snake_case fields, `id`,
 * `uuid`, `coid`, a `storage` block, `meta.downloaded_from`). The seed shows only the word of a
 * fresh copy, `uploaded`; the later words follow the same service's vocabulary. Pure.
 */
import type { Video } from '../../shared/video';
import type { VideoState } from '../../shared/video-states';

/** Ferry's states in Omega's words. */
const omegaStatus: Record<VideoState, string> = {
  queued: 'uploaded',
  downloading: 'downloading',
  inprogress: 'processing',
  ready: 'ready',
  error: 'error',
  paused: 'paused',
  canceled: 'canceled',
};

/** The uid (32 hex) written as a UUID, Omega's `uuid`. */
export const uidAsUuid = (uid: string): string =>
  `${uid.slice(0, 8)}-${uid.slice(8, 12)}-${uid.slice(12, 16)}-${uid.slice(16, 20)}-${uid.slice(20)}`;

/** An Omega id (a uid, or the uid as a UUID) as the uid. */
export const uidFromOmegaId = (id: string): string => id.replaceAll('-', '').toLowerCase();

const known = (n: number) => (n >= 0 ? n : null);

/** `video` as callers see it already (caller-view.ts: media as http URLs, no host path). */
export function omegaVideo(video: Video) {
  const ready = video.readyToStream;
  return {
    id: video.uid,
    created_at: video.created,
    updated_at: video.modified,
    title: video.meta.name ?? '',
    uuid: uidAsUuid(video.uid),
    coid: 'ferry-local',
    status: omegaStatus[video.status.state],
    entity_tag: null,
    playback: ready ? video.playback : null,
    input: video.input.width >= 0 ? video.input : null,
    duration: known(video.duration),
    size: known(video.size),
    ready_to_stream: ready,
    thumbnail: ready ? video.thumbnail : null,
    thumbnail_timestamp_pct: video.thumbnailTimestampPct,
    storage: { bucket: 'library', raw_bucket: 'originals', meta: null },
    meta: { downloaded_from: video.meta['downloaded-from'] ?? video.source.url ?? null },
    // Ferry's own, for a script that wants to know why a copy failed.
    ...(video.status.state === 'error'
      ? { error: { code: video.status.errorReasonCode ?? 'ERR_UNKNOWN', message: video.status.errorReasonText ?? '' } }
      : {}),
  };
}
