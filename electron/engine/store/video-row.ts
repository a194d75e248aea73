/** Mapping between a `videos` row and the Video object. Pure. */
import {
  unknownVideoDetails,
  type Delivery,
  type Stage,
  type Video,
  type VideoDetails,
  type VideoSource,
} from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';
import type { ErrorCode } from '../../../shared/error-codes';

export interface VideoRow {
  seq: number;
  uid: string;
  created: string;
  modified: string;
  name: string;
  source_kind: 'url' | 'file';
  source_url: string | null;
  source_path: string | null;
  source_key: string | null;
  request_headers: string | null;
  state: VideoState;
  pct: number;
  stage: Stage;
  error_code: string | null;
  error_text: string | null;
  priority: number;
  attempts: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  heartbeat_at: number | null;
  doc: string;
  ingest_options: string | null;
  media_info: string | null;
  source_host: string | null;
  speed: number | null;
  eta: number | null;
}

/**
 * The parts of the Video object kept as JSON in `doc`, and `livePlayable`: the running transcode
 * publishes live (store/live-playback.ts), which makes the Video `playable` while it is in progress.
 */
export type VideoDoc = VideoDetails & { livePlayable?: boolean };

/** Whether a video plays now: its finished outputs, or its transcode's live ones while it runs. Pure. */
export function isPlayable(state: VideoState, stage: Stage, doc: VideoDoc): boolean {
  if (doc.outputsDeletedAt !== null || doc.playback === null) return false;
  return state === 'ready' || (state === 'inprogress' && stage === 'transcode' && doc.livePlayable === true);
}

/** `deliveries`: the video's rows in the deliveries table (the document's own list is always empty). */
export function rowToVideo(row: VideoRow, now = Date.now(), deliveries: Delivery[] = []): Video {
  // Defaults first: a document written by an older Ferry lacks the fields added since.
  const { livePlayable, ...details } = JSON.parse(row.doc) as Partial<VideoDoc>;
  const doc: VideoDoc = { ...unknownVideoDetails(), ...details };
  const playable = isPlayable(row.state, row.stage, { ...doc, ...(livePlayable ? { livePlayable } : {}) });
  const source: VideoSource = { kind: row.source_kind };
  if (row.source_url !== null) source.url = row.source_url;
  if (row.source_path !== null) source.path = row.source_path;
  const status: Video['status'] = { state: row.state, pctComplete: row.pct, step: row.stage };
  if (row.error_code !== null) status.errorReasonCode = row.error_code as ErrorCode;
  if (row.error_text !== null) status.errorReasonText = row.error_text;
  const waits = row.state === 'queued' || row.state === 'downloading' || row.stage === 'deliver';
  if (waits && row.next_attempt_at > now) {
    status.nextAttemptAt = new Date(row.next_attempt_at).toISOString();
  }
  if (row.speed !== null) status.bytesPerSecond = row.speed;
  if (row.eta !== null) status.etaSeconds = row.eta;
  return {
    ...doc,
    uid: row.uid,
    created: row.created,
    modified: row.modified,
    status,
    readyToStream: playable || (row.state === 'ready' && doc.outputsDeletedAt === null),
    playable,
    source,
    deliveries,
  };
}
