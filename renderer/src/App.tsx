import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FerryApi } from '../../shared/api';
import { queueContext, type QueueContext } from './features/queue/queue-context';
import { QueueScreen } from './features/queue/QueueScreen';
import { createSelectionStore } from './features/queue/selection-store';
import type { Platform } from './platform/platform';
import type { VideoStore } from './store/video-store';

interface AppProps {
  api: FerryApi;
  store: VideoStore;
  platform: Platform;
  /** What the page around the app has to say (the connection, what a paste queued), under the header. */
  notices?: ReactNode;
}

export function App({ api, store, platform, notices }: AppProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const context = useMemo<QueueContext>(
    () => ({
      api,
      store,
      platform,
      selection: createSelectionStore(),
      report: (error) => setProblem(error instanceof Error ? error.message : String(error)),
    }),
    [api, store, platform],
  );

  useEffect(() => {
    const unsubscribe = store.getState().subscribe();
    void store.getState().load();
    return unsubscribe;
  }, [store]);

  return (
    <queueContext.Provider value={context}>
      <div className="app">
        <header className="app-header">
          <h1>Ferry</h1>
        </header>
        {notices}
        {problem && (
          <p role="alert" className="notice error">
            {problem}{' '}
            <button type="button" onClick={() => setProblem(null)}>
              Dismiss
            </button>
          </p>
        )}
        <QueueScreen />
      </div>
    </queueContext.Provider>
  );
}
