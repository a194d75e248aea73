/**
 * The contract's commands over an opened engine: each validated input (api/dispatch.ts) becomes
 * a call of the command's module, and whatever changes the queue wakes the run loop.
 */
import type { EventEmitter } from 'node:events';
import type { FerryCommands, IngestOptions } from '../../shared/api';
import { runningEngine } from '../../shared/engine-status';
import { FerryError } from '../../shared/ferry-error';
import type { Video } from '../../shared/video';
import { addFiles } from './commands/add-files';
import { checkLinks } from './commands/check-links';
import { clipVideo } from './commands/clip-video';
import { cancelVideos, pauseVideos, removeVideos, resumeVideos, retryVideos } from './commands/control-videos';
import { pauseDeliveries, resumeDeliveries, retryDeliveries } from './commands/control-deliveries';
import { checkDeliverTo, removeTarget, saveTarget, testTarget } from './commands/delivery-targets';
import { checkTranscodeCodec } from './commands/check-transcode-codec';
import { deliverVideos } from './commands/deliver-videos';
import { editVideo } from './commands/edit-video';
import { importList } from './commands/import-list';
import { libraryStatus } from './commands/library-status';
import { moveLibrary, type MoveProgress } from './commands/move-library';
import { withIngestDefaults } from './commands/ingest-defaults';
import { queueLinksInBatches } from './commands/queue-link-batches';
import { videosOf } from './commands/queue-in-batches';
import { refusePrivateAddress } from './commands/refuse-private-address';
import { shareLinks } from './commands/share-links';
import type { EngineContext } from './context/engine-context';
import { readCommands } from './read-commands';
import { verifyWebhook } from './notify/sign-webhook';
import { interruptRunning } from './run/stop-work';
import { refuseWhileMoving } from './housekeeping/library-move/move-journal';
import { queueTotals } from './run/queue-totals';
import type { Waker } from './run/waker';
import type { QueueSwitches } from './store/queue-control';

export function engineCommandTable(
  context: EngineContext,
  waker: Waker,
  events: EventEmitter,
  servedAt: () => string | null = () => null,
): FerryCommands {
  const { feed, settings, store, paths } = context;
  const moving: MoveProgress = { current: null };
  /** Answers the new totals once the queue's switches are saved (and any running work has stopped). */
  const switchQueue = async (patch: Partial<QueueSwitches>) => {
    if (patch.paused === false) refuseWhileMoving(paths);
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
    move: async (input) => {
      if (!context.edits.move(input)) {
        const missing = 'before' in input && store.stateOf(input.uid) !== undefined ? input.before : input.uid;
        throw new FerryError('NOT_FOUND', `No video with uid ${missing} in ${paths.dataDir}.`);
      }
      waker.notify();
      return store.get(input.uid) as Video;
    },
    deliver: async (input) => {
      const result = await deliverVideos(context, input);
      waker.notify();
      return result;
    },
    shareLinks: async (input) => shareLinks(context, input, servedAt()),
    pauseQueue: () => switchQueue({ paused: true, stopAfterCurrent: false }),
    resumeQueue: () => switchQueue({ paused: false, stopAfterCurrent: false }),
    stopAfterCurrent: () => switchQueue({ stopAfterCurrent: true }),
    listTargets: async () => context.targets.list(),
    saveTarget: async (input) => saveTarget(context, input),
    removeTarget: async ({ id }) => removeTarget(context, id),
    testTarget: ({ id }) => testTarget(context, id),

    ...readCommands(store, paths.dataDir),
    edit: async ({ uid, changes }) => {
      const video = await editVideo(context, uid, changes);
      // A new trim may have sent the video back to a stage.
      waker.notify();
      return video;
    },
    clip: async (input) => {
      checkDeliverTo(context, input.options);
      const video = await clipVideo(context, { ...input, options: withDefaults(input.options) });
      waker.notify();
      return video;
    },
    totals: async () => queueTotals(context),
    getSettings: async () => settings.get(),
    libraryStatus: () => libraryStatus(context, moving),
    moveLibrary: async ({ to }) => {
      await moveLibrary(context, to, moving);
      waker.notify();
      events.emit('settings', settings.get());
      return libraryStatus(context, moving);
    },
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
      await checkTranscodeCodec(context, patch.transcode?.codec, 'transcode.codec');
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
  };
}
