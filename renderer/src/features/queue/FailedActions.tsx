/**
 * On the Failed tab, what download managers offer for their failed list: "Retry all N" and
 * "Clear N failed" (removed with Undo, as any removal). Both act on every failed video, loaded or
 * not; after a retry, the user is told how many will fail again for a reason a retry does not fix.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { retryCanHelp } from '../../../../shared/retry-can-help';
import { listAll } from './list-all';
import { useQueue } from './queue-context';
import { useRemoveWithUndo } from './remove-with-undo';

export function FailedActions() {
  const { api, store, report, tell } = useQueue();
  const removeWithUndo = useRemoveWithUndo();
  const onFailedTab = useStore(store, (s) => s.filter.state === 'error' && s.filter.search === '');
  // What the tab shows: the rows on screen (a pending removal has already left them), else the engine's count.
  const failed = useStore(store, (s) => s.total);
  const [busy, setBusy] = useState(false);
  if (!onFailedTab || failed === 0) return null;

  const retryAll = async () => {
    const videos = await listAll(api, 'error');
    if (videos.length === 0) return;
    await api.retry({ uids: videos.map((video) => video.uid) });
    const hopeless = videos.filter((video) => !retryCanHelp(video.status.errorReasonCode)).length;
    const retrying = `Retrying ${videos.length} video${videos.length === 1 ? '' : 's'}.`;
    tell(
      hopeless === 0
        ? retrying
        : `${retrying} ${hopeless} will fail again unless ${hopeless === 1 ? 'its link or file' : 'their links or files'} changed.`,
    );
  };
  const clearAll = async () => {
    const videos = await listAll(api, 'error');
    removeWithUndo(videos.map((video) => video.uid));
  };
  const act = (action: () => Promise<void>) => {
    setBusy(true);
    action()
      .catch(report)
      .finally(() => setBusy(false));
  };

  return (
    <div className="bulk-actions failed-actions" role="toolbar" aria-label="Failed videos">
      <span>{failed} failed</span>
      <button type="button" disabled={busy} onClick={() => act(retryAll)}>
        Retry all {failed}
      </button>
      <button type="button" className="danger" disabled={busy} onClick={() => act(clearAll)}>
        Clear {failed} failed
      </button>
    </div>
  );
}
