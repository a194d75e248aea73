import { lazy, StrictMode, Suspense, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createElectronPlatform } from './platform/electron-platform';
import { createVideoStore } from './store/video-store';
import { createIpcTransport } from './transport/ipc-transport';
import './styles.css';

// The browser's door (the socket and its message schemas) is loaded only in a browser: the app's window never needs it.
const ServeRoot = lazy(() => import('./serve/ServeRoot').then((m) => ({ default: m.ServeRoot })));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// In Electron the preload exposes window.ferry (IPC); in a browser the page came from `ferry serve`.
function ElectronRoot() {
  const { api, store, platform } = useMemo(() => {
    const api = createIpcTransport(window.ferry);
    return { api, store: createVideoStore(api), platform: createElectronPlatform() };
  }, []);
  return <App api={api} store={store} platform={platform} />;
}
createRoot(root).render(
  <StrictMode>
    {'ferry' in window ? (
      <ElectronRoot />
    ) : (
      <Suspense fallback={null}>
        <ServeRoot />
      </Suspense>
    )}
  </StrictMode>,
);
