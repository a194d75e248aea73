/**
 * `ferry ingest --trim` and `ferry edit --trim` with real ffmpeg: the video is the part asked
 * for, a new trim transcodes it again at the next run, `none` gives the whole video back, and an
 * out point past the end is refused naming the flag and the end to give instead.
 */
import { describe, expect, it } from 'vitest';
import type { Video } from '../../shared/video';
import { colorAt, colorSteps, videoFrames } from '../helpers/color-steps';
import { tempDir } from '../helpers/temp-dir';
import { runFerry } from './ferry-in-process';

describe('ferry --trim', () => {
  it('ingests only the part asked for, and edit --trim makes it again from another part', async () => {
    const dataDir = tempDir();
    const source = await colorSteps(tempDir(), ['red', 'green', 'blue', 'white'], 50);
    const ingested = await runFerry([
      'ingest',
      source,
      '--trim',
      '0:01-00:00:03',
      '--ladder',
      '180',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(ingested.code, ingested.stderr).toBe(0);
    const [video] = JSON.parse(ingested.stdout) as [Video];
    expect(video).toMatchObject({ trim: { start: 1, end: 3 }, duration: 2, status: { state: 'ready' } });
    expect((await videoFrames(video.downloads!.default)).frames).toBe(50);
    expect(await colorAt(video.downloads!.default, 0)).toBe('green');

    const edited = await runFerry(['edit', video.uid, '--trim', '2-4', '--json', '--data-dir', dataDir]);
    expect(edited.code, edited.stderr).toBe(0);
    expect(JSON.parse(edited.stdout)).toMatchObject({
      trim: { start: 2, end: 4 },
      status: { state: 'queued', step: 'transcode' },
    });
    expect((await runFerry(['run', '--data-dir', dataDir])).code).toBe(0);
    const again = await runFerry(['show', video.uid, '--json', '--data-dir', dataDir]);
    const remade = JSON.parse(again.stdout) as Video;
    expect(remade).toMatchObject({ duration: 2, status: { state: 'ready' } });
    expect(await colorAt(remade.downloads!.default, 0)).toBe('blue');

    const shown = await runFerry(['show', video.uid, '--data-dir', dataDir]);
    expect(shown.stdout).toMatch(/trim\s+0:02 to 0:04 of the source/);

    const cleared = await runFerry(['edit', video.uid, '--trim', 'none', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ trim: null, status: { state: 'queued' } });
  });

  it('refuses an out point past the end, and a trim it cannot read, naming --trim', async () => {
    const dataDir = tempDir();
    const source = await colorSteps(tempDir(), ['red', 'green'], 25);
    const ingested = await runFerry(['ingest', source, '--ladder', '180', '--json', '--data-dir', dataDir]);
    const [video] = JSON.parse(ingested.stdout) as [Video];
    const past = await runFerry(['edit', video.uid, '--trim', '1-9', '--data-dir', dataDir]);
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(
      /--trim: the out point 0:09 is past the end of the video \(0:02(\.\d+)?\): give an out point of at most/,
    );
    const unreadable = await runFerry(['ingest', source, '--trim', '5s-10s', '--data-dir', dataDir]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('--trim takes IN-OUT such as 00:00:05-00:10:30, 5-630 or 1:05-2:30');
    const copied = await runFerry(['ingest', source, '--trim', '0-1', '--no-transcode', '--data-dir', dataDir]);
    expect(copied.stderr).toContain('--trim needs a transcode; leave out --no-transcode.');
  });
});
