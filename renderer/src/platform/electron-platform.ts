/**
 * The platform in Electron's window. Media come through main's `ferry-media://library/<uid>/…`
 * protocol (confined to the library, allowed by the window's CSP). A dropped file's path
 * (webUtils.getPathForFile) and opening a folder need the preload to expose them; until it does,
 * they answer as a browser would, and the UI hides what they cannot do.
 */
import { mediaPaths, pickWithInput } from './media-paths';
import type { Platform } from './platform';

export function createElectronPlatform(): Platform {
  return {
    pathForFile: () => null,
    pickFiles: pickWithInput,
    canOpenFolder: false,
    openFolder: () => Promise.reject(new Error('Opening a folder is not available in this version of Ferry.')),
    mediaUrl(video, kind) {
      const file = mediaPaths[kind](video);
      return file === null ? null : `ferry-media://library/${video.uid}/${file}`;
    },
    copyText: (text) => navigator.clipboard.writeText(text),
  };
}
