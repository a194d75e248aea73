import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createVideoStore } from './store/video-store';
import { createIpcTransport } from './transport/ipc-transport';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={createVideoStore(createIpcTransport(window.ferry))} />
  </StrictMode>,
);
