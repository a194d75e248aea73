/** Search by name or link, and what applies to the whole queue: pause or resume all, stop after the current videos. */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useQueue } from './queue-context';

/** Typing pauses this long before the list is asked again, so each key does not cost a query. */
const searchDelayMs = 250;

export function QueueToolbar() {
  const { api, store, selection, report } = useQueue();
  const queue = useStore(store, (s) => s.totals?.queue);
  const [search, setSearch] = useState('');

  useEffect(() => {
    if (search === store.getState().filter.search) return;
    const timer = setTimeout(() => {
      selection.getState().clear();
      void store.getState().setFilter({ search: search.trim() });
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [search, store, selection]);

  const togglePause = () => (queue?.paused ? api.resumeQueue() : api.pauseQueue()).catch(report);
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
        {queue?.paused ? 'Resume all' : 'Pause all'}
      </button>
      <button
        type="button"
        disabled={queue?.stopAfterCurrent ?? false}
        onClick={() => api.stopAfterCurrent().catch(report)}
      >
        Stop after current
      </button>
    </div>
  );
}
