import type { FerryBridge } from '../../shared/api';

declare global {
  interface Window {
    /**
     * Exposed by the preload (electron/preload): each command answers an envelope. The renderer's
     * code talks to it only through its transport (transport/ipc-transport.ts), a FerryApi.
     */
    ferry: FerryBridge;
  }
}
