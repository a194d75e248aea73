/**
 * The engine's one entry point. The returned object answers every command of the API contract
 * (shared/api.ts) and emits its events; Electron's main process, the CLI and the tests all use
 * it the same way. Commands that later work fills in answer NOT_AVAILABLE, so the contract is
 * complete from the start.
 */
import { EventEmitter } from 'node:events';
import type { CommandName, FerryCommands, FerryEvents, EventName } from '../../shared/api';
import { FerryError } from '../../shared/ferry-error';
import type { Video } from '../../shared/video';
import { addFiles } from './commands/add-files';
import { cancelVideos, pauseVideos, resumeVideos, retryVideos } from './commands/control-videos';
import { importList } from './commands/import-list';
import { queueLinks } from './commands/queue-links';
import { dataPaths, type DataPaths } from './data-paths';
import type { EngineContext } from './pipeline/engine-context';
import { defaultFetchTuning, type FetchTuning } from './pipeline/fetch-stage';
import { cleanPartialFolders } from './pipeline/clean-partial-folders';
import { createWaker, runQueue, type RunOptions } from './pipeline/run-queue';
import { VideoChangeFeed } from './pipeline/video-change-feed';
import { newLeaseOwner } from './queue/lease-owner';
import { openDatabase } from './queue/open-database';
import { SettingsStore } from './queue/settings-store';
import { VideoStore } from './queue/video-store';

export interface EngineOptions {
  dataDir: string;
  /** Where FFMPEG_PATH and friends are read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Download behaviour (connections, retries, timeouts); the defaults suit real origins. */
  fetch?: Partial<FetchTuning>;
}

export interface Engine extends FerryCommands {
  readonly paths: DataPaths;
  readonly schemaVersion: number;
  readonly store: VideoStore;
  /** Uids of in-flight work returned to its stage when the database was opened. */
  readonly recovered: string[];
  on<E extends EventName>(event: E, listener: (payload: FerryEvents[E]) => void): () => void;
  /** Works the queue until it is idle (or, with `watch`, until the signal aborts). */
  run(options?: RunOptions): Promise<void>;
  close(): void;
}

function notAvailable(command: CommandName): () => Promise<never> {
  return () =>
    Promise.reject(new FerryError('NOT_AVAILABLE', `"${command}" is not available in this version of Ferry yet.`));
}

const leaseMs = 5 * 60_000;

export function createEngine(options: EngineOptions): Engine {
  const paths = dataPaths(options.dataDir);
  const { db, schemaVersion } = openDatabase(paths.database);
  const store = new VideoStore(db, newLeaseOwner());
  const settings = new SettingsStore(db);
  const recovered = store.recoverInFlight();
  cleanPartialFolders(paths.library, store);
  const events = new EventEmitter();
  const feed = new VideoChangeFeed(store, (event, payload) => events.emit(event, payload));
  const context: EngineContext = {
    store,
    paths,
    feed,
    env: options.env ?? process.env,
    running: new Map(),
    leaseMs,
  };
  const waker = createWaker();
  const fetchTuning: FetchTuning = { ...defaultFetchTuning, ...options.fetch };

  return {
    paths,
    schemaVersion,
    store,
    recovered,

    addLinks: async ({ links, options: ingest }) => {
      const queued = queueLinks(
        context,
        links.map((link, i) => ({ ...link, position: i + 1 })),
        ingest,
      );
      waker.notify();
      const videos = queued.queued.map((uid) => store.get(uid)).filter((v): v is Video => v !== undefined);
      return {
        queued: videos,
        duplicates: queued.duplicates.map((d) => ({ input: d.url, uid: d.uid })),
        invalid: queued.invalid.map((i) => ({ input: i.text, reason: i.reason })),
      };
    },
    addFiles: async (input) => {
      const result = addFiles(context, input);
      waker.notify();
      return result;
    },
    importList: async (input) => {
      const { uids, ...report } = await importList(context, input);
      waker.notify();
      return { ...report, uids };
    },
    pause: (selection) => pauseVideos(context, selection),
    resume: async (selection) => {
      const result = await resumeVideos(context, selection);
      waker.notify();
      return result;
    },
    cancel: (selection) => cancelVideos(context, selection),
    retry: async (selection) => {
      const result = await retryVideos(context, selection);
      waker.notify();
      return result;
    },
    remove: notAvailable('remove'),
    listTargets: notAvailable('listTargets'),
    saveTarget: notAvailable('saveTarget'),
    removeTarget: notAvailable('removeTarget'),

    list: async (query) => store.list(query),
    get: async ({ uid }) => {
      const video = store.get(uid);
      if (!video) throw new FerryError('NOT_FOUND', `No video with uid ${uid} in ${paths.dataDir}.`);
      return video;
    },
    totals: async () => {
      const byState = store.countByState();
      return { byState, total: Object.values(byState).reduce((a, b) => a + b, 0) };
    },
    getSettings: async () => settings.get(),
    setSettings: async (patch) => settings.update(patch),

    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    run: (runOptions) => runQueue(context, waker, fetchTuning, runOptions),
    close() {
      for (const work of context.running.values()) work.stop();
      feed.close();
      events.removeAllListeners();
      db.close();
    },
  };
}
