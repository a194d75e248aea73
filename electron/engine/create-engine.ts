/**
 * The engine's one entry point. The returned object answers every command of the API contract
 * (shared/api.ts) and emits its events; Electron's main process, the CLI and the tests all use
 * it the same way.
 */
import { EventEmitter } from 'node:events';
import type { FerryCommands, FerryEvents, EventName } from '../../shared/api';
import type { DataPaths } from './data-paths';
import type { EngineContext } from './context/engine-context';
import { runDeliverStage } from './stages/deliver-stage';
import { runProbeStage } from './stages/probe-stage';
import { runQueue, type RunOptions } from './run/run-queue';
import { createWaker } from './run/waker';
import { runFetchStage } from './stages/fetch-stage';
import { runTranscodeStage } from './stages/transcode-stage';
import { wrapRunners } from './stages/stage-outcome';
import { closeIdleConnections } from './sources/http-request';
import { startWebhookSender } from './notify/send-webhooks';
import { defaultWebhookTuning } from './notify/webhook-retry';
import type { ClaimedVideo } from './store/queue-job';
import { engineCommandTable } from './engine-command-table';
import { recoverLibraryMove } from './housekeeping/library-move/recover-library-move';
import { newLeaseOwner } from './store/lease-owner';
import type { EngineOptions } from './engine-options';
import { openEngineContext } from './open-engine-context';

// What a run can be asked and what it can throw, for the callers that may import only this entry.
export type { EngineOptions } from './engine-options';
export { QueueBusyError } from './run/runner-lock';
export type { RunOptions } from './run/run-queue';

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

export function createEngine(options: EngineOptions): Engine {
  const events = new EventEmitter();
  const waker = createWaker();
  const opened = openEngineContext(options, events);
  const { context, paths, schemaVersion, fetchTuning, deliveryTuning } = opened;
  const { store, settings, feed } = context;
  const runners = wrapRunners(
    {
      fetch: (c: EngineContext, claimed: ClaimedVideo) => runFetchStage(c, claimed, fetchTuning),
      probe: runProbeStage,
      transcode: runTranscodeStage,
      deliver: (c: EngineContext, claimed: ClaimedVideo) => runDeliverStage(c, claimed, deliveryTuning),
    },
    options.wrapStage,
  );

  return {
    paths,
    schemaVersion,
    ...engineCommandTable(context, waker, events, opened.servedAt),

    serveAt(baseUrl) {
      opened.serveAt(baseUrl);
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
        // A library move cut short by a crash is finished or rolled back before any work starts.
        await recoverLibraryMove(context, newLeaseOwner());
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
      opened.closeDatabase();
    },
  };
}
