/** What the stages, the delivery steps, housekeeping and the engine's commands share while the engine runs. */
import type { DataPaths } from '../data-paths';
import type { BandwidthLimit } from '../delivery/bandwidth-limit';
import type { CredentialVault } from '../delivery/credential-vault';
import type { PublicOnlyNetwork } from '../delivery/providers/public-only-fetch';
import { findMediaTools, type MediaTools } from '../media/find-media-tools';
import type { DeliveryStore } from '../store/delivery-store';
import type { LibraryPathsStore } from '../store/library-paths';
import type { QueueBatchStore } from '../store/queue-batch';
import type { QueueControlStore } from '../store/queue-control';
import type { QueueEdits } from '../store/queue-edits';
import type { QueueWork } from '../store/queue-work';
import type { SettingsStore } from '../store/settings-store';
import type { TargetStore } from '../store/target-store';
import type { VideoStore } from '../store/video-store';
import type { HostSlowdown } from './host-slowdown';
import type { VideoChangeFeed } from './video-change-feed';
import type { WorkRates } from './work-rates';

export interface EngineContext {
  store: VideoStore;
  edits: QueueEdits;
  control: QueueControlStore;
  settings: SettingsStore;
  targets: TargetStore;
  /** Where the targets' credentials are kept (never in the database). */
  credentials: CredentialVault;
  deliveries: DeliveryStore;
  paths: DataPaths;
  /** The library's paths in the database, rewritten when the library moves. */
  libraryPaths: LibraryPathsStore;
  feed: VideoChangeFeed;
  env: NodeJS.ProcessEnv;
  /** Work in progress in this process, by video uid (cancel, pause and quit stop it). */
  running: Map<string, RunningWork>;
  /** Lease length for claimed work; renewed by a heartbeat while the work runs. */
  leaseMs: number;
  hosts: HostSlowdown;
  /** Delivery hosts that asked to slow down (429, 503): no request goes there until they allow it. */
  deliveryHosts: HostSlowdown;
  /** The upload bandwidth limit all pushes share (settings.delivery.maxUploadBytesPerSecond). */
  uploadLimit: BandwidthLimit;
  /** The download bandwidth limit all link downloads share (settings.download.maxBytesPerSecond). */
  downloadLimit: BandwidthLimit;
  /** What the queue still has to do, and its current batch: for the time left and the overall progress bar. */
  work: QueueWork;
  batch: QueueBatchStore;
  /** The download and transcode rates the time left is measured at. */
  rates: WorkRates;
  /** Set by the disk guard while free space is under the threshold. */
  lowDiskSpace: boolean;
  /** When housekeeping last looked at the disk and at scheduled deletions (epoch ms). */
  housekeeping: { diskCheckedAt: number; deletionsCheckedAt: number };
  /** Where what a caller over ferry serve saved (a target) connects: public addresses only, and those allowed. */
  publicOnly: PublicOnlyNetwork;
  /** Called after each piece of work (the webhook sender looks for new webhooks then). */
  onWorkDone(): void;
}

export interface RunningWork {
  /** Stops the work (kills its ffmpeg). */
  stop(): void;
  /** Settles when the work has stopped and cleaned up after itself. */
  finished: Promise<void>;
}

export function mediaTools(context: EngineContext): Promise<MediaTools> {
  return findMediaTools(context.env);
}

/**
 * Registers a stage's work so that cancel, pause and quit can stop it, and keeps its claim
 * alive while it runs. Call `end` when the work is over, however it ended.
 */
export function trackRunningWork(context: EngineContext, uid: string): { signal: AbortSignal; end(): void } {
  const controller = new AbortController();
  let markFinished = () => {};
  const finished = new Promise<void>((resolve) => (markFinished = resolve));
  const entry: RunningWork = { stop: () => controller.abort(), finished };
  context.running.set(uid, entry);
  const heartbeat = setInterval(() => context.store.heartbeat(uid, context.leaseMs), context.leaseMs / 3);
  return {
    signal: controller.signal,
    end() {
      clearInterval(heartbeat);
      // Only its own entry: newer work on the video, if any, is not this one's to unregister.
      if (context.running.get(uid) === entry) context.running.delete(uid);
      markFinished();
    },
  };
}
