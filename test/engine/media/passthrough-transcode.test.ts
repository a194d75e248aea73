/**
 * Real ffmpeg: an H.264 source that already is what the top rung would be is copied into the
 * ladder (its video packets and the MP4's identical to the source's, byte for byte), the lower
 * rung encoded with its segments where the copied one's are; a source with irregular keyframes
 * is encoded, and says why.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/create-engine';
import { probeMedia } from '../../../electron/engine/media/probe-media';
import { transcodeVideo } from '../../../electron/engine/media/transcode-video';
import type { MediaInfo } from '../../../shared/media-info';
import { dashFiles, joinSegments, keyframeTimes, packetHashes } from '../../helpers/inspect-outputs';
import * as make from '../../helpers/media-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-passthrough-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** 6 s of 640x360 H.264 High at 30 fps and ~400 kbit/s (under the 360p rung), AAC-LC stereo. */
async function h264Source(name: string, keyframes: string[]): Promise<string> {
  const out = path.join(dir, name);
  await make.ff([
    ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=30:d=6'],
    ...['-f', 'lavfi', '-i', 'sine=f=440:sample_rate=48000:d=6'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ...['-b:v', '400k', '-maxrate', '600k', '-bufsize', '800k', ...keyframes],
    ...['-c:a', 'aac', '-ac', '2', '-b:a', '96k', '-shortest', out],
  ]);
  return out;
}

async function probed(file: string): Promise<MediaInfo> {
  const verdict = await probeMedia(make.ffprobe, file);
  if (!verdict.ok) throw new Error(verdict.text);
  return verdict.info;
}

async function transcode(source: string, name: string, trim?: { start: number; end: number }) {
  const result = await transcodeVideo({
    ...(trim ? { trim } : {}),
    ffmpeg: make.ffmpeg,
    ffprobe: make.ffprobe,
    source,
    info: await probed(source),
    ladder: 'auto',
    thumbnailTimestampPct: 0,
    watermark: null,
    outputDir: path.join(dir, name),
  });
  const manifest = path.dirname(result.playback.hls);
  const files = dashFiles(fs.readFileSync(result.playback.dash, 'utf8'));
  const rendition = (id: string) => joinSegments(manifest, files.get(id) ?? [], path.join(dir, `${name}-${id}.mp4`));
  const durations = (id: string) =>
    [...fs.readFileSync(path.join(manifest, `media_${id}.m3u8`), 'utf8').matchAll(/#EXTINF:([\d.]+)/g)].map((m) =>
      Number(m[1]),
    );
  return { result, rendition, durations };
}

describe('passthrough of the top rendition', () => {
  it('copies an eligible H.264 source: same video packets in the ladder and the MP4, lower rung aligned', async () => {
    const gopOf1s = ['-g', '30', '-keyint_min', '30', '-sc_threshold', '0'];
    const source = await h264Source('regular.mp4', gopOf1s);
    const { result, rendition, durations } = await transcode(source, 'regular');

    expect(result.topRendition.original).toBe(true);
    expect(result.topRendition.why).toMatch(/^the source is already H\.264 High .*640×360.*a keyframe every 1 s$/);
    expect(result.renditions.map((r) => r.name)).toEqual(['360p', '240p']);
    const sourceVideo = await packetHashes(source);
    expect(sourceVideo.length).toBe(180);
    expect(await packetHashes(rendition('0'))).toEqual(sourceVideo);
    expect(await packetHashes(result.downloads.default)).toEqual(sourceVideo);
    // AAC-LC stereo is copied too.
    expect(await packetHashes(result.downloads.default, 'a')).toEqual(await packetHashes(source, 'a'));

    // The lower rung is encoded (smaller picture, other packets), cut where the copied rung is cut.
    const lower = rendition('1');
    expect(await packetHashes(lower)).not.toEqual(sourceVideo);
    expect(durations('0')).toEqual([2, 2, 2]);
    expect(durations('1')).toEqual(durations('0'));
    expect(await keyframeTimes(lower)).toEqual(expect.arrayContaining([0, 4]));
  });

  it('stays a copy for a trim on keyframes: the top rendition is the source’s packets between them', async () => {
    const source = await h264Source('to-trim.mp4', ['-g', '30', '-keyint_min', '30', '-sc_threshold', '0']);
    const { result, rendition } = await transcode(source, 'trimmed', { start: 1, end: 5 });

    expect(result.topRendition.original).toBe(true);
    const between = (await packetHashes(source)).slice(30, 150);
    expect(await packetHashes(rendition('0'))).toEqual(between);
  });

  it('through the engine, published as it is made, the Video says its top rendition is the original', async () => {
    const source = await h264Source('queued.mp4', ['-g', '60', '-keyint_min', '60', '-sc_threshold', '0']);
    const engine = createEngine({ dataDir: path.join(dir, 'data') });
    try {
      const uid = (await engine.addFiles({ paths: [source] })).queued[0]?.uid ?? '';
      await engine.run();
      const video = await engine.get({ uid });
      expect(video.status.state).toBe('ready');
      expect(video.readyToStream).toBe(true);
      expect(video.topRendition).toEqual({
        original: true,
        why: expect.stringMatching(/^the source is already H\.264 High/),
      });
      const events = await engine.history({ uid });
      expect(events.map((e) => e.type)).not.toContain('live-publish-failed');
    } finally {
      engine.close();
    }
  });

  it('encodes a source whose keyframes are irregular, and says so', async () => {
    const source = await h264Source('irregular.mp4', ['-g', '300', '-force_key_frames', '0,1,2.5,4']);
    const { result, rendition } = await transcode(source, 'irregular');

    expect(result.topRendition).toEqual({
      original: false,
      why: "the source's keyframes are irregular (1 s to 1.5 s apart)",
    });
    expect(await packetHashes(rendition('0'))).not.toEqual(await packetHashes(source));
    expect(await keyframeTimes(rendition('0'))).toEqual([0, 2, 4]);
  });
});
