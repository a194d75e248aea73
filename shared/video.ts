/**
 * The Video object: one shape in the database, over IPC, in `ferry … --json`, in webhooks and in
 * the HTTP API. Field names follow Cloudflare Stream's video object; `renditions`, `source` and
 * `deliveries` are Ferry's own. Unknown numbers are -1, unknown dates null.
 */
import type { DeliveryMode } from './delivery-targets';
import type { ErrorCode } from './error-codes';
import type { Trim } from './trim';
import type { VideoState } from './video-states';

export interface VideoStatus {
  state: VideoState;
  /** 0..100 within the current working state. */
  pctComplete: number;
  /** The queue stage the video is at (fetch, probe, transcode, deliver, done). */
  step?: Stage;
  errorReasonCode?: ErrorCode;
  errorReasonText?: string;
  /** Ferry's own: when an automatic retry is due (ISO date), while the video waits for it. */
  nextAttemptAt?: string;
  /** Ferry's own: download speed in bytes per second, while downloading. */
  bytesPerSecond?: number;
  /** Ferry's own: seconds left in the current working state, when known. */
  etaSeconds?: number;
}

export const stages = ['fetch', 'probe', 'transcode', 'deliver', 'done'] as const;
export type Stage = (typeof stages)[number];

export interface Rendition {
  name: string;
  width: number;
  height: number;
  bandwidth: number;
  codecs: string;
}

/**
 * Ferry's own: whether the top rendition is the source's own video, copied (not re-encoded) into
 * the segments, and why or why not ("the source is VP9").
 */
export interface TopRendition {
  original: boolean;
  why: string;
}

export type DeliveryState = 'queued' | 'uploading' | 'processing' | 'ready' | 'error';

export interface Delivery {
  /** The delivery target's id (listTargets). */
  target: string;
  /** How this delivery goes: the target's mode, or push when the service cannot pull this video (see `notice`). */
  mode: DeliveryMode;
  /** `processing`: the service has the video and is working on it; `ready` only once the service says so. */
  state: DeliveryState;
  /** The service's id for the video, once it exists there. */
  remoteId: string | null;
  /** Share of the file sent while uploading; the service's own progress while processing, when it gives one. */
  pctComplete: number;
  /** Upload speed while uploading, bytes per second. */
  bytesPerSecond?: number;
  /** Time left for the upload, from its speed. */
  etaSeconds?: number;
  /** The service's own word for the video's state (`downloading`, `viewable`, `indexing`…), once it has said one. */
  remoteState?: string;
  /** Where the service plays the video (its HLS manifest or watch page), once it says. */
  playbackUrl?: string;
  /** Something the user should know that is not an error, e.g. why a pull target got a push. */
  notice?: string;
  /** Set with `error`: ERR_DELIVERY_FAILED. */
  errorReasonCode?: ErrorCode;
  /** What went wrong and what to do, in one sentence; the service's own error text quoted when it gave one. */
  error?: string;
}

export interface VideoSource {
  kind: 'url' | 'file';
  url?: string;
  path?: string;
}

export interface Watermark {
  /** Local path of the image. */
  image: string;
  position: 'upperRight' | 'upperLeft' | 'lowerLeft' | 'lowerRight' | 'center';
  opacity: number;
  scale: number;
  padding: number;
}

export interface Video {
  uid: string;
  created: string;
  modified: string;
  uploaded: string | null;
  meta: Record<string, string>;
  status: VideoStatus;
  /**
   * Cloudflare Stream's: the video can be streamed. True from `playable` on (while the ladder is
   * still encoded, as Cloudflare turns it true before `ready`), false once its outputs are deleted.
   */
  readyToStream: boolean;
  /** When it became playable (Cloudflare Stream's). */
  readyToStreamAt: string | null;
  /**
   * Ferry's own: `playback` plays now. While `status.state` is `inprogress` the HLS playlists are
   * growing EVENT playlists and the MPD is dynamic, from the moment every rendition has its first
   * segment; once `ready` they are final (ENDLIST, static MPD). False again if that attempt ends
   * without the video (pause, cancel, error, a crash: the next attempt earns it anew).
   */
  playable: boolean;
  duration: number;
  size: number;
  input: { width: number; height: number };
  thumbnail: string | null;
  thumbnailTimestampPct: number;
  playback: { hls: string; dash: string } | null;
  downloads: { default: string } | null;
  maxDurationSeconds: number;
  maxSizeBytes: number;
  scheduledDeletion: string | null;
  /** Ferry's own: when the outputs were deleted (scheduledDeletion passed, or removed by the user). */
  outputsDeletedAt: string | null;
  watermark: Watermark | null;
  /** Media are served over HTTP (`ferry serve`) only with a signed playback token (Cloudflare Stream's). */
  requireSignedURLs: boolean;
  /** Origins allowed to embed the media over HTTP; empty means any. `*.example.com` covers its subdomains. */
  allowedOrigins: string[];
  /** Who the video belongs to (Cloudflare Stream's creator id, at most 64 characters); a list filter. */
  creator: string | null;
  /**
   * Ferry's own: the in and out points, seconds of the source; the outputs and deliveries are
   * this part only, and `duration` is its length. null: the whole source.
   */
  trim: Trim | null;
  /** The video this one is a clip of (Cloudflare Stream's `clippedFrom`), or null. */
  clippedFrom: string | null;
  renditions: Rendition[];
  /** How the top rendition was made; absent before the video is transcoded (and for videos transcoded before Ferry said). */
  topRendition?: TopRendition;
  source: VideoSource;
  deliveries: Delivery[];
}

/** The parts of a Video that describe the media and its outputs, as opposed to its identity and status. */
export type VideoDetails = Omit<
  Video,
  'uid' | 'created' | 'modified' | 'status' | 'readyToStream' | 'playable' | 'source'
>;

/** A video's details before anything is known about it: unknown numbers are -1, as in the model. */
export function unknownVideoDetails(): VideoDetails {
  return {
    uploaded: null,
    meta: {},
    readyToStreamAt: null,
    duration: -1,
    size: -1,
    input: { width: -1, height: -1 },
    thumbnail: null,
    thumbnailTimestampPct: 0,
    playback: null,
    downloads: null,
    maxDurationSeconds: -1,
    maxSizeBytes: -1,
    scheduledDeletion: null,
    outputsDeletedAt: null,
    watermark: null,
    requireSignedURLs: false,
    allowedOrigins: [],
    creator: null,
    trim: null,
    clippedFrom: null,
    renditions: [],
    deliveries: [],
  };
}
