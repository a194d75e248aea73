/**
 * Actions on the selected videos: only those that change at least one of them, each saying how
 * many ("Pause 3", "Retry 2"), each sent to exactly those. "Select all" with no filter is the
 * contract's `{ all: true }`, counted from the engine's totals by state; under a filter it is the
 * rows loaded so far (the contract has no selection by filter). Removing waits for its Undo. The
 * bar follows the list: a video removed or gone from the filter leaves the selection, and with
 * nothing left selected the bar is gone. "Deliver N…" sends the ready ones among them to the
 * targets chosen.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Selection } from '../../../../shared/api';
import { retryCanHelp } from '../../../../shared/retry-can-help';
import type { Video } from '../../../../shared/video';
import { DeliverToDialog } from '../video/DeliverToDialog';
import { bulkActions, bulkCounts, countStates, uidsFor, type BulkAction } from './bulk-counts';
import { listAll } from './list-all';
import { useQueue } from './queue-context';
import { useRemoveWithUndo } from './remove-with-undo';
import { followList } from './selection-store';
import { actionLabels, actionsFor } from './video-text';

const retryNoteId = 'bulk-retry-note';

export function BulkActions() {
  const { api, store, selection, report } = useQueue();
  const removeWithUndo = useRemoveWithUndo();
  const selected = useStore(selection, (s) => s.selected);
  const all = useStore(selection, (s) => s.all);
  const unfiltered = useStore(store, (s) => s.filter.state === null && s.filter.search === '');
  const total = useStore(store, (s) => s.total);
  const videos = useStore(store, (s) => s.videos);
  const byState = useStore(store, (s) => s.totals?.byState);
  const [delivering, setDelivering] = useState(false);
  useEffect(() => followList(selection, store), [selection, store]);
  if (selected.size === 0 && !all) return null;

  const everything = all && unfiltered;
  const chosen = [...selected].map((uid) => videos.get(uid)).filter((video): video is Video => video !== undefined);
  // A selected row that is not loaded (scrolled far away) has no known state: only Remove counts it.
  const counts = everything ? bulkCounts(byState ?? {}) : { ...bulkCounts(countStates(chosen)), remove: selected.size };
  const count = everything ? total : selected.size;
  const hopeless = everything
    ? 0
    : chosen.filter((video) => video.status.state === 'error' && !retryCanHelp(video.status.errorReasonCode)).length;
  const only = selected.size === 1 ? chosen[0] : undefined;
  const ready = chosen.filter((video) => video.status.state === 'ready').map((video) => video.uid);
  const readyCount = everything ? (byState?.ready ?? 0) : ready.length;

  const remove = async () => {
    const uids = everything ? (await listAll(api)).map((video) => video.uid) : [...selected];
    removeWithUndo(uids);
    selection.getState().clear();
  };
  const run = (action: BulkAction) => {
    if (action === 'remove') return void remove().catch(report);
    const target: Selection = everything ? { all: true } : { uids: uidsFor(action, chosen) };
    api[action](target).catch(report);
  };

  return (
    <div className="bulk-actions" role="toolbar" aria-label="Selected videos">
      <span>{count} selected</span>
      {bulkActions
        .filter((action) => counts[action] > 0)
        .map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'remove' ? 'danger' : undefined}
            aria-describedby={action === 'retry' && hopeless > 0 ? retryNoteId : undefined}
            onClick={() => run(action)}
          >
            {actionLabels[action]} {counts[action]}
          </button>
        ))}
      {hopeless > 0 && (
        <span id={retryNoteId} className="muted">
          {hopeless} will fail again unless {hopeless === 1 ? 'its link or file' : 'their links or files'} changed
        </span>
      )}
      {only && actionsFor(only.status.state).includes('moveToTop') && (
        <button
          type="button"
          onClick={() =>
            api
              .moveToTop({ uid: only.uid })
              .then(() => store.getState().refresh())
              .catch(report)
          }
        >
          Move to top
        </button>
      )}
      {readyCount > 0 && (
        <button type="button" onClick={() => setDelivering(true)}>
          Deliver {readyCount}…
        </button>
      )}
      <button type="button" onClick={() => selection.getState().clear()}>
        Clear selection
      </button>
      {delivering && <DeliverToDialog uids={everything ? 'all' : ready} open onClose={() => setDelivering(false)} />}
    </div>
  );
}
