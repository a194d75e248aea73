import type { FerryBridge } from '../../shared/api';
import type { PlatformBridge } from '../../shared/platform-bridge';

declare global {
  interface Window {
    /**
     * Exposed by the preload (electron/preload): each command answers an envelope. The renderer's
     * code talks to it only through its transport (transport/ipc-transport.ts), a FerryApi.
     */
    ferry: FerryBridge;
    /** The window's abilities that are not commands (platform/electron-platform.ts); absent in a browser. */
    ferryPlatform?: PlatformBridge;
  }
}
