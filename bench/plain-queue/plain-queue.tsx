/**
 * The peer of `npm run bench -- ui`: the queue's list as it would be without virtualisation.
 * Every video is loaded in one window and every row exists in the DOM, each the app's own
 * VideoRow over the app's own stores and styles, so what differs from the app is only that the
 * app renders the rows in view. Built by bench/ui.ts from plain-queue.html.
 */
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useStore } from 'zustand';
import { queueContext, type QueueContext } from '../../renderer/src/features/queue/queue-context';
import { createSelectionStore } from '../../renderer/src/features/queue/selection-store';
import { rowHeights } from '../../renderer/src/features/queue/density';
import { VideoRow } from '../../renderer/src/features/queue/VideoRow';
import { createElectronPlatform } from '../../renderer/src/platform/electron-platform';
import { createSettingsStore } from '../../renderer/src/store/settings-store';
import { createVideoStore } from '../../renderer/src/store/video-store';
import { createIpcTransport } from '../../renderer/src/transport/ipc-transport';
import '../../renderer/src/styles.css';
import '../../renderer/src/features/queue/queue.css';

/** The app's default row height. */
const rowHeight = rowHeights.comfortable;

/** More than any bench list: the first window is the whole list. */
const everything = 1_000_000;

const api = createIpcTransport(window.ferry);
const context: QueueContext = {
  api,
  store: createVideoStore(api, everything),
  settings: createSettingsStore(api),
  selection: createSelectionStore(),
  platform: createElectronPlatform(),
  report: (error) => console.error(error),
  tell: () => undefined,
};

function PlainList() {
  const rows = useStore(context.store, (s) => s.rows);
  useEffect(() => {
    const unsubscribe = context.store.getState().subscribe();
    void context.store.getState().load();
    return unsubscribe;
  }, []);
  return (
    <div className="app">
      <main className="queue-main">
        <div role="list" aria-label="Videos" className="video-list">
          <div className="video-list-inner" style={{ height: rows.length * rowHeight }}>
            {rows.map((uid, index) => (
              <VideoRow
                key={uid ?? `hole-${index}`}
                uid={uid}
                index={index}
                setSize={rows.length}
                top={index * rowHeight}
                focused={index === 0}
              />
            ))}
          </div>
        </div>
      </main>
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('plain-queue.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <queueContext.Provider value={context}>
      <PlainList />
    </queueContext.Provider>
  </StrictMode>,
);
