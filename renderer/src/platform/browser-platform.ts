/** The platform in a browser served by `ferry serve`: media over its http `/media/{uid}/…`, files through an input element. */
import type { Video } from '../../../shared/video';
import type { MediaKind, Platform } from './platform';

const mediaPaths: Record<MediaKind, (video: Video) => string | null> = {
  thumbnail: (video) => (video.thumbnail ? 'thumbnails/thumbnail.jpg' : null),
  hls: (video) => (video.playback ? 'manifest/video.m3u8' : null),
  dash: (video) => (video.playback ? 'manifest/video.mpd' : null),
  mp4: (video) => (video.downloads ? 'downloads/default.mp4' : null),
};

function pickWithInput(options: { folders?: boolean; accept?: readonly string[] }): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    if (options.folders) input.webkitdirectory = true;
    if (options.accept) input.accept = options.accept.join(',');
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

/** `origin`: where `ferry serve` answers `/media/…`; null where nothing serves media over http (no thumbnails then). */
export function createBrowserPlatform(origin: string | null): Platform {
  return {
    pathForFile: () => null,
    pickFiles: pickWithInput,
    canOpenFolder: false,
    openFolder: () => Promise.reject(new Error('A browser cannot open a folder on the machine Ferry runs on.')),
    mediaUrl(video, kind) {
      const file = mediaPaths[kind](video);
      return file === null || origin === null ? null : `${origin}/media/${encodeURIComponent(video.uid)}/${file}`;
    },
    copyText: (text) => navigator.clipboard.writeText(text),
  };
}
