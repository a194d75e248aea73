/** The platform in a browser served by `ferry serve`: media over its http `/media/{uid}/…`, files through an input element. */
import { mediaPaths, pickWithInput } from './media-paths';
import type { Platform } from './platform';

export function createBrowserPlatform(origin: string): Platform {
  return {
    pathForFile: () => null,
    pickFiles: pickWithInput,
    canOpenFolder: false,
    openFolder: () => Promise.reject(new Error('A browser cannot open a folder on the machine Ferry runs on.')),
    mediaUrl(video, kind) {
      const file = mediaPaths[kind](video);
      return file === null ? null : `${origin}/media/${encodeURIComponent(video.uid)}/${file}`;
    },
    copyText: (text) => navigator.clipboard.writeText(text),
  };
}
