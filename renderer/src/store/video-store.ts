/**
 * The renderer's normalised state (zustand): videos by uid, the list of the current filter as
 * uids by offset (loaded a window at a time, as the user scrolls), and the totals as the engine
 * counts them. The engine is the truth: an event only refreshes what is on screen (newer
 * `modified` wins); a video that is not loaded changes the counts, and the windows on screen are
 * asked for again, never patched with a guessed row. Takes the API as a parameter so tests pass a fake.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FerryApi, ListQuery, ListSort, QueueMove, QueueTotals } from '../../../shared/api';
import { FerryError } from '../../../shared/ferry-error';
import type { Video } from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';
import { countsChanged, isNewer, placeWindow, totalFor, windowsCovering, windowsToForget } from './list-windows';

export interface ListFilter {
  state: VideoState | null;
  search: string;
  /** The list's order: the queue's (what runs first, on top) unless the user sorts by a column. */
  sort: { by: ListSort; asc: boolean };
}

export const queueOrder: ListFilter['sort'] = { by: 'queue', asc: true };

export interface VideoStoreState {
  videos: ReadonlyMap<string, Video>;
  /** The current filter's list: the uid at each offset, undefined where not loaded yet. */
  rows: readonly (string | undefined)[];
  /** How many videos the current filter matches, as the engine counts them. */
  total: number;
  totals: QueueTotals | null;
  filter: ListFilter;
  status: 'loading' | 'ready' | 'failed';
  error: string | null;
  /**
   * How often what is shown was loaded again after Ferry was out of reach (the socket came back,
   * the engine's process restarted): screens that asked the engine for something themselves (a
   * video's page) ask again when it changes.
   */
  resumed: number;
  /** Loads the first window and the totals again (start, filter change). */
  load(): Promise<void>;
  /** Loads again after being out of reach: no event told what changed meanwhile. Bumps `resumed`. */
  resume(): Promise<void>;
  setFilter(filter: Partial<ListFilter>): Promise<void>;
  /** Asks for the windows that cover these offsets, if not loaded; remembers them as what is on screen. */
  ensureRange(start: number, end: number): void;
  /** Loads the windows on screen again: the counts changed, so rows came, went or moved. */
  refresh(): Promise<void>;
  /** Reorders the queue, then loads the rows on screen again: a move changes no count, so no event would. */
  move(input: QueueMove): Promise<void>;
  applyChanges(changed: readonly Video[]): void;
  applyRemoved(uids: readonly string[]): void;
  applyTotals(totals: QueueTotals): void;
  /** Starts listening to the engine's events; returns the function that stops it. */
  subscribe(): () => void;
  /**
   * Listens and loads, once however many hold it: the window's entry starts it before React's
   * first render (the list is on its way while the shell renders), the App again. Returns the
   * function that releases this hold; the last release stops listening.
   */
  start(): () => void;
}

export type VideoStore = StoreApi<VideoStoreState>;

export const defaultWindowSize = 100;
/** Windows kept loaded: the screen's and those around it (a thousand videos with the default size). */
const maxLoadedWindows = 10;

export function createVideoStore(api: FerryApi, windowSize = defaultWindowSize): VideoStore {
  /** Windows loaded or asked for under the current generation; a new filter starts a new one. */
  let loaded = new Set<number>();
  let generation = 0;
  let onScreen = { start: 0, end: windowSize - 1 };
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  let holders = 0;
  let stopListening: (() => void) | null = null;

  const store = createStore<VideoStoreState>()((set, get) => {
    const query = (index: number): ListQuery => {
      const { state, search, sort } = get().filter;
      return {
        ...(state ? { state } : {}),
        ...(search ? { search } : {}),
        sort: sort.by,
        asc: sort.asc,
        offset: index * windowSize,
        limit: windowSize,
      };
    };

    /** Drops the videos of windows far from the screen; their rows keep their uids and load again when scrolled to. */
    const forgetFarWindows = (videos: Map<string, Video>, rows: readonly (string | undefined)[]) => {
      const first = Math.floor(onScreen.start / windowSize);
      const last = Math.floor(Math.max(onScreen.start, onScreen.end) / windowSize);
      for (const window of windowsToForget(loaded, first, last, maxLoadedWindows)) {
        loaded.delete(window);
        rows.slice(window * windowSize, (window + 1) * windowSize).forEach((uid) => uid && videos.delete(uid));
      }
    };

    /** Puts a window's answer in place, unless the filter changed while it was asked for. */
    const fetchWindow = async (index: number, asked: number) => {
      const page = await api.list(query(index));
      if (asked !== generation) return;
      const videos = new Map(get().videos);
      for (const video of page.videos) {
        const known = videos.get(video.uid);
        if (!known || isNewer(video, known)) videos.set(video.uid, video);
      }
      forgetFarWindows(videos, get().rows);
      const { rows, stale } = placeWindow(
        get().rows,
        page.videos.map((video) => video.uid),
        { index, size: windowSize, total: page.total },
      );
      set({ videos, rows, total: page.total });
      if (stale.length === 0) return;
      // The windows that lost a stale row are asked for again: now if on screen, else when scrolled to.
      stale.forEach((window) => loaded.delete(window));
      get().ensureRange(onScreen.start, onScreen.end);
    };

    const failed = (error: unknown) => {
      // The engine's process died under the call: its banner says so and the list is loaded again
      // once it is back (resume), so what is shown (the list, or "Loading…") stays meanwhile.
      if (error instanceof FerryError && error.code === 'ENGINE_RESTARTING') return;
      set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
    };

    return {
      videos: new Map(),
      rows: [],
      total: 0,
      totals: null,
      filter: { state: null, search: '', sort: queueOrder },
      status: 'loading',
      error: null,
      resumed: 0,

      async load() {
        generation++;
        loaded = new Set([0]);
        try {
          const [totals] = await Promise.all([api.totals(), fetchWindow(0, generation)]);
          set({ totals, status: 'ready', error: null });
        } catch (error) {
          failed(error);
        }
      },

      resume() {
        set({ resumed: get().resumed + 1 });
        return get().load();
      },

      async setFilter(filter) {
        set({ filter: { ...get().filter, ...filter }, rows: [], total: 0 });
        onScreen = { start: 0, end: windowSize - 1 };
        await get().load();
      },

      ensureRange(start, end) {
        onScreen = { start, end };
        for (const index of windowsCovering(start, end, windowSize)) {
          if (loaded.has(index)) continue;
          loaded.add(index);
          fetchWindow(index, generation).catch((error: unknown) => {
            loaded.delete(index);
            failed(error);
          });
        }
      },

      refresh() {
        // One refresh at a time; events during it ask for one more after it, not one each.
        if (refreshing) {
          refreshAgain = true;
          return refreshing;
        }
        const run = async () => {
          do {
            refreshAgain = false;
            loaded = new Set();
            const windows = windowsCovering(onScreen.start, onScreen.end, windowSize);
            windows.forEach((index) => loaded.add(index));
            await Promise.all(windows.map((index) => fetchWindow(index, generation)));
          } while (refreshAgain);
        };
        refreshing = run()
          .catch(failed)
          .finally(() => (refreshing = null));
        return refreshing;
      },

      async move(input) {
        await api.move(input);
        await get().refresh();
      },

      applyChanges(changed) {
        let videos: Map<string, Video> | null = null;
        for (const video of changed) {
          const known = (videos ?? get().videos).get(video.uid);
          // Not on screen: its change reaches the user through the counts.
          if (!known || !isNewer(video, known)) continue;
          videos ??= new Map(get().videos);
          videos.set(video.uid, video);
        }
        if (videos) set({ videos });
      },

      applyRemoved(uids) {
        const gone = new Set(uids);
        const videos = new Map(get().videos);
        uids.forEach((uid) => videos.delete(uid));
        // Array.from: holes (rows not loaded) stay in place, so later offsets stay right.
        const rows = Array.from(get().rows).filter((uid) => uid === undefined || !gone.has(uid));
        set({ videos, rows, total: Math.max(0, get().total - (get().rows.length - rows.length)) });
      },

      applyTotals(totals) {
        const before = get().totals;
        set({ totals });
        const total = totalFor(get().filter, totals);
        // A search's count is not in the totals: any change of counts may have changed its rows.
        const changed = total === null ? countsChanged(before, totals) : total !== get().total;
        if (changed) void get().refresh();
      },

      subscribe() {
        const offs = [
          api.on('videos', (batch) => get().applyChanges(batch)),
          api.on('removed', (uids) => get().applyRemoved(uids)),
          api.on('totals', (totals) => get().applyTotals(totals)),
        ];
        return () => offs.forEach((off) => off());
      },

      start() {
        holders++;
        if (holders === 1) {
          stopListening = get().subscribe();
          void get().load();
        }
        let released = false;
        return () => {
          if (released) return;
          released = true;
          holders--;
          if (holders > 0) return;
          stopListening?.();
          stopListening = null;
        };
      },
    };
  });
  return store;
}
