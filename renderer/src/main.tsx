import { lazy, StrictMode, Suspense } from 'react';
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
// The window's list is asked for before React renders the shell, so the two overlap.
function startElectron() {
  const api = createIpcTransport(window.ferry);
  const store = createVideoStore(api);
  store.getState().start();
  return { api, store, platform: createElectronPlatform() };
}
function ElectronRoot({ session }: { session: ReturnType<typeof startElectron> }) {
  return <App api={session.api} store={session.store} platform={session.platform} />;
}
createRoot(root).render(
  <StrictMode>
    {'ferry' in window ? (
      <ElectronRoot session={startElectron()} />
    ) : (
      <Suspense fallback={null}>
        <ServeRoot />
      </Suspense>
    )}
  </StrictMode>,
);
