import { describe, expect, it } from 'vitest';
import type { VideoEvent } from '../../../shared/api';
import { describeEvent } from '../../../renderer/src/features/video/history-text';
import { ffmpegTail } from '../../../renderer/src/features/video/video-facts';

const at = '2026-11-21T10:00:00.000Z';
const event = (type: string, data: Record<string, unknown> = {}): VideoEvent => ({ at, type, data });
// A fixed clock, so the sentences do not depend on the machine's time zone.
const time = (iso: string) => `[${iso.slice(11, 19)}]`;
const say = (type: string, data: Record<string, unknown> = {}) => describeEvent(event(type, data), time);

describe("a video's history in words", () => {
  it('says state changes from → to, with the reason of a failure', () => {
    expect(say('state', { from: 'downloading', to: 'queued', stage: 'probe' })).toBe('Downloading → Queued');
    expect(say('state', { from: 'inprogress', to: 'ready' })).toBe('Processing → Ready');
    expect(
      say('state', {
        from: 'downloading',
        to: 'error',
        code: 'ERR_FETCH_ORIGIN_ERROR',
        text: 'The origin answered 404.',
      }),
    ).toBe('Downloading → Failed: The origin answered 404.');
    expect(say('transition', { to: 'queued' })).toBe('Queued');
  });

  it('says which work started, and which was taken up again after Ferry stopped', () => {
    expect(say('claimed', { stage: 'fetch', from: 'queued', to: 'downloading' })).toBe('Started the download');
    expect(say('claimed', { stage: 'transcode' })).toBe('Started the transcode');
    expect(say('recovered', { stage: 'transcode', from: 'inprogress', to: 'queued' })).toMatch(
      /stopped during the transcode/,
    );
  });

  it('says a retry with its reason and when the next attempt is', () => {
    expect(
      say('retry', {
        stage: 'fetch',
        reason: 'server error',
        status: 503,
        attempt: 2,
        nextAttemptAt: '2026-11-21T10:00:05.000Z',
      }),
    ).toBe('Attempt 2 of the download failed (server error, HTTP 503); next attempt at [10:00:05]');
    expect(say('retry', { stage: 'fetch' })).toBe('The download failed; it will be tried again');
  });

  it('says what became of webhooks and deliveries', () => {
    expect(say('webhook', { url: 'https://hooks.test/x', attempt: 1, status: 200, outcome: 'delivered' })).toBe(
      'Webhook to https://hooks.test/x delivered (HTTP 200)',
    );
    expect(
      say('webhook', {
        url: 'https://hooks.test/x',
        attempt: 1,
        status: 500,
        outcome: 'retrying',
        nextAttemptAt: '2026-11-21T10:01:00.000Z',
      }),
    ).toBe('Webhook to https://hooks.test/x failed (HTTP 500); next attempt at [10:01:00]');
    expect(say('webhook', { url: 'https://hooks.test/x', error: 'refused', outcome: 'gave up' })).toBe(
      'Webhook to https://hooks.test/x failed (refused); no more attempts',
    );
  });

  it('names delivery targets by their name, never their id', () => {
    const names = (id: string) => ({ a23d68dfa8cf7992: 'Stream (renamed)' })[id];
    const named = (type: string, data: Record<string, unknown>) => describeEvent(event(type, data), time, names);
    expect(named('delivered', { target: 'a23d68dfa8cf7992', name: 'Stream', url: 'https://cf.test/v/1' })).toBe(
      'Delivered to Stream (renamed) (https://cf.test/v/1)',
    );
    // A target removed since: the name Ferry recorded; before Ferry recorded names, not the id either.
    expect(named('delivered', { target: 'b000000000000000', name: 'Old archive' })).toBe('Delivered to Old archive');
    expect(named('delivered', { target: 'b000000000000000' })).toBe('Delivered to a removed target');
    expect(named('delivery-failed', { target: 'a23d68dfa8cf7992', text: 'The credential was refused.' })).toBe(
      'Delivery to Stream (renamed) failed: The credential was refused.',
    );
    expect(
      named('delivery-retry', {
        target: 'x',
        name: 'Archive',
        message: 'socket hang up',
        nextAttemptAt: '2026-11-21T10:02:00.000Z',
      }),
    ).toBe('Delivery to Archive failed (socket hang up); next attempt at [10:02:00]');
    expect(named('delivery-sent', { target: 'a23d68dfa8cf7992' })).toBe(
      'Sent to Stream (renamed); it is processing the video',
    );
    expect(
      named('delivery-requested', {
        targets: [
          { target: 'a23d68dfa8cf7992', name: 'Stream' },
          { target: 'c', name: 'Archive' },
        ],
      }),
    ).toBe('Asked to deliver to Stream (renamed), Archive');
  });

  it("points at ffmpeg's log, and says an event it does not know by its name", () => {
    expect(say('ffmpeg-stderr', { tail: '…' })).toMatch(/ffmpeg failed/);
    expect(say('something-new')).toBe('something new');
  });

  it('says a hardware encoder failed, why, and what encoded the ladder instead', () => {
    expect(
      say('hardware-encoder-failed', {
        encoder: 'h264_nvenc',
        error: 'OpenEncodeSessionEx failed',
        fallback: 'libx264',
      }),
    ).toBe('The hardware encoder h264_nvenc failed (OpenEncodeSessionEx failed); encoded again with libx264');
  });

  it('finds the latest ffmpeg log tail in the history', () => {
    expect(
      ffmpegTail([event('state'), event('ffmpeg-stderr', { tail: 'first' }), event('ffmpeg-stderr', { tail: 'last' })]),
    ).toBe('last');
    expect(ffmpegTail([event('state', { tail: 'not ffmpeg' })])).toBeNull();
  });
});
