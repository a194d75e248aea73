/**
 * The Video object as Cloudflare Stream's API answers it (the `cloudflare` npm SDK's `Video`,
 * resources/stream/stream.d.ts): `status.state` only from Cloudflare's set, `status.pctComplete`
 * a string ("39.000000"), and Ferry's own finer state (paused, canceled…) in `status.ferryState`.
 * Only the HTTP API of `ferry serve` speaks this; the app and the socket keep Ferry's Video. Pure.
 */
import type { IngestOptions } from '../../shared/api';
import { unknownVideoDetails, type Video, type VideoStatus, type Watermark } from '../../shared/video';
import type { VideoState } from '../../shared/video-states';

/** Cloudflare Stream's states (its SDK's `Video.Status.state`, less live input's). */
export type StreamState = 'pendingupload' | 'downloading' | 'queued' | 'inprogress' | 'ready' | 'error';

export type StreamStatus = Omit<VideoStatus, 'state' | 'pctComplete'> & {
  state: StreamState;
  pctComplete: string;
  /** Ferry's own state, finer than Cloudflare's: `paused` and `canceled` among them. */
  ferryState: VideoState | 'pendingupload';
};

type Shown = Video & { preview: string };

/** A watermark as Cloudflare's `Watermark` names its fields: the image by its file name, as `name`. */
export type StreamWatermark = Omit<Watermark, 'image'> & { name: string };

/**
 * Every field the SDK types is optional and never null: a field Ferry has no value for (null) is
 * left out rather than sent as null. Ferry's own fields (`renditions`, `source`, `deliveries`,
 * `downloads`, `outputsDeletedAt`) come along beside Cloudflare's.
 */
export type StreamVideo = { [K in Exclude<keyof Shown, 'status' | 'watermark'>]?: NonNullable<Shown[K]> } & {
  uid: string;
  status: StreamStatus;
  watermark?: StreamWatermark;
};

/** Ferry's states in Cloudflare's words: a paused video waits to go on; a canceled one will not by itself. */
const streamStates: Record<VideoState, StreamState> = {
  queued: 'queued',
  downloading: 'downloading',
  inprogress: 'inprogress',
  ready: 'ready',
  error: 'error',
  paused: 'queued',
  canceled: 'error',
};

/** A percentage as Cloudflare writes it: a string with six decimals, from 0 to 100. */
export const pctString = (pct: number): string => Math.min(100, Math.max(0, pct)).toFixed(6);

/** `video` without its status and null fields, its watermark in Cloudflare's names. */
function withoutNulls(video: Shown): Omit<StreamVideo, 'status'> {
  const { watermark } = video;
  const kept = Object.fromEntries(
    Object.entries(video).filter(([key, value]) => value !== null && key !== 'status' && key !== 'watermark'),
  );
  const named = watermark && (({ image, ...rest }) => ({ ...rest, name: image }))(watermark);
  return {
    ...(kept as Omit<StreamVideo, 'status' | 'watermark'>),
    uid: video.uid,
    ...(named ? { watermark: named } : {}),
  };
}

export function streamVideo(video: Shown): StreamVideo {
  const { state, pctComplete, ...rest } = video.status;
  const canceled =
    state === 'canceled' && rest.errorReasonText === undefined
      ? { errorReasonText: 'Canceled in Ferry; retry it there to go on.' }
      : {};
  return {
    ...withoutNulls(video),
    status: {
      ...rest,
      ...canceled,
      state: streamStates[state],
      pctComplete: pctString(state === 'ready' ? 100 : pctComplete),
      ferryState: state,
    },
  };
}

/** What is known of a TUS upload still under way (@tus/server's Upload). */
export interface PendingUpload {
  id: string;
  offset: number;
  size?: number;
  creation_date?: string;
}

/** A video whose TUS upload is under way, as Cloudflare answers it: `pendingupload`, its uid the announced id. */
export function pendingUploadVideo(upload: PendingUpload, options: IngestOptions, preview: string): StreamVideo {
  const created = upload.creation_date ?? new Date(0).toISOString();
  const pct = upload.size ? (upload.offset / upload.size) * 100 : 0;
  const { meta, requireSignedURLs, allowedOrigins, creator, thumbnailTimestampPct, maxDurationSeconds } = options;
  const video: Shown = {
    ...unknownVideoDetails(),
    uid: upload.id,
    created,
    modified: created,
    readyToStream: false,
    playable: false,
    source: { kind: 'file' },
    preview,
    ...(meta ? { meta } : {}),
    ...(requireSignedURLs !== undefined ? { requireSignedURLs } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
    ...(creator !== undefined ? { creator } : {}),
    ...(thumbnailTimestampPct !== undefined ? { thumbnailTimestampPct } : {}),
    ...(maxDurationSeconds !== undefined ? { maxDurationSeconds } : {}),
    ...(options.maxSizeBytes !== undefined ? { maxSizeBytes: options.maxSizeBytes } : {}),
    ...(options.scheduledDeletion !== undefined ? { scheduledDeletion: options.scheduledDeletion } : {}),
    ...(upload.size !== undefined ? { size: upload.size } : {}),
    status: { state: 'queued', pctComplete: pct },
  };
  return {
    ...withoutNulls(video),
    status: { state: 'pendingupload', pctComplete: pctString(pct), ferryState: 'pendingupload' },
  };
}
