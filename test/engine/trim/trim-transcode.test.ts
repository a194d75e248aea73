/**
 * In and out points through the real engine and ffmpeg: every output is the trimmed part only,
 * cut to the frame (the in point between keyframes too), a new trim on a ready video makes the
 * outputs again, and a trim that does not fit the video is refused with what to give instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/create-engine';
import { dispatch } from '../../../electron/engine/api/dispatch';
import type { Video } from '../../../shared/video';
import { colorAt, colorSteps, videoFrames } from '../../helpers/color-steps';
import { startOrigin } from '../../helpers/origin-server';
import { tempDir } from '../../helpers/temp-dir';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function openEngine(): Engine {
  const engine = createEngine({ dataDir: tempDir() });
  cleanups.push(() => engine.close());
  return engine;
}

/** The last cue's end in the storyboard's WebVTT, seconds. */
function storyboardEnd(video: Video): number {
  const vtt = fs.readFileSync(
    path.join(path.dirname(path.dirname(video.thumbnail ?? '')), 'storyboard', 'storyboard.vtt'),
    'utf8',
  );
  const ends = [...vtt.matchAll(/--> (\d+):(\d+):(\d+\.\d+)/g)].map(
    (m) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]),
  );
  return Math.max(...ends);
}

async function expectPart(video: Video, first: string, last: string): Promise<void> {
  expect(video.status.state).toBe('ready');
  expect(video.duration).toBeCloseTo(2, 2);
  const mp4 = video.downloads?.default ?? '';
  // 25 fps: two seconds are 50 frames, not one more or less.
  expect((await videoFrames(mp4)).frames).toBe(50);
  expect(await colorAt(mp4, 0)).toBe(first);
  expect(await colorAt(mp4, 1.95)).toBe(last);
  expect(storyboardEnd(video)).toBeCloseTo(2, 1);
  expect(fs.statSync(video.thumbnail ?? '').size).toBeGreaterThan(0);
}

describe('a trimmed video', () => {
  it('is made of the part between its in and out points, to the frame, in the ladder, MP4 and storyboard', async () => {
    const engine = openEngine();
    // Keyframes at 0 s and 2 s only: the in point at 1 s falls between them.
    const source = await colorSteps(tempDir(), ['red', 'green', 'blue', 'white'], 50);
    const added = await engine.addFiles({ paths: [source], options: { ladder: [180], trim: { start: 1, end: 3 } } });
    const uid = added.queued[0]!.uid;
    await engine.run();
    const video = await engine.get({ uid });
    expect(video.trim).toEqual({ start: 1, end: 3 });
    await expectPart(video, 'green', 'blue');
    const playlist = fs.readFileSync(path.join(path.dirname(video.playback!.hls), 'media_0.m3u8'), 'utf8');
    const seconds = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(seconds).toBeCloseTo(2, 1);
  });

  it('given a new trim once ready, is transcoded again from the new part', async () => {
    const engine = openEngine();
    const source = await colorSteps(tempDir(), ['red', 'green', 'blue', 'white'], 50);
    const uid = (await engine.addFiles({ paths: [source], options: { ladder: [180] } })).queued[0]!.uid;
    await engine.run();
    expect((await engine.get({ uid })).duration).toBeCloseTo(4, 1);

    const edited = await engine.edit({ uid, changes: { trim: { start: 2, end: 4 } } });
    expect(edited.status).toMatchObject({ state: 'queued', step: 'transcode' });
    await engine.run();
    await expectPart(await engine.get({ uid }), 'blue', 'white');

    await engine.edit({ uid, changes: { trim: null } });
    await engine.run();
    const whole = await engine.get({ uid });
    expect(whole).toMatchObject({ trim: null, status: { state: 'ready' } });
    expect((await videoFrames(whole.downloads!.default)).frames).toBe(100);
  });

  it('given a new trim once ready from a link whose original was dropped, downloads it again and makes that part', async () => {
    const engine = openEngine();
    const source = await colorSteps(tempDir(), ['red', 'green', 'blue', 'white'], 50);
    await engine.setSettings({ keepOriginal: false });
    const origin = await startOrigin({ '/steps.mp4': { kind: 'file', body: fs.readFileSync(source) } });
    cleanups.push(() => origin.close());
    const added = await engine.addLinks({ links: [{ url: origin.url('/steps.mp4') }], options: { ladder: [180] } });
    const uid = added.queued[0]!.uid;
    await engine.run();
    expect(await engine.get({ uid })).toMatchObject({ status: { state: 'ready' }, source: { kind: 'url' } });
    expect((await engine.get({ uid })).source.path).toBeFalsy();

    const edited = await engine.edit({ uid, changes: { trim: { start: 1, end: 3 } } });
    expect(edited).toMatchObject({ status: { state: 'queued', step: 'fetch' }, playback: null, downloads: null });
    await engine.run();
    await expectPart(await engine.get({ uid }), 'green', 'blue');
  });

  it('refuses an out point past the end, naming the end to give instead', async () => {
    const engine = openEngine();
    const source = await colorSteps(tempDir(), ['red', 'green'], 25);
    const uid = (await engine.addFiles({ paths: [source], options: { ladder: [180] } })).queued[0]!.uid;
    await engine.run();
    const reply = await dispatch(engine, 'edit', { uid, changes: { trim: { start: 1, end: 9 } } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!reply.ok)
      expect(reply.error.message).toMatch(
        /out point 0:09 is past the end of the video \(0:02(\.\d+)?\): give an out point of at most/,
      );
    const reversed = await dispatch(engine, 'edit', { uid, changes: { trim: { start: 1.5, end: 1 } } });
    expect(reversed).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: 'changes.trim.end' }] },
    });
    // Nothing changed: the video is still ready with its whole length.
    expect(await engine.get({ uid })).toMatchObject({ trim: null, status: { state: 'ready' } });
  });

  it('added with an out point past the end, ends in error at the probe saying so', async () => {
    const engine = openEngine();
    const source = await colorSteps(tempDir(), ['red', 'green'], 25);
    const uid = (await engine.addFiles({ paths: [source], options: { trim: { start: 0, end: 5 } } })).queued[0]!.uid;
    await engine.run();
    const video = await engine.get({ uid });
    expect(video.status).toMatchObject({ state: 'error', errorReasonCode: 'ERR_DURATION_EXCEED_CONSTRAINT' });
    expect(video.status.errorReasonText).toMatch(/out point 0:05 is past the end of the video/);
  });
});
