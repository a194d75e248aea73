/**
 * The contract between the UI and the engine: every command the UI can call, its input and its
 * answer, and the events it receives. Every caller goes through the engine's one dispatcher
 * (electron/engine/api/dispatch.ts), which validates inputs with `commandSchemas`
 * (validate-command.ts) and answers envelopes (ferry-error.ts); the preload, the IPC handlers in
 * main, the CLI and the server of `ferry serve` are all generated from `commandNames`.
 */
import type { DeliveryTarget, DeliveryTargetInput, TargetTest } from './delivery-targets';
import type { EngineStatus } from './engine-status';
import type { Envelope } from './ferry-error';
import type { LinkCheck, ListFormat, ListInput } from './link-check';
import type { ShareLinks } from './share-links';
import type { QualityPreset, TranscodeChoice, VideoCodec } from './transcode-presets';
import type { Trim } from './trim';
import type { Stage, Video, Watermark } from './video';
import type { VideoState } from './video-states';

export interface IngestOptions {
  /** `auto`, or the heights of the renditions wanted (never upscaled). */
  ladder?: 'auto' | number[];
  /** Speed against size at the same quality (x264 preset and RF); absent: the settings' `transcode.preset`. */
  preset?: QualityPreset;
  /** The ladder's codec; absent: the settings' `transcode.codec`. */
  codec?: VideoCodec;
  thumbnailTimestampPct?: number;
  maxDurationSeconds?: number;
  maxSizeBytes?: number;
  /** In and out points, seconds of the source: only this part is transcoded and delivered. */
  trim?: Trim;
  watermark?: Watermark;
  meta?: Record<string, string>;
  /** false: keep the original as the output and skip the ladder (for moving files to a provider). */
  transcode?: boolean;
  /** ISO date after which the video's outputs are deleted (Cloudflare Stream's scheduledDeletion). */
  scheduledDeletion?: string;
  /** Ids of delivery targets (listTargets) to send the finished video to. */
  deliverTo?: string[];
  /**
   * false: the link may reach public addresses only (not loopback, private or link-local ones, on
   * any hop). The HTTP doors of Ferry set it for every link they take, unless they were allowed.
   */
  privateNetworks?: boolean;
  /**
   * true: a link may redirect from https to plain http (its request then travels in clear text,
   * without the link's headers). Off by default: such a redirect ends the video in error.
   */
  allowInsecureRedirects?: boolean;
  /**
   * Names of request headers to keep in the credential vault, never in ferry.db, besides those
   * whose names say they are credentials (Authorization, Cookie, X-Api-Key, *-Token, *-Secret…).
   */
  secretHeaders?: string[];
  /** The Video object's fields of the same names (Cloudflare Stream's). */
  requireSignedURLs?: boolean;
  allowedOrigins?: string[];
  creator?: string;
  /**
   * `allow`: each link or file becomes a video of its own even when the same one is already queued
   * or finished (Cloudflare's and Omega's APIs: every copy is a new video). The HTTP API doors set
   * it; the default reports such an input as a duplicate ("already in the queue").
   */
  duplicates?: 'report' | 'allow';
}

export interface NewLink {
  url: string;
  name?: string;
  /** Sent to the origin only; stored for the download, never shown again. */
  headers?: Record<string, string>;
  meta?: Record<string, string>;
}

export type Selection = { uids: string[] } | { all: true };

export interface AddResult {
  queued: Video[];
  duplicates: { input: string; uid: string }[];
  invalid: { input: string; reason: string }[];
  /** Files inside an added folder that were left out (not videos), with why. */
  skipped?: { input: string; reason: string }[];
}

export interface ImportReport {
  queued: number;
  /** The queued videos' uids, in list order. */
  uids: string[];
  duplicates: { line: number; url: string; uid: string }[];
  invalid: { line: number; text: string; reason: string }[];
}

/** A video whose file had the content of a fingerprint looked up (shared/content-fingerprint.ts). */
export interface FingerprintMatch {
  fingerprint: string;
  uid: string;
  name: string;
  state: VideoState;
}

/**
 * The orders a list can be asked in, each with its natural direction: `queue` the order the work
 * will run in (running, then waiting by position, then paused, failed, canceled, ready), `added`
 * newest first, `name` A to Z, `state` as `queue` groups them, `size` and `progress` largest first.
 */
export const listSorts = ['queue', 'added', 'name', 'state', 'size', 'progress'] as const;
export type ListSort = (typeof listSorts)[number];
/** Whether each sort reads ascending when `asc` is not given. */
export const naturallyAscending: Record<ListSort, boolean> = {
  queue: true,
  added: false,
  name: true,
  state: true,
  size: false,
  progress: false,
};

/** Where `move` puts a video: at an end, one place up or down among the videos of its state, or just before another. */
export type QueueMove = { uid: string; to: 'top' | 'up' | 'down' | 'bottom' } | { uid: string; before: string };

export interface ListQuery {
  state?: VideoState;
  stage?: Stage;
  /** Matches the name, the link or the file path. */
  search?: string;
  limit?: number;
  offset?: number;
  /**
   * Without `sort`: oldest first; the default is newest first, as in Cloudflare Stream's list.
   * With `sort`: ascending or descending; absent, the sort's natural direction (see ListSort).
   */
  asc?: boolean;
  /** The list's order; absent, newest first (Cloudflare Stream's). */
  sort?: ListSort;
  /** Only the videos of this creator (the Video object's `creator`). */
  creator?: string;
  /** Only videos created at or after this ISO date-time (Cloudflare Stream's `start`; `after` is its older name). */
  start?: string;
  /** Only videos created at or before this ISO date-time (Cloudflare Stream's `end`; `before` is its older name). */
  end?: string;
}

/**
 * What `edit` may change on a video: its metadata and the fields that say how it is served. A
 * `meta` key given with an empty string is removed; `null` clears scheduledDeletion or creator.
 */
export interface VideoEdit {
  meta?: Record<string, string>;
  requireSignedURLs?: boolean;
  allowedOrigins?: string[];
  thumbnailTimestampPct?: number;
  scheduledDeletion?: string | null;
  maxDurationSeconds?: number;
  creator?: string | null;
  /** New in and out points (null: the whole source); a video already transcoded is transcoded again. */
  trim?: Trim | null;
}

export interface VideoPage {
  videos: Video[];
  total: number;
}

/** The disk holding the data directory is short of space: where, how much, and what to do (`message`). */
export interface DiskNotice {
  kind: 'low' | 'full';
  dataDir: string;
  freeBytes: number;
  /** What the stopped work (or the `minFreeDiskBytes` guard) needs free. */
  neededBytes: number;
  /** Says the folder, the space free and needed, and to free space or move the library, then resume. */
  message: string;
}

/** Whether the queue as a whole is taking new work. Survives a restart (except the disk guard, which is measured). */
export interface QueueControl {
  /** Paused by the user ("pause all"): running work is stopped, nothing new starts. */
  paused: boolean;
  /** Running work finishes, nothing new starts; then the queue pauses. */
  stopAfterCurrent: boolean;
  /** Free space in the data directory is under `minFreeDiskBytes`; clears itself when there is room. */
  lowDiskSpace: boolean;
  /**
   * Why the disk stops the queue, when it does: under `minFreeDiskBytes` (`low`, clears itself), or
   * a write failed on a full disk (`full`: the queue is paused, the work kept, until resumed).
   */
  disk?: DiskNotice;
  /**
   * Present outside the download hours (`Settings.download.hours`): links wait to download until
   * this local time of the engine's machine, `HH:MM`. Other stages go on.
   */
  downloadsWaitUntil?: string;
}

/**
 * The current batch, for the queue's overall progress bar: the videos added since the queue was
 * last empty (nothing queued, working or paused), plus older ones brought back into the queue
 * (resumed, retried). It ends when the queue is empty again; the next video starts a new one.
 */
export interface QueueBatch {
  /** Videos of the batch at an end: ready, failed or canceled. */
  done: number;
  total: number;
  /** Bytes of the batch's links downloaded so far, of those whose size is known (failed and canceled ones left out). */
  bytesDone: number;
  bytesTotal: number;
}

export interface QueueTotals {
  byState: Record<VideoState, number>;
  total: number;
  /** Download speed of the whole queue, bytes per second. */
  bytesPerSecond: number;
  /**
   * Time until the downloads and transcodes that will run are done: the bytes left to download
   * and the media left to transcode, at the rates measured, as many at once as the limits allow
   * (engine/run/queue-estimate.ts). -1 when nothing runs (paused, short of disk, idle) or unknown.
   */
  etaSeconds: number;
  batch: QueueBatch;
  queue: QueueControl;
}

export interface Settings {
  concurrency: { downloads: number; downloadsPerHost: number; transcodes: number; deliveries: number };
  /** Receives a signed POST when a video reaches ready or error. */
  webhookUrl: string | null;
  /** Used for every video added without its own ladder or thumbnail position. */
  defaults: { ladder: 'auto' | number[]; thumbnailTimestampPct: number };
  /**
   * How ladders are encoded: bitrate caps per title or fixed, the speed/quality preset and the
   * codec of videos added without their own (read when the video is transcoded).
   */
  transcode: TranscodeChoice;
  /** The queue pauses when free space in the data directory falls below this. */
  minFreeDiskBytes: number;
  keepOriginal: boolean;
  /**
   * The desktop app's own `ferry serve` (the API, the media and the UI in a browser) on
   * 127.0.0.1:port, token required; off unless turned on. A headless Ferry runs `ferry serve`.
   */
  serve: { enabled: boolean; port: number };
  /** TUS uploads to `ferry serve`: none may be larger than this (announced as `Tus-Max-Size`). */
  uploads: { maxSizeBytes: number };
  /** How the UI looks and behaves, the same in the app and in a browser on `ferry serve`. */
  ui: {
    theme: 'system' | 'light' | 'dark';
    /** Offer links copied in other apps when Ferry's window gets focus. Off unless turned on. */
    watchClipboard: boolean;
    /** The queue's rows: `compact` fits about twice as many; absent, `comfortable`. */
    density?: 'comfortable' | 'compact';
  };
  delivery: {
    /** Ids of the targets every finished video is delivered to, unless it was added with its own `deliverTo`. */
    deliverTo: string[];
    /** The most bytes a second all pushes together may send; null for no limit. */
    maxUploadBytesPerSecond: number | null;
  };
  /** Link downloads, all together. */
  download: {
    /** The most bytes a second all downloads together may receive; null for no limit. */
    maxBytesPerSecond: number | null;
    /**
     * Downloads start only between these local times (`HH:MM`, end excluded; an end before the
     * start runs past midnight), and stop at the end keeping their bytes; null for any time.
     */
    hours: { start: string; end: string } | null;
  };
  /** Signs every webhook (Cloudflare Stream's scheme). Generated by Ferry, shown so receivers can verify. */
  webhookSecret: string;
  /**
   * Where finished videos are kept: the data directory's `library` folder until moved with
   * `moveLibrary` (the Settings screen's Move…, `ferry settings library <path>`).
   */
  library: string;
}

/** A library move under way (`moveLibrary`): its step and how far it is. */
export interface LibraryMove {
  /** The new library folder. */
  to: string;
  /**
   * `stopping-work`: the queue is paused and running work stops (it starts again in the new
   * library); `copying`; `verifying` (each copy read back against its source's SHA-256);
   * `switching` (one durable write makes the new library the one in use); `removing` the old
   * copies; `unfinished`: made by another process, or cut short by a crash and ended (finished or
   * rolled back) at the next start.
   */
  phase: 'stopping-work' | 'copying' | 'verifying' | 'switching' | 'removing' | 'unfinished';
  bytesDone: number;
  /** Copying and verifying each read every byte once: twice the library's size. */
  bytesTotal: number;
}

export interface LibraryStatus {
  /** The library in use (Settings.library). */
  library: string;
  /** Free bytes on the library's volume. */
  freeBytes: number;
  move: LibraryMove | null;
}

/** What `setSettings` may change: everything but the generated secret and the library's place. */
export type SettingsPatch = Partial<Omit<Settings, 'webhookSecret' | 'library'>> & {
  /**
   * With `webhookUrl`: false keeps the webhook to public addresses (not loopback, private or
   * link-local ones). The HTTP doors of Ferry set it whenever they set the URL, unless they were
   * allowed; a URL set without it (the app, the CLI) may reach a receiver on the user's network.
   */
  webhookPrivateNetworks?: boolean;
};

/** One entry of a video's history: a state change, a retry, a webhook attempt, an ffmpeg error's tail… */
export interface VideoEvent {
  /** ISO date-time. */
  at: string;
  /** For example `transition`, `retry`, `interrupted`, `recovered`, `webhook`, `delivered`. */
  type: string;
  data: Record<string, unknown>;
}

/** A webhook as received: checked against a data directory's secret, or the one given. */
export interface WebhookCheckInput {
  /** The `Webhook-Signature` header's value. */
  signature: string;
  /** The body exactly as received (Ferry sends UTF-8 JSON). */
  body: string;
  /** Default: this data directory's `webhookSecret`. */
  secret?: string;
  /** How old (or how far ahead) the signing time may be; default 300. */
  toleranceSeconds?: number;
}

export type WebhookCheck = { valid: true; signedAt: string } | { valid: false; reason: string };

/** Each command: what it takes and what it answers. */
export interface CommandMap {
  addLinks: { input: { links: NewLink[]; options?: IngestOptions }; output: AddResult };
  /**
   * `uid`: the new video's uid, for one file (a TUS upload's `stream-media-id`): refused with
   * INVALID_INPUT when a video already has it.
   */
  addFiles: { input: { paths: string[]; options?: IngestOptions; uid?: string }; output: AddResult };
  importList: { input: ListInput & { options?: IngestOptions }; output: ImportReport };
  /**
   * What addLinks or importList would do with this text, without queueing anything: for a confirm
   * sheet or a list preview. `limit` rows, by line; with `problemsFirst`, the invalid and
   * duplicate lines come before the new ones, so a preview can show every line that will not be queued.
   */
  checkLinks: {
    input: { content: string; format?: ListFormat; limit?: number; problemsFirst?: boolean };
    output: LinkCheck;
  };
  pause: { input: Selection; output: { changed: number } };
  resume: { input: Selection; output: { changed: number } };
  cancel: { input: Selection; output: { changed: number } };
  retry: { input: Selection; output: { changed: number } };
  remove: { input: Selection & { deleteOutputs?: boolean }; output: { removed: number } };
  /**
   * Sends ready videos to these targets, whenever the targets were added: a target a video was
   * never sent to gets a new delivery, one that finished or failed is sent again from nothing (the
   * video was deleted at the service), one still at work is left alone. `notReady`: selected
   * videos with nothing to send (not ready, or their outputs deleted).
   */
  deliver: { input: Selection & { targets: string[] }; output: { queued: number; videos: number; notReady: number } };
  /**
   * Where a ready video's outputs are and, when a server serves them, their URLs and embed
   * snippets; signed for `expiresInSeconds` (default a day) when the video requires signed URLs.
   */
  shareLinks: { input: { uid: string; expiresInSeconds?: number }; output: ShareLinks };
  /** Puts one waiting video ahead of every other. */
  moveToTop: { input: { uid: string }; output: Video };
  /** Reorders the queue: where `uid` runs next to the others (QueueMove); answers the video moved. */
  move: { input: QueueMove; output: Video };
  pauseQueue: { input: void; output: QueueTotals };
  resumeQueue: { input: void; output: QueueTotals };
  stopAfterCurrent: { input: void; output: QueueTotals };
  list: { input: ListQuery; output: VideoPage };
  get: { input: { uid: string }; output: Video };
  /** Changes a video's metadata and serving fields (Cloudflare Stream's edit); answers the video as it is now. */
  edit: { input: { uid: string; changes: VideoEdit }; output: Video };
  /**
   * A new video that is the part `start`..`end` (seconds of the video as it plays, after its own
   * trim) of another (Cloudflare Stream's clip); `options` as for addFiles. Answers the new video.
   */
  clip: { input: { uid: string; start: number; end: number; options?: IngestOptions }; output: Video };
  /** The videos of these uids that exist, in the order given; a uid with no video is left out. */
  getMany: { input: { uids: string[] }; output: Video[] };
  /** A video's history, oldest first. */
  history: { input: { uid: string }; output: VideoEvent[] };
  /** For each fingerprint a file had when added, the newest video with it; a fingerprint with none is left out. */
  findByFingerprint: { input: { fingerprints: string[] }; output: FingerprintMatch[] };
  totals: { input: void; output: QueueTotals };
  getSettings: { input: void; output: Settings };
  setSettings: { input: SettingsPatch; output: Settings };
  /** Where the library is, its volume's free space, and the move under way if any. */
  libraryStatus: { input: void; output: LibraryStatus };
  /**
   * Moves the library to `to` (an empty or new folder with room for it, outside the library):
   * copied, verified, switched to in one durable write, then the old copies removed; the queue
   * is paused meanwhile. Answers once the new library is in use; a failure leaves the old one.
   */
  moveLibrary: { input: { to: string }; output: LibraryStatus };
  listTargets: { input: void; output: DeliveryTarget[] };
  saveTarget: { input: DeliveryTargetInput; output: DeliveryTarget };
  removeTarget: { input: { id: string }; output: { removed: boolean } };
  /** Asks the target's service whether it answers and takes the stored credential; sends no video. */
  testTarget: { input: { id: string }; output: TargetTest };
  /** Whether a webhook's signature is Ferry's (Cloudflare Stream's scheme), and if not, why. */
  verifyWebhook: { input: WebhookCheckInput; output: WebhookCheck };
  /** Whether the engine's process is up; when it gave up restarting (`stopped`), starts it again. */
  restartEngine: { input: void; output: EngineStatus };
}

export type CommandName = keyof CommandMap;
export type CommandInput<K extends CommandName> = CommandMap[K]['input'];
export type CommandOutput<K extends CommandName> = CommandMap[K]['output'];

// A record, so that adding a command to CommandMap without listing it here fails to compile.
const commandSet: Record<CommandName, true> = {
  addLinks: true,
  addFiles: true,
  importList: true,
  checkLinks: true,
  pause: true,
  resume: true,
  cancel: true,
  retry: true,
  remove: true,
  moveToTop: true,
  move: true,
  deliver: true,
  shareLinks: true,
  pauseQueue: true,
  resumeQueue: true,
  stopAfterCurrent: true,
  list: true,
  get: true,
  edit: true,
  clip: true,
  getMany: true,
  history: true,
  findByFingerprint: true,
  totals: true,
  getSettings: true,
  setSettings: true,
  libraryStatus: true,
  moveLibrary: true,
  listTargets: true,
  saveTarget: true,
  removeTarget: true,
  testTarget: true,
  verifyWebhook: true,
  restartEngine: true,
};
export const commandNames = Object.keys(commandSet) as CommandName[];

export type FerryCommands = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<CommandOutput<K>>;
};

/** Events pushed to the UI. `videos` is batched: at most about ten messages a second. */
export interface FerryEvents {
  videos: Video[];
  /** Uids of videos removed from the queue. */
  removed: string[];
  totals: QueueTotals;
  /** The engine's process died, is restarting, gave up, or is back (then reload what is shown). */
  engine: EngineStatus;
  /** The settings as saved by setSettings, whoever called it (another window, the CLI's server, main). */
  settings: Settings;
}
export type EventName = keyof FerryEvents;
export const eventNames: EventName[] = ['videos', 'removed', 'totals', 'engine', 'settings'];

export type Subscribe = <E extends EventName>(event: E, listener: (payload: FerryEvents[E]) => void) => () => void;

/** What the renderer's code talks to, whatever the transport behind it: failures are thrown FerryErrors. */
export interface FerryApi extends FerryCommands {
  on: Subscribe;
}

/**
 * What the preload exposes as `window.ferry`: each command answers its envelope unchanged, since
 * Electron's contextBridge would drop a thrown error's code. The renderer's transport unwraps it.
 */
export type FerryBridge = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<Envelope<CommandOutput<K>>>;
} & { on: Subscribe };

/** IPC channel names, shared by the preload and main. */
export const commandChannel = (name: CommandName): string => `ferry:${name}`;
export const eventChannel = (name: EventName): string => `ferry:event:${name}`;
