/**
 * The contract between the UI and the engine: every command the UI can call, its input and its
 * answer, and the events it receives. The preload, the IPC handlers in main and (later) the
 * headless server are all generated from `commandNames`; inputs are validated at each boundary
 * by `commandSchemas` (validate-command.ts).
 */
import type { Stage, Video, Watermark } from './video';
import type { VideoState } from './video-states';

export interface IngestOptions {
  /** `auto`, or the heights of the renditions wanted (never upscaled). */
  ladder?: 'auto' | number[];
  thumbnailTimestampPct?: number;
  maxDurationSeconds?: number;
  maxSizeBytes?: number;
  watermark?: Watermark;
  meta?: Record<string, string>;
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
}

export interface ImportReport {
  queued: number;
  /** The queued videos' uids, in list order. */
  uids: string[];
  duplicates: { line: number; url: string; uid: string }[];
  invalid: { line: number; text: string; reason: string }[];
}

export interface ListQuery {
  state?: VideoState;
  stage?: Stage;
  /** Matches the name, the link or the file path. */
  search?: string;
  limit?: number;
  offset?: number;
  /** Oldest first; the default is newest first, as in Cloudflare Stream's list. */
  asc?: boolean;
}

export interface VideoPage {
  videos: Video[];
  total: number;
}

export interface QueueTotals {
  byState: Record<VideoState, number>;
  total: number;
}

export interface Settings {
  concurrency: { downloads: number; downloadsPerHost: number; transcodes: number; deliveries: number };
  /** Receives a signed POST when a video reaches ready or error. */
  webhookUrl: string | null;
  /** The queue pauses when free space in the data directory falls below this. */
  minFreeDiskBytes: number;
  keepOriginal: boolean;
}

export type DeliveryProvider = 'cloudflare' | 'gcore' | 'bunny' | 'vimeo' | 'twelvelabs' | 'tus';

export interface DeliveryTarget {
  id: string;
  name: string;
  provider: DeliveryProvider;
  mode: 'tus' | 'pull';
  endpoint: string;
  /** Whether a credential is stored (the credential itself never leaves main). */
  hasCredential: boolean;
}

export interface DeliveryTargetInput {
  id?: string;
  name: string;
  provider: DeliveryProvider;
  mode: 'tus' | 'pull';
  endpoint: string;
  credential?: string;
}

/** Each command: what it takes and what it answers. */
export interface CommandMap {
  addLinks: { input: { links: NewLink[]; options?: IngestOptions }; output: AddResult };
  addFiles: { input: { paths: string[]; options?: IngestOptions }; output: AddResult };
  importList: { input: { path: string; options?: IngestOptions }; output: ImportReport };
  pause: { input: Selection; output: { changed: number } };
  resume: { input: Selection; output: { changed: number } };
  cancel: { input: Selection; output: { changed: number } };
  retry: { input: Selection; output: { changed: number } };
  remove: { input: Selection & { deleteOutputs?: boolean }; output: { removed: number } };
  list: { input: ListQuery; output: VideoPage };
  get: { input: { uid: string }; output: Video };
  totals: { input: void; output: QueueTotals };
  getSettings: { input: void; output: Settings };
  setSettings: { input: Partial<Settings>; output: Settings };
  listTargets: { input: void; output: DeliveryTarget[] };
  saveTarget: { input: DeliveryTargetInput; output: DeliveryTarget };
  removeTarget: { input: { id: string }; output: { removed: boolean } };
}

export type CommandName = keyof CommandMap;
export type CommandInput<K extends CommandName> = CommandMap[K]['input'];
export type CommandOutput<K extends CommandName> = CommandMap[K]['output'];

// A record, so that adding a command to CommandMap without listing it here fails to compile.
const commandSet: Record<CommandName, true> = {
  addLinks: true,
  addFiles: true,
  importList: true,
  pause: true,
  resume: true,
  cancel: true,
  retry: true,
  remove: true,
  list: true,
  get: true,
  totals: true,
  getSettings: true,
  setSettings: true,
  listTargets: true,
  saveTarget: true,
  removeTarget: true,
};
export const commandNames = Object.keys(commandSet) as CommandName[];

export type FerryCommands = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<CommandOutput<K>>;
};

/** Events pushed to the UI. `videos` is batched: at most about ten messages a second. */
export interface FerryEvents {
  videos: Video[];
  totals: QueueTotals;
}
export type EventName = keyof FerryEvents;
export const eventNames: EventName[] = ['videos', 'totals'];

/** What the renderer sees as `window.ferry`, whatever the transport behind it. */
export interface FerryApi extends FerryCommands {
  on<E extends EventName>(event: E, listener: (payload: FerryEvents[E]) => void): () => void;
}

/** IPC channel names, shared by the preload and main. */
export const commandChannel = (name: CommandName): string => `ferry:${name}`;
export const eventChannel = (name: EventName): string => `ferry:event:${name}`;
