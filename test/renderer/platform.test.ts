import { describe, expect, it } from 'vitest';
import type { PlatformBridge } from '../../shared/platform-bridge';
import { createBrowserPlatform } from '../../renderer/src/platform/browser-platform';
import { createElectronPlatform } from '../../renderer/src/platform/electron-platform';
import { makeVideo } from './support/videos';

describe("the platforms' media URLs", () => {
  const pending = makeVideo('a', 'talk', 'downloading');
  const ready = { ...makeVideo('a', 'talk', 'ready'), thumbnail: '/library/a/thumbnails/thumbnail.jpg' };

  it("in a browser: ferry serve's /media/{uid}/…, once the video has it", () => {
    const platform = createBrowserPlatform('http://127.0.0.1:8787', 'token');
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
    const platform = createElectronPlatform(null);
    expect(platform.mediaUrl(pending, 'thumbnail')).toBeNull();
    expect(platform.mediaUrl(ready, 'thumbnail')).toBe(`ferry-media://library/${ready.uid}/thumbnails/thumbnail.jpg`);
  });
});

describe('how each platform adds files', () => {
  it('in a browser: files are uploaded with the session token, never added by path', () => {
    const platform = createBrowserPlatform('http://127.0.0.1:8787', 'token');
    expect(platform.uploadFile).not.toBeNull();
    expect(platform.pickPaths).toBeNull();
    expect(platform.pathForFile(new File(['x'], 'a.mp4'))).toBeNull();
    // Without a token (not signed in) there is nothing to upload with.
    expect(createBrowserPlatform('http://127.0.0.1:8787').uploadFile).toBeNull();
    // ferry:// links reach the desktop app only.
    expect(platform.offeredLinks).toBeNull();
  });

  it("in Electron: the preload's paths, native picker, folders and clipboard", async () => {
    const asked: unknown[] = [];
    const bridge: PlatformBridge = {
      pathForFile: (file) => (file.name === 'made-by-page.mp4' ? '' : `/home/me/${file.name}`),
      pickPaths: async (options) => {
        asked.push(options);
        return ['/home/me/videos'];
      },
      openFolder: async (uid) => {
        asked.push(uid);
      },
      readClipboard: async () => 'https://a.test/1.mp4',
      takeOfferedLinks: async () => ({ links: [{ url: 'https://a.test/2.mp4' }], dropped: 0 }),
      onLinksOffered: () => () => undefined,
    };
    const platform = createElectronPlatform(bridge);
    expect(platform.uploadFile).toBeNull();
    expect(platform.pathForFile(new File(['x'], 'talk.mp4'))).toBe('/home/me/talk.mp4');
    expect(platform.pathForFile(new File(['x'], 'made-by-page.mp4'))).toBeNull();
    expect(await platform.pickPaths?.({ folders: true })).toEqual(['/home/me/videos']);
    expect(platform.canOpenFolder).toBe(true);
    await platform.openFolder('a'.repeat(32));
    expect(asked).toEqual([{ folders: true }, 'a'.repeat(32)]);
    expect(await platform.readClipboard()).toBe('https://a.test/1.mp4');
    expect(await platform.offeredLinks?.take()).toEqual({ links: [{ url: 'https://a.test/2.mp4' }], dropped: 0 });
  });

  it('in Electron without the preload: no paths, no picker, no folders', async () => {
    const platform = createElectronPlatform(null);
    expect(platform.pickPaths).toBeNull();
    expect(platform.canOpenFolder).toBe(false);
    expect(platform.offeredLinks).toBeNull();
    await expect(platform.openFolder()).rejects.toThrow(/not available/);
  });
});
