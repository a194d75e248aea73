import type { FerryApi } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by the preload (electron/preload); the renderer's only way to the engine. */
    ferry: FerryApi;
  }
}
