import { describe, expect, it } from 'vitest';
import { createBrowserPlatform } from '../../renderer/src/platform/browser-platform';
import { createElectronPlatform } from '../../renderer/src/platform/electron-platform';
import { makeVideo } from './support/videos';

describe("the platforms' media URLs", () => {
  const pending = makeVideo('a', 'talk', 'downloading');
  const ready = { ...makeVideo('a', 'talk', 'ready'), thumbnail: '/library/a/thumbnails/thumbnail.jpg' };

  it("in a browser: ferry serve's /media/{uid}/…, once the video has it", () => {
    const platform = createBrowserPlatform('http://127.0.0.1:8787');
    const mp4 = { ...ready, downloads: { default: '/library/a/downloads/default.mp4' } };
    expect(platform.mediaUrl(pending, 'mp4')).toBeNull();
    expect(platform.mediaUrl(mp4, 'mp4')).toBe(`http://127.0.0.1:8787/media/${ready.uid}/downloads/default.mp4`);
    expect(platform.mediaUrl(pending, 'thumbnail')).toBeNull();
    expect(platform.mediaUrl(ready, 'thumbnail')).toBe(
      `http://127.0.0.1:8787/media/${ready.uid}/thumbnails/thumbnail.jpg`,
    );
    expect(platform.canOpenFolder).toBe(false);
  });

  it("in Electron: main's ferry-media://library/{uid}/…", () => {
    const platform = createElectronPlatform();
    expect(platform.mediaUrl(pending, 'thumbnail')).toBeNull();
    expect(platform.mediaUrl(ready, 'thumbnail')).toBe(`ferry-media://library/${ready.uid}/thumbnails/thumbnail.jpg`);
  });
});
