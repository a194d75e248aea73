// @vitest-environment happy-dom
/**
 * The video's page over the fake transport, its media served by a real server on 127.0.0.1 (the
 * storyboard's VTT, as `ferry serve` would give it): what a user reads and does on it.
 */
import http from 'node:http';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VideoEvent } from '../../../shared/api';
import type { Video } from '../../../shared/video';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser-platform';
import { listenOnLoopback, type Listening } from '../../helpers/listen-loopback';
import { renderQueue } from '../support/render-queue';
import { makeVideo } from '../support/videos';

const vtt = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:02.000',
  'storyboard.jpg#xywh=0,0,160,120',
  '',
  '00:00:02.000 --> 00:00:04.000',
  'storyboard.jpg#xywh=160,0,160,120',
  '',
  '00:00:04.000 --> 00:00:06.000',
  'storyboard.jpg#xywh=320,0,160,120',
  '',
].join('\n');

let media: Listening;
let origin: string;

beforeAll(async () => {
  media = await listenOnLoopback(
    http.createServer((req, res) => {
      // Connection: close, so that no idle connection is left for the test's end to cut.
      const headers = { 'Access-Control-Allow-Origin': '*', Connection: 'close' };
      if (req.url?.endsWith('/storyboard/storyboard.vtt'))
        res.writeHead(200, { ...headers, 'Content-Type': 'text/vtt' }).end(vtt);
      else res.writeHead(404, headers).end();
    }),
  );
  origin = `http://127.0.0.1:${media.port}`;
});
afterAll(() => media.close());
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function readyVideo(): Video {
  const video = makeVideo('a1', 'talk', 'ready', { pct: 100 });
  return {
    ...video,
    status: { state: 'ready', pctComplete: 100, step: 'done' },
    duration: 6,
    size: 3 * 1024 * 1024,
    input: { width: 640, height: 480 },
    readyToStreamAt: '2026-11-21T10:02:00.000Z',
    thumbnail: '/library/a1/thumbnails/thumbnail.jpg',
    playback: { hls: '/library/a1/manifest/video.m3u8', dash: '/library/a1/manifest/video.mpd' },
    downloads: { default: '/library/a1/downloads/default.mp4' },
    renditions: [
      { name: '480p', width: 640, height: 480, bandwidth: 1_460_000, codecs: 'avc1.64001e,mp4a.40.2' },
      { name: '360p', width: 480, height: 360, bandwidth: 800_000, codecs: 'avc1.64001e,mp4a.40.2' },
    ],
  };
}

function failedVideo(): Video {
  const video = makeVideo('e1', 'broken', 'error');
  return {
    ...video,
    status: {
      state: 'error',
      pctComplete: 0,
      step: 'transcode',
      errorReasonCode: 'ERR_MALFORMED_VIDEO',
      errorReasonText: 'ffmpeg could not decode the video stream.',
    },
  };
}

/** The app on `#/video/<uid>`; `history` stands in for the fake's one-line history where a test needs more. */
function openPage(videos: Video[], uid: string, history?: VideoEvent[]) {
  window.location.hash = `#/video/${uid}`;
  const { fake } = renderQueue(videos, {
    platform: createBrowserPlatform(origin),
    prepare: (transport) => {
      if (history) transport.api.history = async () => history;
    },
  });
  return fake;
}

const details = () => screen.getByRole('region', { name: 'Details' });

describe("a video's page", () => {
  it('shows the details, the renditions and the history of a ready video', async () => {
    openPage([readyVideo()], readyVideo().uid);
    // The first render of the file loads the page's screen: slower than a find's default second on a busy machine.
    expect(await screen.findByRole('heading', { name: 'talk', level: 2 }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Ready', { selector: '.video-state' })).toBeTruthy();
    const facts = details().textContent;
    expect(facts).toContain('Duration6s');
    expect(facts).toContain('Picture640×480');
    expect(facts).toContain('Size3.0 MiB');
    expect(facts).toContain('Linkhttps://media.example.test/talk.mp4');
    const rows = within(screen.getByRole('table', { name: 'Renditions' })).getAllByRole('row');
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Name', 'Picture', 'Bitrate', 'Codecs'],
      ['480p', '640×480', '1.5 Mbit/s', 'avc1.64001e,mp4a.40.2'],
      ['360p', '480×360', '800 kbit/s', 'avc1.64001e,mp4a.40.2'],
    ]);
    const history = await screen.findByRole('list', { name: 'History' });
    expect(within(history).getAllByRole('listitem')[0]?.textContent).toContain('Queued');
    expect(screen.getByRole('link', { name: 'Back to the queue' }).getAttribute('href')).toBe('#/');
  });

  it("shows the storyboard's tile and the time above the scrubber while it has focus and as arrow keys move it", async () => {
    openPage([readyVideo()], readyVideo().uid);
    const seek = await screen.findByRole('slider', { name: 'Seek' });
    // The VTT comes from the server: wait until the focused scrubber shows its first tile.
    await waitFor(() => {
      fireEvent.focus(seek);
      expect(document.querySelector('.storyboard-tile')).not.toBeNull();
    });
    const tile = () => document.querySelector<HTMLElement>('.storyboard-tile');
    expect(tile()?.style.backgroundImage).toContain(`${origin}/media/${readyVideo().uid}/storyboard/storyboard.jpg`);
    expect(tile()?.style.backgroundPosition).toBe('0px 0px');
    expect(document.querySelector('.timeline-preview-time')?.textContent).toBe('0:00');

    fireEvent.keyDown(seek, { key: 'ArrowRight' });
    expect(document.querySelector('.timeline-preview-time')?.textContent).toBe('0:05');
    expect(tile()?.style.backgroundPosition).toBe('-320px 0px');
    expect(seek.getAttribute('aria-valuetext')).toBe('0:05 of 0:06');

    fireEvent.blur(seek);
    expect(document.querySelector('.timeline-preview')).toBeNull();
  });

  it('plays the MP4 where there is no HLS player, and says so when that cannot be played either', async () => {
    openPage([readyVideo()], readyVideo().uid);
    await screen.findByRole('slider', { name: 'Seek' });
    // happy-dom has neither Media Source Extensions (hls.js) nor native HLS.
    const element = document.querySelector('video');
    expect(element?.getAttribute('src')).toBe(`${origin}/media/${readyVideo().uid}/downloads/default.mp4`);
    act(() => void element?.dispatchEvent(new Event('error')));
    expect(within(screen.getByRole('region', { name: 'Player' })).getByRole('alert').textContent).toMatch(
      /^The video cannot be played here \(the browser could not decode it\)\. Try another browser/,
    );
  });

  it('follows the engine: a newer change of the video shows at once', async () => {
    const video = makeVideo('b1', 'moving', 'downloading', { pct: 10 });
    const fake = openPage([video], video.uid);
    expect(await screen.findByRole('progressbar', { name: 'Downloading 10%' })).toBeTruthy();
    act(() =>
      fake.emit('videos', [
        {
          ...video,
          modified: '2026-11-21T10:05:00.000Z',
          status: { ...video.status, state: 'inprogress', pctComplete: 55 },
        },
      ]),
    );
    expect(screen.getByRole('progressbar', { name: 'Processing 55%' })).toBeTruthy();
    // An older message (late, out of order) changes nothing.
    act(() => fake.emit('videos', [{ ...video, modified: '2026-11-21T10:01:00.000Z' }]));
    expect(screen.getByRole('progressbar', { name: 'Processing 55%' })).toBeTruthy();
    expect(screen.getByText(/player appears here as soon as the first seconds are encoded/)).toBeTruthy();
  });

  it("draws a download's speed while it downloads, with the speed now and the minute's average", async () => {
    const video = makeVideo('b2', 'arriving', 'downloading', { pct: 10, bytesPerSecond: 2 * 1024 * 1024 });
    const fake = openPage([video], video.uid);
    const graph = await screen.findByRole('img', { name: /^Download speed 2\.0 MiB\/s now/ });
    expect(graph.getAttribute('aria-label')).toContain('on average over the last minute');
    act(() =>
      fake.emit('videos', [
        {
          ...video,
          modified: '2026-11-21T10:05:00.000Z',
          status: { ...video.status, state: 'inprogress', pctComplete: 5 },
        },
      ]),
    );
    expect(screen.queryByRole('img', { name: /^Download speed/ })).toBeNull();
  });

  it("explains a failure, shows ffmpeg's log, and retries with the button", async () => {
    const video = failedVideo();
    const fake = openPage([video], video.uid, [
      { at: '2026-11-21T10:00:00.000Z', type: 'state', data: { from: 'queued', to: 'inprogress' } },
      {
        at: '2026-11-21T10:00:09.000Z',
        type: 'ffmpeg-stderr',
        data: { tail: '[h264] error while decoding MB 4 7\nInvalid data found' },
      },
      {
        at: '2026-11-21T10:00:09.000Z',
        type: 'state',
        data: { from: 'inprogress', to: 'error', text: 'ffmpeg could not decode the video stream.' },
      },
    ]);
    const panel = await screen.findByRole('region', { name: 'What went wrong' });
    expect(panel.textContent).toContain('The video is damaged or cut short');
    expect(panel.textContent).toContain('ffmpeg could not decode the video stream.');
    expect(panel.textContent).toContain('What to do: Retry in case the download was cut off');
    expect((await within(panel).findByLabelText("ffmpeg's last lines")).textContent).toBe(
      '[h264] error while decoding MB 4 7\nInvalid data found',
    );
    expect(within(panel).getByRole('button', { name: 'Copy log' })).toBeTruthy();
    const history = screen.getByRole('list', { name: 'History' });
    expect(within(history).getAllByRole('listitem')[0]?.textContent).toContain(
      'Processing → Failed: ffmpeg could not decode',
    );

    // Retry has one place, the header's actions, whatever the failure; the help below only explains.
    expect(within(panel).queryByRole('button', { name: 'Retry' })).toBeNull();
    const retry = within(screen.getByRole('group', { name: 'Actions' })).getByRole('button', { name: 'Retry' });
    expect(retry.title).toBe('');
    fireEvent.click(retry);
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.name === 'retry')).toEqual([{ name: 'retry', input: { uids: [video.uid] } }]),
    );
    // The engine's answer comes back as an event: the page shows the video queued again, and no error.
    await waitFor(() => expect(screen.queryByRole('region', { name: 'What went wrong' })).toBeNull());
    expect(screen.getByText('Queued', { selector: '.video-state' })).toBeTruthy();
  });

  it('says when a retry cannot help (a link that answered 404), with Retry in the same place', async () => {
    const video = failedVideo();
    video.status = {
      ...video.status,
      step: 'fetch',
      errorReasonCode: 'ERR_FETCH_NOT_FOUND',
      errorReasonText: 'The server answered 404 Not Found: the file is not there: check the link.',
    };
    openPage([video], video.uid);
    const panel = await screen.findByRole('region', { name: 'What went wrong' });
    const warning =
      'The link answered that nothing is there: a retry fails again unless the file is put back at that address.';
    expect(panel.textContent).toContain(warning);
    expect(within(panel).queryByRole('button', { name: 'Retry' })).toBeNull();
    const retry = within(screen.getByRole('group', { name: 'Actions' })).getByRole('button', { name: 'Retry' });
    expect(retry.title).toBe(warning);
  });

  it('offers a longer limit for a video that was too long, then retries it', async () => {
    const video = failedVideo();
    video.status.errorReasonCode = 'ERR_DURATION_EXCEED_CONSTRAINT';
    video.duration = 90.4;
    video.maxDurationSeconds = 60;
    const fake = openPage([video], video.uid);
    const limit = await screen.findByLabelText('Longest allowed, in seconds');
    expect((limit as HTMLInputElement).value).toBe('92');
    fireEvent.click(screen.getByRole('button', { name: 'Allow and retry' }));
    await waitFor(() => expect(fake.calls.map((c) => c.name)).toContain('retry'));
    expect(fake.calls.find((c) => c.name === 'edit')?.input).toEqual({
      uid: video.uid,
      changes: { maxDurationSeconds: 92 },
    });
  });

  it('removes the video after asking, and goes back to the queue', async () => {
    const video = failedVideo();
    const fake = openPage([video], video.uid);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove broken?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.some((c) => c.name === 'remove')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    const again = await screen.findByRole('dialog', { name: 'Remove broken?' });
    fireEvent.click(within(again).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    expect(fake.calls.find((c) => c.name === 'remove')?.input).toEqual({ uids: [video.uid], deleteOutputs: false });
  });

  it('says so when there is no such video, with a way back to the queue', async () => {
    openPage([readyVideo()], 'f'.repeat(32));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'No such video' })).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'See the videos in the queue' }).getAttribute('href')).toBe('#/');
  });
});
