import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { FerryApi } from '../../shared/api';
import { appContext, type AppContext } from './app/app-context';
import { AppHeader } from './app/AppHeader';
import { parseRoute, useLocationHash } from './app/route';
import { useTheme } from './app/use-theme';
import { AddVideos } from './features/add/AddVideos';
import { EngineBanner } from './features/engine/EngineBanner';
import { queueContext, type QueueContext } from './features/queue/queue-context';
import { QueueScreen } from './features/queue/QueueScreen';
import { createSelectionStore } from './features/queue/selection-store';
import type { Platform } from './platform/platform';
import { createSettingsStore } from './store/settings-store';
import type { VideoStore } from './store/video-store';

// The player (hls.js) is half the bundle: loaded when a video's page is first opened, so the queue shows sooner.
const VideoScreen = lazy(() => import('./features/video/VideoScreen').then((m) => ({ default: m.VideoScreen })));
// Screens a user opens now and then: loaded when first opened, so the queue's first rows come sooner.
const SettingsScreen = lazy(() =>
  import('./features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
const TargetsScreen = lazy(() =>
  import('./features/targets/TargetsScreen').then((m) => ({ default: m.TargetsScreen })),
);

interface AppProps {
  api: FerryApi;
  store: VideoStore;
  platform: Platform;
  /** What the page around the app has to say (the connection), under the header, above the engine's banner. */
  notices?: ReactNode;
}

type Notice = { text: string; problem: boolean };

export function App({ api, store, platform, notices }: AppProps) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const context = useMemo<QueueContext>(
    () => ({
      api,
      store,
      platform,
      settings: createSettingsStore(api),
      selection: createSelectionStore(),
      report: (error) => setNotice({ text: error instanceof Error ? error.message : String(error), problem: true }),
      tell: (text) => setNotice({ text, problem: false }),
    }),
    [api, store, platform],
  );
  const theme = useStore(context.settings, (s) => s.settings?.ui.theme ?? 'system');
  useTheme(theme);
  const route = parseRoute(useLocationHash());

  useEffect(() => {
    const release = store.getState().start();
    void context.settings.getState().load();
    return release;
  }, [store, context]);

  return (
    <appContext.Provider value={context satisfies AppContext}>
      <queueContext.Provider value={context}>
        <div className="app">
          <AppHeader route={route} />
          {notices}
          <EngineBanner />
          {notice && (
            <p role={notice.problem ? 'alert' : 'status'} className={notice.problem ? 'notice error' : 'notice'}>
              {notice.text}{' '}
              <button type="button" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </p>
          )}
          <AddVideos />
          {route.screen === 'queue' && <QueueScreen />}
          {route.screen === 'video' && (
            <Suspense fallback={<p className="muted screen">Loading…</p>}>
              <VideoScreen key={route.uid} uid={route.uid} />
            </Suspense>
          )}
          {(route.screen === 'settings' || route.screen === 'targets') && (
            <Suspense fallback={<p className="muted screen">Loading…</p>}>
              {route.screen === 'settings' ? <SettingsScreen /> : <TargetsScreen />}
            </Suspense>
          )}
        </div>
      </queueContext.Provider>
    </appContext.Provider>
  );
}
