/**
 * What the deliver stage asks of a streaming service, one adapter per provider behind this
 * interface (providers/<provider>.ts): check a credential, push a file (TUS, or one form post),
 * ask the service to pull a link, and read the video's state there until the service says ready.
 * Adapters speak the documented HTTP shapes (../shared/reference/providers.md); the deliver stage
 * owns retries, resume, progress and the delivery's row.
 */
import type { DeliveryProvider, DeliveryTarget } from '../../../../shared/delivery-targets';
import type { PublicOnlyNetwork } from './public-only-fetch';

/** What every call to a service gets: the target (its endpoint resolved), its credential, a stop signal. */
export interface ProviderCall {
  target: DeliveryTarget;
  credential: string | null;
  signal: AbortSignal;
  /** Set for a target saved over ferry serve: every request goes through this guarded network. */
  publicOnly?: PublicOnlyNetwork;
}

/** The file a push sends. */
export interface PushFile {
  path: string;
  size: number;
  /** The video's name (its meta name, or the file's name). */
  name: string;
  /** Its MIME type. */
  type: string;
  /** How the video is to be served, for a service that takes it at creation (Cloudflare); absent: the service's defaults. */
  serving?: ServingOptions;
}

/** How the video is to be served, as Ferry keeps it (Cloudflare Stream's fields). */
export interface ServingOptions {
  requireSignedURLs: boolean;
  allowedOrigins: string[];
  thumbnailTimestampPct: number;
  scheduledDeletion: string | null;
  /** Set only when the video has one (Cloudflare Stream's creator id, at most 64 characters). */
  creator?: string;
  /** Set only when the video has a watermark image that the bytes the service gets do not carry. */
  watermark?: boolean;
  /** The video's length in seconds, when known: a service that takes the thumbnail as a time (Bunny) needs it. */
  durationSeconds?: number;
}

/** Provider state a push keeps between attempts (JSON in the delivery's row), besides the upload URL. */
export type PushState = Record<string, string | number | boolean | null>;

/** What an earlier attempt of this push left: continue from it where the service allows. */
export interface PushResume {
  uploadUrl: string | null;
  remoteId: string | null;
  state: PushState;
}

/** How to send the file by TUS, as the service wants it. */
export interface TusSession {
  /** Where a new upload is created; null when the service made the upload itself (`uploadUrl`). */
  endpoint: string | null;
  /** An upload to continue, or the one the service created. */
  uploadUrl: string | null;
  /** Upload-Metadata of the creation request. */
  metadata: Record<string, string>;
  /**
   * Headers for a request, asked before each one: an adapter whose authorisation expires (Bunny's
   * signature) renews it here before it runs out.
   */
  headers(): Record<string, string>;
  /** Bytes per PATCH, within the service's rules, from the stage's preferred size. */
  chunkSize: number;
  /** The service's id for the video, when known before the upload is created. */
  remoteId: string | null;
  /** The creation response header that names the service's id for the upload (Cloudflare `stream-media-id`). */
  remoteIdHeader?: string;
  /** Kept with the delivery for the next attempt. */
  state: PushState;
}

export interface TusPush {
  kind: 'tus';
  /**
   * Prepares an attempt: creates the video on the service when it must exist first (Gcore, Bunny,
   * Vimeo), or continues `resume`, renewing what has expired (a token, a signature).
   */
  session(call: ProviderCall, file: PushFile, resume: PushResume | null, chunkSize: number): Promise<TusSession>;
}

/** A push in one request (Twelve Labs' multipart task): not resumable, so it starts again when it fails. */
export interface FormPush {
  kind: 'form';
  /** `pace` waits until the upload bandwidth limit lets `bytes` more go (absent: no limit). */
  send(
    call: ProviderCall,
    file: PushFile,
    onProgress: (sent: number) => void,
    pace?: (bytes: number) => Promise<void>,
  ): Promise<{ remoteId: string }>;
}

/** A link for the service to fetch itself, with the request headers it needs. */
export interface PullLink {
  url: string;
  headers: Record<string, string>;
  name: string;
  /** How the video is to be served, for a service that takes it with the link (Cloudflare); absent: the service's defaults. */
  serving?: ServingOptions;
}

/** The video on the service, as the deliver stage follows it. */
export interface RemoteStatus {
  /** `ready` only when the service says so, as the target's `readyWhen` asks. */
  phase: 'processing' | 'ready' | 'error';
  /** The service's own word for the state (`downloading`, `viewable`, `indexing`…). */
  word: string;
  /** The service's progress, 0 to 100, when it gives one. */
  pct?: number;
  playbackUrl?: string;
  /** With `error`: the service's own reason, quoted to the user. */
  error?: string;
}

/** The media facts an adapter may check against the service's input limits before sending. */
export interface MediaFacts {
  size: number;
  width: number;
  height: number;
  /** Seconds; -1 when unknown. */
  duration: number;
}

export interface ProviderAdapter {
  id: DeliveryProvider;
  /**
   * The upload's authorisation runs out and the next attempt's session renews it (Bunny's
   * signature, Gcore's token): a 401 or 403 during a push is retried, not failed.
   */
  renewsAuthorization?: true;
  /** Asks the service something harmless that needs the credential; answers what it found, in a sentence. */
  test(call: ProviderCall): Promise<string>;
  /**
   * Why the service would refuse this video (its documented limits), or null: asked before a push
   * and before a pull. It may ask the service what the limits depend on (Twelve Labs' index models).
   */
  refuses?(media: MediaFacts, call?: ProviderCall): string | null | Promise<string | null>;
  /** Which of the video's serving options the service cannot take, in a sentence for the delivery's notice, or null. */
  servingNotice?(serving: ServingOptions): string | null;
  /** Absent for a pull-only service (Omega Stream). */
  push?: TusPush | FormPush;
  /** Absent for a service that cannot pull (Vimeo, a TUS server). */
  pull?(call: ProviderCall, link: PullLink): Promise<{ remoteId: string }>;
  /** Absent when the service has nothing to follow: a TUS server holds the file once the upload ends. */
  status?(call: ProviderCall, remoteId: string): Promise<RemoteStatus>;
}
