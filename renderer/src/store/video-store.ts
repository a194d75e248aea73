/**
 * The renderer's state (zustand): the videos on screen and the queue totals, kept current from
 * the engine's batched events. Takes the API as a parameter so tests can pass a fake.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FerryApi, QueueTotals } from '../../../shared/api';
import type { Video } from '../../../shared/video';

export interface VideoState {
  videos: Video[];
  total: number;
  totals: QueueTotals | null;
  status: 'loading' | 'ready' | 'failed';
  error: string | null;
  load(): Promise<void>;
  /** Merges a batch of changed videos: known ones are replaced, new ones go on top. */
  applyChanges(changed: readonly Video[]): void;
  /** Drops videos that left the queue. */
  applyRemoved(uids: readonly string[]): void;
  /** Starts listening to the engine's events; returns the function that stops it. */
  subscribe(): () => void;
}

export type VideoStore = StoreApi<VideoState>;

export function createVideoStore(api: FerryApi, pageSize = 200): VideoStore {
  return createStore<VideoState>()((set, get) => ({
    videos: [],
    total: 0,
    totals: null,
    status: 'loading',
    error: null,

    async load() {
      try {
        const [page, totals] = await Promise.all([api.list({ limit: pageSize }), api.totals()]);
        set({ videos: page.videos, total: page.total, totals, status: 'ready', error: null });
      } catch (error) {
        set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },

    applyChanges(changed) {
      const byUid = new Map(changed.map((v) => [v.uid, v]));
      const updated = get().videos.map((v) => byUid.get(v.uid) ?? v);
      const known = new Set(updated.map((v) => v.uid));
      const added = changed.filter((v) => !known.has(v.uid));
      set({ videos: [...added, ...updated], total: get().total + added.length });
    },

    applyRemoved(uids) {
      const gone = new Set(uids);
      const videos = get().videos.filter((v) => !gone.has(v.uid));
      set({ videos, total: Math.max(0, get().total - (get().videos.length - videos.length)) });
    },

    subscribe() {
      const offs = [
        api.on('videos', (batch) => get().applyChanges(batch)),
        api.on('removed', (uids) => get().applyRemoved(uids)),
        api.on('totals', (totals) => set({ totals })),
      ];
      return () => offs.forEach((off) => off());
    },
  }));
}
