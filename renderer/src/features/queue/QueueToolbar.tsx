/**
 * Search by name or link, what applies to the whole queue (pause or resume all, stop after the
 * current videos), and how dense the rows are.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { DensityToggle } from './DensityToggle';
import { useQueue } from './queue-context';

/** Typing pauses this long before the list is asked again, so each key does not cost a query. */
const searchDelayMs = 250;

export function QueueToolbar() {
  const { api, store, selection, report } = useQueue();
  // Two flags, not the totals' object: that is new with every batch of progress.
  const paused = useStore(store, (s) => s.totals?.queue.paused ?? false);
  const stopping = useStore(store, (s) => s.totals?.queue.stopAfterCurrent ?? false);
  const [search, setSearch] = useState('');

  useEffect(() => {
    if (search === store.getState().filter.search) return;
    const timer = setTimeout(() => {
      selection.getState().clear();
      void store.getState().setFilter({ search: search.trim() });
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [search, store, selection]);

  const togglePause = () => (paused ? api.resumeQueue() : api.pauseQueue()).catch(report);
  return (
    <div className="queue-toolbar">
      <label className="search">
        <span>Search</span>
        <input
          type="search"
          value={search}
          placeholder="Name or link"
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <button type="button" onClick={togglePause}>
        {paused ? 'Resume all' : 'Pause all'}
      </button>
      <button type="button" disabled={stopping} onClick={() => api.stopAfterCurrent().catch(report)}>
        Stop after current
      </button>
      <DensityToggle />
    </div>
  );
}
