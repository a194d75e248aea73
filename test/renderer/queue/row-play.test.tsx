// @vitest-environment happy-dom
/** Play while the ladder is still encoded: the row offers it as soon as the video is playable, and it opens the player. */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Video } from '../../../shared/video';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser-platform';
import { giveElementsASize, renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const rowOf = (name: string) => screen.getByRole('link', { name }).closest<HTMLElement>('[role="listitem"]')!;

/** A video being transcoded, its live HLS already playing (or not yet). */
function encoding(playable: boolean): Video {
  const video = makeVideo('b2', 'keynote', 'inprogress', { pct: 20 });
  return {
    ...video,
    status: { state: 'inprogress', pctComplete: 20, step: 'transcode' },
    duration: 60,
    playable,
    readyToStream: playable,
    playback: playable
      ? { hls: '/library/b2.live/manifest/video.m3u8', dash: '/library/b2.live/manifest/video.mpd' }
      : null,
  };
}

describe('Play while the video is still encoded', () => {
  it('is not offered before every rendition has its first segment', async () => {
    renderQueue([encoding(false)]);
    await screen.findByRole('link', { name: 'keynote' });
    expect(within(rowOf('keynote')).queryByRole('link', { name: 'Play keynote' })).toBeNull();
  });

  it('is offered once playable, and opens the page with the player on the growing HLS', async () => {
    const video = encoding(true);
    renderQueue([video], { platform: createBrowserPlatform('http://127.0.0.1:9') });
    await screen.findByRole('link', { name: 'keynote' });
    const play = await within(rowOf('keynote')).findByRole('link', { name: 'Play keynote' });
    expect(play.getAttribute('href')).toBe(`#/video/${video.uid}/play`);
    window.location.hash = play.getAttribute('href')!;
    const player = await screen.findByRole('region', { name: 'Player' }, { timeout: 10_000 });
    const element = player.querySelector('video')!;
    expect(element.autoplay).toBe(true);
    expect(screen.queryByText('The player appears here as soon as the first seconds are encoded.')).toBeNull();
  });
});
