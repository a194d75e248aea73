import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { EmptyState } from './components/EmptyState';
import { QueueSummary } from './components/QueueSummary';
import { VideoList } from './components/VideoList';
import type { VideoStore } from './store/video-store';

/** `notices`: what the page around the app has to say (the connection, what a paste queued), under the header. */
export function App({ store, notices }: { store: VideoStore; notices?: ReactNode }) {
  const status = useStore(store, (s) => s.status);
  const error = useStore(store, (s) => s.error);
  const videos = useStore(store, (s) => s.videos);
  const totals = useStore(store, (s) => s.totals);

  useEffect(() => {
    const unsubscribe = store.getState().subscribe();
    void store.getState().load();
    return unsubscribe;
  }, [store]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Ferry</h1>
        {totals && <QueueSummary totals={totals} />}
      </header>
      {notices}
      <main>
        {status === 'loading' && <p className="muted">Loading…</p>}
        {status === 'failed' && (
          <p role="alert" className="error">
            Could not load the queue: {error}
          </p>
        )}
        {status === 'ready' && (videos.length === 0 ? <EmptyState /> : <VideoList videos={videos} />)}
      </main>
    </div>
  );
}
