// @vitest-environment happy-dom
/**
 * What a user takes away from a ready video's page, over the fake transport: the URLs and embed
 * snippets to copy, the file's original name rather than an upload's internal path, and renaming
 * the video on its title (click or F2, Enter saves, Escape cancels).
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { fakeServerUrl } from '../../../renderer/src/transport/fake-delivery-answers';
import { renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

/** The page's first render loads its screen: slower than a find's default second on a busy machine. */
const loaded = { timeout: 10_000 };

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function readyVideo(extra: Partial<Video> = {}): Video {
  const video = makeVideo('a1', 'talk', 'ready', { pct: 100 });
  return {
    ...video,
    status: { state: 'ready', pctComplete: 100, step: 'done' },
    thumbnail: '/library/a1/thumbnails/thumbnail.jpg',
    playback: { hls: '/library/a1/manifest/video.m3u8', dash: '/library/a1/manifest/video.mpd' },
    downloads: { default: '/library/a1/downloads/default.mp4' },
    ...extra,
  };
}

function openPage(video: Video) {
  window.location.hash = `#/video/${video.uid}`;
  const copied: string[] = [];
  // No media to fetch: the player is not what these tests are about (and ferry.test resolves nowhere).
  const { fake } = renderQueue([video], {
    platform: { copyText: async (text) => void copied.push(text), mediaUrl: () => null },
  });
  return { fake, copied };
}

describe('Use this video', () => {
  it("copies the media's URLs and the embed snippets the server gives", async () => {
    const video = readyVideo();
    const { copied } = openPage(video);
    const panel = within(await screen.findByRole('region', { name: 'Use this video' }, loaded));
    fireEvent.click(await panel.findByRole('button', { name: 'Copy the HLS URL' }));
    fireEvent.click(panel.getByRole('button', { name: 'Copy the hls.js embed code' }));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[0]).toBe(`${fakeServerUrl}/media/${video.uid}/manifest/video.m3u8`);
    expect(copied[1]).toContain(`var src = "${fakeServerUrl}/media/${video.uid}/manifest/video.m3u8";`);
    const download = panel.getByRole('link', { name: 'Download the MP4' });
    expect(download.getAttribute('href')).toBe(`${fakeServerUrl}/media/${video.uid}/downloads/default.mp4`);
    expect(download.hasAttribute('download')).toBe(true);
  });

  it('in the app, copies the paths of the files and opens their folder, and says why there are no links', async () => {
    const video = readyVideo();
    window.location.hash = `#/video/${video.uid}`;
    const copied: string[] = [];
    const opened: (string | undefined)[] = [];
    const folder = `/home/u/.config/Ferry/library/${video.uid}`;
    renderQueue([video], {
      platform: {
        copyText: async (text) => void copied.push(text),
        mediaUrl: () => null,
        canOpenFolder: true,
        openFolder: async (uid) => void opened.push(uid),
      },
      prepare: (fake) => {
        fake.api.shareLinks = async () => ({
          files: {
            folder,
            hls: `${folder}/manifest/video.m3u8`,
            dash: `${folder}/manifest/video.mpd`,
            mp4: `${folder}/downloads/default.mp4`,
            thumbnail: null,
          },
          urls: null,
          embed: null,
          expiresAt: null,
          why: 'No server serves the media: turn on browser access in Settings, or run ferry serve, for URLs to share.',
        });
      },
    });
    const panel = within(await screen.findByRole('region', { name: 'Use this video' }, loaded));
    fireEvent.click(await panel.findByRole('button', { name: 'Copy the MP4 path' }));
    await waitFor(() => expect(copied).toEqual([`${folder}/downloads/default.mp4`]));
    expect(panel.queryByRole('button', { name: 'Copy the Thumbnail path' })).toBeNull();
    fireEvent.click(panel.getByRole('button', { name: 'Show the outputs in their folder' }));
    await waitFor(() => expect(opened).toEqual([video.uid]));
    expect(panel.getByText(/turn on browser access in Settings/)).toBeTruthy();
  });

  it('is not offered for a video that is not ready', async () => {
    openPage(makeVideo('b1', 'waiting', 'queued'));
    await screen.findByRole('heading', { name: 'waiting', level: 2 }, loaded);
    expect(screen.queryByRole('region', { name: 'Use this video' })).toBeNull();
  });
});

describe("a video's file", () => {
  it('is named by the name it was uploaded with, not the path the server keeps it under', async () => {
    const video = readyVideo({
      meta: { name: 'Board meeting.mov' },
      source: { kind: 'file', path: `/data/uploads/${'a1'.padEnd(32, '0')}` },
    });
    openPage(video);
    const details = await screen.findByRole('region', { name: 'Details' }, loaded);
    expect(details.textContent).toContain('FileBoard meeting.mov');
    expect(details.textContent).not.toContain('/data/uploads');
  });
});

describe('renaming a video on its page', () => {
  it('saves a new name with Enter, through edit, and the title shows it', async () => {
    const { fake } = openPage(readyVideo());
    fireEvent.click(await screen.findByRole('button', { name: 'talk' }, loaded));
    const field = screen.getByRole('textbox', { name: 'Name of the video' });
    fireEvent.change(field, { target: { value: '  Keynote 2026  ' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Keynote 2026', level: 2 })).toBeTruthy();
    expect(fake.calls.filter((c) => c.name === 'edit').map((c) => c.input)).toEqual([
      { uid: readyVideo().uid, changes: { meta: { name: 'Keynote 2026' } } },
    ]);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Keynote 2026'));
  });

  it('opens with F2 and cancels with Escape, saving nothing', async () => {
    const { fake } = openPage(readyVideo());
    fireEvent.keyDown(await screen.findByRole('button', { name: 'talk' }, loaded), { key: 'F2' });
    const field = screen.getByRole('textbox', { name: 'Name of the video' });
    fireEvent.change(field, { target: { value: 'Not this' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(await screen.findByRole('heading', { name: 'talk', level: 2 })).toBeTruthy();
    expect(fake.calls.some((c) => c.name === 'edit')).toBe(false);
  });
});
