/**
 * The platform in Electron's window. Media come through main's `ferry-media://library/<uid>/…`
 * protocol (confined to the library, allowed by the window's CSP). Paths, the native picker,
 * opening a folder, the clipboard and the links ferry:// links brought come from the preload's
 * window.ferryPlatform; while a preload does not expose it, they answer as a browser would, and
 * the UI hides what they cannot do.
 */
import type { PlatformBridge } from '../../../shared/platform-bridge';
import { mediaPaths, pickWithInput } from './media-paths';
import type { Platform } from './platform';

export function createElectronPlatform(bridge: PlatformBridge | null = window.ferryPlatform ?? null): Platform {
  return {
    // '' is Electron's answer for a File that is not on disk (made by a page).
    pathForFile: (file) => bridge?.pathForFile(file) || null,
    pickFiles: pickWithInput,
    pickPaths: bridge ? (options) => bridge.pickPaths(options) : null,
    uploadFile: null,
    servedBy: null,
    canOpenFolder: bridge !== null,
    openFolder: (uid) =>
      bridge
        ? bridge.openFolder(uid)
        : Promise.reject(new Error('Opening a folder is not available in this version of Ferry.')),
    mediaUrl(video, kind) {
      const file = mediaPaths[kind](video);
      return file === null ? null : `ferry-media://library/${video.uid}/${file}`;
    },
    copyText: (text) => navigator.clipboard.writeText(text),
    readClipboard: () => (bridge ? bridge.readClipboard() : navigator.clipboard.readText()),
    offeredLinks: bridge
      ? { take: () => bridge.takeOfferedLinks(), onOffer: (listener) => bridge.onLinksOffered(listener) }
      : null,
  };
}
