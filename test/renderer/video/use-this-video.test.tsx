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
  const { fake } = renderQueue([video], { platform: { copyText: async (text) => void copied.push(text) } });
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
