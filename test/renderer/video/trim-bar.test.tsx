// @vitest-environment happy-dom
/**
 * The video page's in and out points over the fake transport: the handles are sliders whose
 * values read as times, moved by the arrow keys; Apply sends `edit` with the trim on the source's
 * timeline (moved by a trim the video already has), Clear sends none; nothing is offered before
 * the video is ready.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Trim } from '../../../shared/trim';
import type { Video } from '../../../shared/video';
import { renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function readyVideo(trim: Trim | null = null): Video {
  const video = makeVideo('a1', 'talk', 'ready', { pct: 100 });
  return {
    ...video,
    status: { state: 'ready', pctComplete: 100, step: 'done' },
    duration: 6,
    trim,
    playback: { hls: '/library/a1/manifest/video.m3u8', dash: '/library/a1/manifest/video.mpd' },
  };
}

function openPage(video: Video) {
  window.location.hash = `#/video/${video.uid}`;
  // No media to fetch: the bar needs the video's length only (happy-dom plays nothing).
  return renderQueue([video], { platform: { mediaUrl: () => null } }).fake;
}

const edits = (fake: ReturnType<typeof openPage>) => fake.calls.filter((call) => call.name === 'edit');

describe('the trim bar', () => {
  it('moves its handles by keyboard, shows the trimmed duration, and applies the part kept', async () => {
    const fake = openPage(readyVideo());
    const uid = readyVideo().uid;
    const inPoint = await screen.findByRole('slider', { name: 'In point' }, { timeout: 10_000 });
    const outPoint = screen.getByRole('slider', { name: 'Out point' });
    expect(outPoint.getAttribute('aria-valuetext')).toBe('0:06 of 0:06');
    expect((screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.keyDown(inPoint, { key: 'ArrowRight' });
    fireEvent.keyDown(inPoint, { key: 'ArrowRight' });
    fireEvent.keyDown(outPoint, { key: 'ArrowLeft' });
    fireEvent.keyDown(inPoint, { key: 'ArrowRight', shiftKey: true });
    // Shift takes it ten seconds: held half a second short of the out point.
    expect(inPoint.getAttribute('aria-valuetext')).toBe('0:04.500 of 0:06');
    fireEvent.keyDown(inPoint, { key: 'Home' });
    fireEvent.keyDown(inPoint, { key: 'ArrowRight' });
    expect(inPoint.getAttribute('aria-valuenow')).toBe('1');
    expect(document.querySelector('.trim-summary')?.textContent).toBe('0:01 – 0:05 · trimmed duration 0:04');

    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(edits(fake)).toHaveLength(1));
    expect(edits(fake)[0]?.input).toEqual({ uid, changes: { trim: { start: 1, end: 5 } } });
  });

  it("sends a trimmed video's new points on the source's timeline, and Clear sends none", async () => {
    const video = readyVideo({ start: 10, end: 16 });
    const fake = openPage(video);
    const inPoint = await screen.findByRole('slider', { name: 'In point' }, { timeout: 10_000 });
    expect(screen.getByText(/Trimmed to 0:10 – 0:16 of the original/)).toBeTruthy();
    expect(screen.getByText('Trim', { selector: 'dt' }).nextElementSibling?.textContent).toBe(
      '0:10 – 0:16 of the original',
    );
    fireEvent.keyDown(inPoint, { key: 'ArrowRight' });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(edits(fake)).toHaveLength(1));
    expect(edits(fake)[0]?.input).toMatchObject({ changes: { trim: { start: 11, end: 16 } } });

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(edits(fake)).toHaveLength(2));
    expect(edits(fake)[1]?.input).toMatchObject({ changes: { trim: null } });
  });
});
