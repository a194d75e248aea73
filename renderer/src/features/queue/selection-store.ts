/**
 * Which rows of the queue are selected, and which one has the keyboard: the rules of a file
 * manager's list (click selects one, Ctrl/Cmd+click toggles, Shift extends from the anchor,
 * arrows move, Space toggles, Ctrl/Cmd+A selects every video of the filter, loaded or not).
 * The selection follows the list: a video removed, or gone from the filter, leaves it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VideoStore, VideoStoreState } from '../../store/video-store';

type Rows = readonly (string | undefined)[];

export interface SelectionState {
  selected: ReadonlySet<string>;
  /** Every video the filter matches, including rows not loaded yet. */
  all: boolean;
  anchor: number | null;
  focus: number;
  click(index: number, rows: Rows, mode: 'only' | 'toggle' | 'range'): void;
  /** Moves the keyboard's row to `index`; with `extend`, selects from the anchor to it. */
  moveTo(index: number, rows: Rows, extend: boolean): void;
  selectAll(rows: Rows): void;
  clear(): void;
  /**
   * Keeps only the selected videos that `still` holds of; "all" stays while `allRemains` (every
   * video of the queue, while there is one) or while some selected rows do.
   */
  prune(still: (uid: string) => boolean, allRemains: boolean): void;
}

export type SelectionStore = StoreApi<SelectionState>;

function between(rows: Rows, from: number, to: number): Set<string> {
  const [start, end] = from <= to ? [from, to] : [to, from];
  return new Set(rows.slice(start, end + 1).filter((uid): uid is string => uid !== undefined));
}

export function createSelectionStore(): SelectionStore {
  return createStore<SelectionState>()((set, get) => ({
    selected: new Set(),
    all: false,
    anchor: null,
    focus: 0,

    click(index, rows, mode) {
      const uid = rows[index];
      if (uid === undefined) return;
      const { selected, anchor } = get();
      if (mode === 'range' && anchor !== null) {
        set({ selected: between(rows, anchor, index), all: false, focus: index });
        return;
      }
      if (mode === 'toggle') {
        const next = new Set(selected);
        if (next.has(uid)) next.delete(uid);
        else next.add(uid);
        set({ selected: next, all: false, anchor: index, focus: index });
        return;
      }
      set({ selected: new Set([uid]), all: false, anchor: index, focus: index });
    },

    moveTo(index, rows, extend) {
      const target = Math.max(0, Math.min(rows.length - 1, index));
      const anchor = get().anchor ?? get().focus;
      if (extend) set({ selected: between(rows, anchor, target), all: false, anchor, focus: target });
      else set({ focus: target });
    },

    selectAll(rows) {
      set({ selected: between(rows, 0, rows.length - 1), all: true });
    },

    clear() {
      set({ selected: new Set(), all: false, anchor: null });
    },

    prune(still, allRemains) {
      const { selected, all } = get();
      const kept = new Set([...selected].filter(still));
      const keepAll = all && (allRemains || kept.size > 0);
      if (kept.size === selected.size && keepAll === all) return;
      set({ selected: kept, all: keepAll, ...(kept.size === 0 && !keepAll ? { anchor: null } : {}) });
    },
  }));
}

/** Whether a selected video is still in the list as it is: among its rows, or loaded and of the filter's state. */
export function stillListed(list: Pick<VideoStoreState, 'rows' | 'videos' | 'filter'>): (uid: string) => boolean {
  const rows = new Set(list.rows);
  return (uid) => {
    if (rows.has(uid)) return true;
    const video = list.videos.get(uid);
    return video !== undefined && (list.filter.state === null || video.status.state === list.filter.state);
  };
}

/** Keeps the selection true to the list from now on (and at once); returns the function that stops it. */
export function followList(selection: SelectionStore, store: VideoStore): () => void {
  const check = () => {
    const { selected, all } = selection.getState();
    if (selected.size === 0 && !all) return;
    const list = store.getState();
    const unfiltered = list.filter.state === null && list.filter.search === '';
    selection.getState().prune(stillListed(list), unfiltered && list.total > 0);
  };
  check();
  // Progress replaces the videos on every event; a selected video can only leave the list when the
  // rows change, the filter does, or (under a state filter) a video's state does.
  return store.subscribe((now, before) => {
    const moved = now.rows !== before.rows || now.filter !== before.filter || now.total !== before.total;
    if (moved || (now.filter.state !== null && now.videos !== before.videos)) check();
  });
}
