/**
 * The engine's one entry point. The returned object answers every command of the API contract
 * (shared/api.ts) and emits its events; Electron's main process, the CLI and the tests all use
 * it the same way.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import type { FerryCommands, FerryEvents, EventName, IngestOptions } from '../../shared/api';
import { runningEngine } from '../../shared/engine-status';
import { FerryError } from '../../shared/ferry-error';
import { hostPaths } from '../../shared/hide-host-paths';
import type { Video } from '../../shared/video';
import { addFiles } from './commands/add-files';
import { checkLinks } from './commands/check-links';
import { cancelVideos, pauseVideos, removeVideos, resumeVideos, retryVideos } from './commands/control-videos';
import { pauseDeliveries, resumeDeliveries, retryDeliveries } from './commands/control-deliveries';
import { checkDeliverTo, removeTarget, saveTarget, testTarget } from './commands/delivery-targets';
import { editVideo } from './commands/edit-video';
import { importList } from './commands/import-list';
import { withIngestDefaults } from './commands/ingest-defaults';
import { queueLinksInBatches } from './commands/queue-link-batches';
import { videosOf } from './commands/queue-in-batches';
import { dataPaths, type DataPaths } from './data-paths';
import type { EngineContext } from './context/engine-context';
import { defaultFetchTuning, type FetchTuning } from './stages/fetch-stage';
import { ActiveTime } from './context/active-time';
import { HostSlowdown } from './context/host-slowdown';
import { runDeliverStage } from './stages/deliver-stage';
import { defaultDeliveryTuning, type DeliveryTuning } from './delivery-steps/delivery-tuning';
import { runProbeStage } from './stages/probe-stage';
import { interruptRunning } from './run/stop-work';
import { queueTotals } from './run/queue-totals';
import { createWaker, runQueue, type RunOptions } from './run/run-queue';
import { runFetchStage } from './stages/fetch-stage';
import { runTranscodeStage } from './stages/transcode-stage';
import { wrapRunners, type StageWrapper } from './stages/stage-outcome';
import { VideoChangeFeed } from './context/video-change-feed';
import { QueueControlStore } from './store/queue-control';
import { QueueEdits } from './store/queue-edits';
import { closeIdleConnections } from './sources/http-request';
import { guardedAgent, privateAddressRefusal } from './sources/private-network-guard';
import { refusePrivateAddress } from './commands/refuse-private-address';
import { startWebhookSender } from './notify/send-webhooks';
import { verifyWebhook } from './notify/sign-webhook';
import { defaultWebhookTuning, type WebhookTuning } from './notify/webhook-retry';
import { newLeaseOwner } from './store/lease-owner';
import { openDatabase } from './store/open-database';
import { SettingsStore } from './store/settings-store';
import { TargetStore } from './store/target-store';
import { BandwidthLimit } from './delivery/bandwidth-limit';
import type { CredentialVault } from './delivery/credential-vault';
import { openCredentialVault } from './delivery/open-credential-vault';
import { moveClearCredentials } from './delivery/target-credentials';
import { moveClearRequestHeaders } from './delivery/link-header-secrets';
import { VideoStore } from './store/video-store';
import type { ClaimedVideo } from './store/queue-job';
import type { QueueSwitches } from './store/queue-control';

// What a run can be asked and what it can throw, for the callers that may import only this entry.
export { QueueBusyError } from './run/run-queue';
export type { RunOptions } from './run/run-queue';

export interface EngineOptions {
  dataDir: string;
  /** Where FFMPEG_PATH and friends are read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Download behaviour (connections, retries, timeouts); the defaults suit real origins. */
  fetch?: Partial<FetchTuning>;
  /** Upload retries, chunk size and stall timeout; the defaults suit real providers. */
  delivery?: Partial<DeliveryTuning>;
  /** Webhook retries and timeout; the defaults suit real receivers. */
  webhooks?: Partial<WebhookTuning>;
  /** How long a run without `watch` waits at its end for webhooks still being retried (default 60 s). */
  webhookDrainMs?: number;
  /**
   * Where the targets' credentials and links' credential headers are kept (tests). Default: the OS
   * keychain, or the 0600 file in the data directory when the environment says FERRY_CREDENTIALS=file.
   */
  credentials?: CredentialVault;
  /** Wraps each stage's runner, between its work and the commit of its outcome (tracing, tests). */
  wrapStage?: StageWrapper;
}

/** The contract's commands and its event stream; the store stays inside (callers use history, getMany…). */
export interface Engine extends FerryCommands {
  readonly paths: DataPaths;
  readonly schemaVersion: number;
  on<E extends EventName>(event: E, listener: (payload: FerryEvents[E]) => void): () => void;
  /** Where `ferry serve` serves this engine's media (its base URL), or null once it stops: the URLs webhooks carry. */
  serveAt(baseUrl: string | null): void;
  /** Works the queue until it is idle (or, with `watch`, until the signal aborts). */
  run(options?: RunOptions): Promise<void>;
  close(): void;
}

/** Waits for `work`, but no longer than `ms`. */
async function settleWithin(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

const leaseMs = 5 * 60_000;

export function createEngine(options: EngineOptions): Engine {
  const paths = dataPaths(options.dataDir);
  const { db, schemaVersion } = openDatabase(paths.database);
  const store = new VideoStore(db, newLeaseOwner());
  const events = new EventEmitter();
  const waker = createWaker();
  const fetchTuning: FetchTuning = { ...defaultFetchTuning, ...options.fetch };
  const deliveryTuning: DeliveryTuning = { ...defaultDeliveryTuning, ...options.delivery };
  const env = options.env ?? process.env;
  const targets = new TargetStore(db);
  const credentials = options.credentials ?? openCredentialVault(paths.dataDir, env);
  moveClearCredentials(targets, credentials);
  moveClearRequestHeaders(store.headerSecrets, credentials);
  const context: EngineContext = {
    store,
    edits: new QueueEdits(db, store.changes),
    control: new QueueControlStore(db),
    settings: new SettingsStore(db, paths.library),
    targets,
    credentials,
    deliveries: store.deliveries,
    paths,
    feed: new VideoChangeFeed(
      store,
      (event, payload) => events.emit(event, payload),
      () => queueTotals(context),
      100,
      (event) => events.listenerCount(event) > 0,
    ),
    env,
    running: new Map(),
    leaseMs,
    hosts: new HostSlowdown(),
    deliveryHosts: new HostSlowdown(),
    uploadLimit: new BandwidthLimit(),
    activity: new ActiveTime(),
    lowDiskSpace: false,
    housekeeping: { diskCheckedAt: 0, deletionsCheckedAt: 0 },
    onWorkDone: () => {},
    // What a caller over ferry serve saved connects through the fetcher's guarded agents, with the
    // same allow list (--allow-address) as its links.
    publicOnly: {
      agent: (protocol) => guardedAgent(protocol, fetchTuning.allowAddresses ?? []),
      refused: (error) => privateAddressRefusal(error) !== undefined,
      allowAddresses: fetchTuning.allowAddresses ?? [],
    },
  };
  const { feed, settings } = context;
  let serverUrl: string | null = null;
  store.outbox.showAs({ baseUrl: () => serverUrl, hidden: hostPaths(paths.dataDir, os.homedir()) });
  const runners = wrapRunners(
    {
      fetch: (c: EngineContext, claimed: ClaimedVideo) => runFetchStage(c, claimed, fetchTuning),
      probe: runProbeStage,
      transcode: runTranscodeStage,
      deliver: (c: EngineContext, claimed: ClaimedVideo) => runDeliverStage(c, claimed, deliveryTuning),
    },
    options.wrapStage,
  );
  /** Answers the new totals once the queue's switches are saved (and any running work has stopped). */
  const switchQueue = async (patch: Partial<QueueSwitches>) => {
    context.control.setSwitches(patch);
    if (patch.paused) await interruptRunning(context, 'queue-paused');
    feed.touchTotals();
    waker.notify();
    return queueTotals(context);
  };

  const withDefaults = (options?: IngestOptions) => {
    const { defaults, delivery } = settings.get();
    const deliverTo = delivery.deliverTo.filter((id) => context.targets.get(id) !== undefined);
    return withIngestDefaults(defaults, options, deliverTo);
  };

  return {
    paths,
    schemaVersion,

    addLinks: async ({ links, options: ingest }) => {
      checkDeliverTo(context, ingest);
      const queued = await queueLinksInBatches(
        context,
        links.map((link, i) => ({ ...link, position: i + 1 })),
        withDefaults(ingest),
      );
      waker.notify();
      const videos = await videosOf(context, queued.queued);
      return {
        queued: videos,
        duplicates: queued.duplicates.map((d) => ({ input: d.url, uid: d.uid })),
        invalid: queued.invalid.map((i) => ({ input: i.text, reason: i.reason })),
      };
    },
    addFiles: async (input) => {
      checkDeliverTo(context, input.options);
      const result = await addFiles(context, { ...input, options: withDefaults(input.options) });
      waker.notify();
      return result;
    },
    importList: async (input) => {
      checkDeliverTo(context, input.options);
      const { uids, ...report } = await importList(context, { ...input, options: withDefaults(input.options) });
      waker.notify();
      return { ...report, uids };
    },
    checkLinks: (input) => checkLinks(context, input),
    pause: async (selection) => {
      const videos = await pauseVideos(context, selection);
      const delivering = await pauseDeliveries(context, selection);
      return { changed: videos.changed + delivering.changed };
    },
    resume: async (selection) => {
      const videos = await resumeVideos(context, selection);
      const delivering = await resumeDeliveries(context, selection);
      waker.notify();
      return { changed: videos.changed + delivering.changed };
    },
    cancel: (selection) => cancelVideos(context, selection),
    retry: async (selection) => {
      const videos = await retryVideos(context, selection);
      const deliveries = await retryDeliveries(context, selection);
      waker.notify();
      return { changed: videos.changed + deliveries.changed };
    },
    remove: async (selection) => {
      const result = await removeVideos(context, selection);
      waker.notify();
      return result;
    },
    moveToTop: async ({ uid }) => {
      if (!context.edits.moveToTop(uid))
        throw new FerryError('NOT_FOUND', `No video with uid ${uid} in ${paths.dataDir}.`);
      waker.notify();
      return store.get(uid) as Video;
    },
    pauseQueue: () => switchQueue({ paused: true, stopAfterCurrent: false }),
    resumeQueue: () => switchQueue({ paused: false, stopAfterCurrent: false }),
    stopAfterCurrent: () => switchQueue({ stopAfterCurrent: true }),
    listTargets: async () => context.targets.list(),
    saveTarget: async (input) => saveTarget(context, input),
    removeTarget: async ({ id }) => removeTarget(context, id),
    testTarget: ({ id }) => testTarget(context, id),

    list: async (query) => store.list(query),
    get: async ({ uid }) => {
      const video = store.get(uid);
      if (!video) throw new FerryError('NOT_FOUND', `No video with uid ${uid} in ${paths.dataDir}.`);
      return video;
    },
    edit: async ({ uid, changes }) => editVideo(context, uid, changes),
    getMany: async ({ uids }) => uids.map((uid) => store.get(uid)).filter((v): v is Video => v !== undefined),
    history: async ({ uid }) => {
      if (store.stateOf(uid) === undefined)
        throw new FerryError('NOT_FOUND', `No video with uid ${uid} in ${paths.dataDir}.`);
      return store.history(uid);
    },
    totals: async () => queueTotals(context),
    getSettings: async () => settings.get(),
    verifyWebhook: async ({ signature, body, secret, toleranceSeconds }) => {
      const checked = verifyWebhook(signature, body, secret ?? settings.get().webhookSecret, {
        ...(toleranceSeconds !== undefined ? { toleranceSeconds } : {}),
      });
      return checked.ok
        ? { valid: true, signedAt: new Date(checked.time * 1000).toISOString() }
        : { valid: false, reason: checked.reason };
    },
    setSettings: async (patch) => {
      checkDeliverTo(context, patch.delivery);
      if (patch.webhookUrl && patch.webhookPrivateNetworks === false)
        refusePrivateAddress('webhookUrl', patch.webhookUrl, context.publicOnly.allowAddresses, 'a webhook');
      const updated = settings.update(patch);
      // A new threshold or new limits apply at once, not at the next scheduled look.
      context.housekeeping.diskCheckedAt = 0;
      waker.notify();
      events.emit('settings', updated);
      return updated;
    },

    // In its own process the engine's client answers this; whoever can ask the engine itself finds it running.
    restartEngine: async () => runningEngine,

    serveAt(baseUrl) {
      serverUrl = baseUrl;
    },
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    run: async (runOptions) => {
      const sender = startWebhookSender({
        outbox: store.outbox,
        store,
        settings: () => settings.get(),
        publicOnly: { ...context.publicOnly, appliesTo: (url) => settings.webhookPublicOnly(url) },
        tuning: { ...defaultWebhookTuning, ...options.webhooks },
      });
      context.onWorkDone = () => sender.notify();
      // Every run starts by looking at the disk and at scheduled deletions.
      context.housekeeping = { diskCheckedAt: 0, deletionsCheckedAt: 0 };
      try {
        await runQueue(context, waker, runners, runOptions);
        // A headless run ends once its webhooks are out; any still failing are retried by the next run.
        if (!runOptions?.signal?.aborted) await settleWithin(sender.drain(), options.webhookDrainMs ?? 60_000);
      } finally {
        context.onWorkDone = () => {};
        await sender.stop();
      }
    },
    close() {
      for (const work of context.running.values()) work.stop();
      feed.close();
      closeIdleConnections();
      events.removeAllListeners();
      db.close();
    },
  };
}
