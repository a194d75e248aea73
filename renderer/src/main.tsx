import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ServeRoot } from './serve/ServeRoot';
import { createVideoStore } from './store/video-store';
import { createIpcTransport } from './transport/ipc-transport';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// In Electron the preload exposes window.ferry (IPC); in a browser the page came from `ferry serve`.
const inElectron = 'ferry' in window;
createRoot(root).render(
  <StrictMode>
    {inElectron ? <App store={createVideoStore(createIpcTransport(window.ferry))} /> : <ServeRoot />}
  </StrictMode>,
);
