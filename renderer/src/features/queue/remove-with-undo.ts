/**
 * Removing with Undo, as a mail client deletes: the rows leave the list at once, a toast offers
 * Undo for a few seconds, and the engine's `remove` is sent only when the toast ends (its time is
 * up, it is dismissed, another removal replaces it, the queue screen closes, or the page is hidden
 * or left). Until then nothing is gone: Undo asks the list again and the rows are back in place;
 * if the window dies first, the videos simply stay. One removal waits at a time.
 */
import { useCallback } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FerryApi } from '../../../../shared/api';
import type { VideoStore } from '../../store/video-store';
import { useQueue } from './queue-context';
import { videoTitle } from './video-text';

export interface PendingRemoval {
  /** Tells one toast from the next. */
  id: number;
  uids: readonly string[];
  /** What the toast says: "Removed keynote", "Removed 3 videos". */
  label: string;
}

interface Removals {
  state: StoreApi<{ pending: PendingRemoval | null }>;
  start(uids: readonly string[]): void;
  undo(): void;
  /** Sends the waiting removal to the engine; nothing when none waits. */
  commit(): void;
}

/** One per session's video store (a test's app has its own). */
const sessions = new WeakMap<VideoStore, Removals>();

function createRemovals(api: FerryApi, store: VideoStore, report: (error: unknown) => void): Removals {
  const state = createStore<{ pending: PendingRemoval | null }>()(() => ({ pending: null }));
  /** Rows kept out of the list: the waiting removal's, and those sent until the engine answers. */
  const hidden = new Set<string>();
  let stopHiding: (() => void) | null = null;
  let made = 0;

  // A refresh (counts changed, the list scrolled) brings the engine's rows back: the hidden ones
  // leave again before anything renders them.
  const hide = () => {
    const back = store.getState().rows.filter((uid): uid is string => uid !== undefined && hidden.has(uid));
    if (back.length > 0) store.getState().applyRemoved(back);
  };
  const show = (uids: readonly string[]) => {
    uids.forEach((uid) => hidden.delete(uid));
    if (hidden.size === 0) {
      stopHiding?.();
      stopHiding = null;
    }
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') removals.commit();
  };
  const onPageHide = () => removals.commit();

  const removals: Removals = {
    state,
    start(uids) {
      if (uids.length === 0) return;
      removals.commit();
      const one = uids.length === 1 ? store.getState().videos.get(uids[0] ?? '') : undefined;
      const label = one ? `Removed ${videoTitle(one)}` : `Removed ${uids.length} video${uids.length === 1 ? '' : 's'}`;
      uids.forEach((uid) => hidden.add(uid));
      stopHiding ??= store.subscribe(hide);
      store.getState().applyRemoved(uids);
      state.setState({ pending: { id: ++made, uids, label } });
      window.addEventListener('pagehide', onPageHide);
      document.addEventListener('visibilitychange', onHidden);
    },
    undo() {
      const { pending } = state.getState();
      if (!pending) return;
      state.setState({ pending: null });
      show(pending.uids);
      void store.getState().refresh();
    },
    commit() {
      const { pending } = state.getState();
      if (!pending) return;
      state.setState({ pending: null });
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHidden);
      api
        .remove({ uids: [...pending.uids] })
        .catch((error: unknown) => {
          report(error);
          // Not removed after all: the list shows them again.
          void store.getState().refresh();
        })
        .finally(() => show(pending.uids));
    },
  };
  return removals;
}

/** The session's removals, made on first use. */
export function useRemovals(): Removals {
  const { api, store, report } = useQueue();
  let removals = sessions.get(store);
  if (!removals) {
    removals = createRemovals(api, store, report);
    sessions.set(store, removals);
  }
  return removals;
}

/** The removal waiting for its Undo, if any. */
export function usePendingRemoval(): PendingRemoval | null {
  return useStore(useRemovals().state, (s) => s.pending);
}

/** Removes these videos from the list now, with Undo; the engine is told when the toast ends. */
export function useRemoveWithUndo(): (uids: string[]) => void {
  const removals = useRemovals();
  return useCallback((uids: string[]) => removals.start(uids), [removals]);
}
