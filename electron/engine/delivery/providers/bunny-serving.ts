/**
 * Which of the video's serving options Bunny Stream takes per video, and the notice for the rest.
 * Its OpenAPI file (CreateVideoModel, Video_FetchNewVideo) takes a title, a collection and
 * `thumbnailTime` in milliseconds; signed URLs (token authentication), allowed referrers and
 * watermarks are settings of the whole library, and there is no per-video deletion date or
 * creator. Pure.
 */
import type { ServingOptions } from './provider';
import { unservedNotice } from './unserved-notice';

/** The thumbnail's time in ms from its share of the video, or null when not set or the length is unknown. */
export function bunnyThumbnailTime(serving: ServingOptions | undefined): number | null {
  if (!serving || serving.thumbnailTimestampPct <= 0 || !serving.durationSeconds) return null;
  return Math.round(serving.thumbnailTimestampPct * serving.durationSeconds * 1000);
}

export function bunnyServingNotice(serving: ServingOptions): string | null {
  // The thumbnail is carried when it can be said as a time; everything else set is named.
  const carried = bunnyThumbnailTime(serving) !== null ? { ...serving, thumbnailTimestampPct: 0 } : serving;
  return unservedNotice(
    'Bunny Stream',
    carried,
    ' (signed URLs, allowed referrers and watermarks are library settings)',
  );
}
