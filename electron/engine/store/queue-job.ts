/**
 * The shapes of a queued video as the stages see it: what goes in, what a claim hands out, and
 * what a state change may carry.
 */
import type { MediaInfo } from '../../../shared/media-info';
import type { ErrorCode } from '../../../shared/error-codes';
import type { QualityPreset, VideoCodec } from '../../../shared/transcode-presets';
import type { Stage, Video, VideoSource } from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';
import type { StoredHeaders } from './stored-headers';
import type { VideoDoc } from './video-row';

/** What the user asked for that the Video object does not hold. */
export interface QueueOptions {
  ladder?: 'auto' | number[];
  /** The speed/quality preset and codec chosen for this video; absent: the settings' at transcode time. */
  preset?: QualityPreset;
  codec?: VideoCodec;
  /** false: the original is the output, no ladder. */
  transcode?: boolean;
  /** Delivery target ids: the video goes to the deliver stage once ready. */
  deliverTo?: string[];
  /** false: fetch from public addresses only (the link came through an HTTP door). */
  privateNetworks?: boolean;
  /** true: the link may redirect from https to plain http (the user allowed it). */
  allowInsecureRedirects?: boolean;
}

export interface NewVideo {
  /** A uid chosen before (a TUS upload's announced id); a new one otherwise. */
  uid?: string;
  source: VideoSource;
  /** The first stage: `fetch` for links, `probe` for local files. */
  stage: Stage;
  name?: string;
  sourceKey?: string;
  /** A file's content fingerprint (shared/content-fingerprint.ts), to flag the same file added again. */
  fingerprint?: string;
  /** The link's request headers: credentials only by reference to the vault (delivery/link-header-secrets). */
  requestHeaders?: StoredHeaders;
  priority?: number;
  doc?: Partial<VideoDoc>;
  options?: QueueOptions;
}

export interface ClaimedVideo {
  video: Video;
  /**
   * This attempt's number at this stage: each claim adds one; a new stage, a user's resume or
   * retry, an interrupted attempt and one that made progress start the count again.
   */
  attempts: number;
  /** As stored: read the credentials from the vault before sending (delivery/link-header-secrets). */
  storedHeaders: StoredHeaders;
  options: QueueOptions;
  /** Set by the probe stage for the stages after it. */
  mediaInfo: MediaInfo | null;
}

/** How a stage found its video: in the working state of its stage, under this process's lease. */
export interface Claim {
  state: VideoState;
  stage: Stage;
}

/** Where a claimed video was when its outcome could not be committed (`gone`: removed). */
export type Found = { state: VideoState; stage: Stage; owner: string | null } | 'gone';

export interface TransitionChange {
  stage?: Stage;
  pctComplete?: number;
  error?: { code: ErrorCode; text: string };
  doc?: Partial<VideoDoc>;
  mediaInfo?: MediaInfo;
  /** Where the source ended up: the final URL after redirects, the downloaded file. */
  source?: { url?: string; path?: string | null };
  nextAttemptAt?: number;
  /** Ends the current claim (work finished, failed or was interrupted). */
  releaseLease?: boolean;
  /** Starts the attempt count again (a retry asked for by the user). */
  resetAttempts?: boolean;
  /** Sets the attempt count: a stage that will try again says how many attempts have failed so far. */
  attempts?: number;
}
