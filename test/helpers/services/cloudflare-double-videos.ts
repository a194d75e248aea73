/**
 * The videos of the Cloudflare Stream double: the `{result, success, errors, messages}` envelope,
 * the Video object as the official SDK types it (npm `cloudflare` 7.3.0,
 * resources/stream/stream.d.ts `Video`; checked by cloudflare-sdk-shapes.ts in the SDK test), and
 * the states a video goes through (providers.md §1(c), from Stream's docs), one scripted step per
 * status GET once it has arrived (upload finished, or link fetched). Fields the SDK types as
 * optional strings are left out rather than answered null.
 */

/** Error codes Stream documents for `status.errorReasonCode`. */
export type CloudflareErrorCode =
  | 'ERR_NON_VIDEO'
  | 'ERR_DURATION_EXCEED_CONSTRAINT'
  | 'ERR_FETCH_ORIGIN_ERROR'
  | 'ERR_MALFORMED_VIDEO'
  | 'ERR_DURATION_TOO_SHORT'
  | 'ERR_UNKNOWN';

/** The double's wording for each code (Stream documents the codes, not their texts). */
export const errorTexts: Record<CloudflareErrorCode, string> = {
  ERR_NON_VIDEO: 'The file is not a video Stream can read.',
  ERR_DURATION_EXCEED_CONSTRAINT: 'The video is longer than maxDurationSeconds allows.',
  ERR_FETCH_ORIGIN_ERROR: 'The video could not be downloaded from its URL.',
  ERR_MALFORMED_VIDEO: 'The video is malformed and could not be decoded.',
  ERR_DURATION_TOO_SHORT: 'The video is shorter than 0.1 seconds.',
  ERR_UNKNOWN: 'Stream could not process the video.',
};

export interface ScriptStep {
  state: 'queued' | 'inprogress' | 'ready';
  /** A string, as Stream sends it ("50.000000"). */
  pctComplete?: string;
  /** Default: true at `ready`, false before. */
  readyToStream?: boolean;
}

/** Queued, half encoded, ready: one step per status GET. */
export const defaultScript: readonly ScriptStep[] = [
  { state: 'queued' },
  { state: 'inprogress', pctComplete: '50.000000' },
  { state: 'ready', pctComplete: '100.000000' },
];

/** How Stream serves the video, as the copy's body or the upload's metadata and Upload-Creator set it. */
export interface ServingFields {
  requireSignedURLs: boolean;
  allowedOrigins: string[];
  thumbnailTimestampPct: number;
  scheduledDeletion?: string;
  creator?: string;
}

export const defaultServing = (): ServingFields => ({
  requireSignedURLs: false,
  allowedOrigins: [],
  thumbnailTimestampPct: 0,
});

export interface DoubleVideo {
  uid: string;
  serving: ServingFields;
  name: string;
  created: string;
  size: number;
  /** `pendingupload` or `downloading` until it arrives; then the script; `error` at once if fetching failed. */
  arrival: 'pendingupload' | 'downloading' | 'arrived' | 'failed';
  /** The step the next status GET answers. */
  step: number;
  /** When the script ends in error, or the fetch failed: the reason. */
  error?: { code: CloudflareErrorCode; text: string };
  /** For a pull: the link it was fetched from. */
  downloadedFrom?: string;
  /** For a push: the TUS upload's id. */
  uploadId?: string;
  /** For a pull: the bytes fetched. */
  fetched?: Buffer;
}

export interface VideoScript {
  steps: readonly ScriptStep[];
  /** Instead of its last step, the script ends in this error. */
  endsIn?: CloudflareErrorCode;
  /** Write the reason as the webhook page does (`errReasonCode`/`errReasonText`). */
  legacyErrorFields?: boolean;
}

export const envelope = (result: unknown) => ({ result, success: true, errors: [], messages: [] });
export const failure = (code: number, message: string) => ({
  result: null,
  success: false,
  errors: [{ code, message }],
  messages: [],
});

type Status = { state: string; pctComplete?: string } & Record<string, string>;

/** Where the video stands now; `advance`: a status GET, which moves the script on by one step. */
function statusOf(
  video: DoubleVideo,
  script: VideoScript,
  advance: boolean,
): { status: Status; readyToStream: boolean } {
  const reason = (error: { code: CloudflareErrorCode; text: string }): Record<string, string> =>
    script.legacyErrorFields
      ? { errReasonCode: error.code, errReasonText: error.text }
      : { errorReasonCode: error.code, errorReasonText: error.text };
  if (video.arrival === 'pendingupload' || video.arrival === 'downloading')
    return { status: { state: video.arrival }, readyToStream: false };
  if (video.arrival === 'failed' && video.error)
    return { status: { state: 'error', ...reason(video.error) }, readyToStream: false };
  const last = script.steps.length - 1;
  const index = Math.min(video.step, last);
  if (advance) video.step = index + 1;
  if (index === last && script.endsIn) {
    video.error = { code: script.endsIn, text: errorTexts[script.endsIn] };
    return { status: { state: 'error', ...reason(video.error) }, readyToStream: false };
  }
  const step = script.steps[index] ?? { state: 'ready' };
  const status: Status = { state: step.state };
  if (step.pctComplete !== undefined) status.pctComplete = step.pctComplete;
  return { status, readyToStream: step.readyToStream ?? step.state === 'ready' };
}

/** The Video object (upload-via-link's example, in the SDK's types), answered by copy, get (`advance`) and list. */
export function videoObject(video: DoubleVideo, origin: string, script: VideoScript, advance = false) {
  const { status, readyToStream } = statusOf(video, script, advance);
  const media = `${origin}/${video.uid}`;
  return {
    uid: video.uid,
    thumbnail: `${media}/thumbnails/thumbnail.jpg`,
    thumbnailTimestampPct: video.serving.thumbnailTimestampPct,
    readyToStream,
    status,
    meta: { name: video.name, ...(video.downloadedFrom ? { 'downloaded-from': video.downloadedFrom } : {}) },
    created: video.created,
    modified: new Date().toISOString(),
    size: video.size,
    preview: `${media}/watch`,
    allowedOrigins: video.serving.allowedOrigins,
    requireSignedURLs: video.serving.requireSignedURLs,
    ...(video.serving.scheduledDeletion ? { scheduledDeletion: video.serving.scheduledDeletion } : {}),
    ...(video.serving.creator ? { creator: video.serving.creator } : {}),
    uploaded: video.created,
    maxSizeBytes: 0,
    maxDurationSeconds: 0,
    duration: -1,
    input: { width: -1, height: -1 },
    playback: { hls: `${media}/manifest/video.m3u8`, dash: `${media}/manifest/video.mpd` },
  };
}
