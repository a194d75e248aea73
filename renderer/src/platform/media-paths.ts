/** Where each kind of a video's media sits in its library folder, once the video has it; the same under `ferry serve` and ferry-media://. */
import type { Video } from '../../../shared/video';
import type { MediaKind } from './platform';

export const mediaPaths: Record<MediaKind, (video: Video) => string | null> = {
  thumbnail: (video) => (video.thumbnail ? 'thumbnails/thumbnail.jpg' : null),
  hls: (video) => (video.playback ? 'manifest/video.m3u8' : null),
  dash: (video) => (video.playback ? 'manifest/video.mpd' : null),
  mp4: (video) => (video.downloads ? 'downloads/default.mp4' : null),
  // The WebVTT of the timeline's hover previews; its cues point into storyboard.jpg beside it.
  // Made at the end: a video that plays while it is encoded has none yet.
  storyboard: (video) => (video.playback && video.status.state === 'ready' ? 'storyboard/storyboard.vtt' : null),
};

/** Lets the user choose files (or a folder) with the page's own file input; none when they cancel. */
export function pickWithInput(options: { folders?: boolean; accept?: readonly string[] }): Promise<File[]> {
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
