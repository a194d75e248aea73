/**
 * The platform in a browser served by `ferry serve`: media over its http `/media/{uid}/…`, files
 * picked with an input element and uploaded over TUS with the session's token, the clipboard as
 * far as the browser allows.
 */
import { mediaPaths, pickWithInput } from './media-paths';
import type { Platform } from './platform';
import { uploadFile } from './upload-file';

/** Without a token (a page that is not signed in, a component test) nothing can be uploaded. */
export function createBrowserPlatform(origin: string, token: string | null = null): Platform {
  return {
    pathForFile: () => null,
    pickFiles: pickWithInput,
    pickPaths: null,
    uploadFile: token === null ? null : (file, report) => uploadFile(file, origin, token, report),
    servedBy: origin,
    canOpenFolder: false,
    openFolder: () => Promise.reject(new Error('A browser cannot open a folder on the machine Ferry runs on.')),
    mediaUrl(video, kind) {
      const file = mediaPaths[kind](video);
      return file === null ? null : `${origin}/media/${encodeURIComponent(video.uid)}/${file}`;
    },
    copyText: (text) => navigator.clipboard.writeText(text),
    readClipboard: () => navigator.clipboard.readText(),
    offeredLinks: null, // ferry:// links go to the desktop app only
  };
}
