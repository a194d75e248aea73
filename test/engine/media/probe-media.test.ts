import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findMediaTool } from '../../../electron/engine/media/find-media-tools';
import { probeMedia } from '../../../electron/engine/media/probe-media';
import { ff, hlsPlaylist, landscape1080, truncated } from '../../helpers/media-fixtures';
import { tempDir } from '../../helpers/temp-dir';

const clip = ['-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=25:d=1'];
const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];

/** Gcore's container list and more, each with a codec it usually carries. */
const containers: [file: string, args: string[], demuxer: string][] = [
  ['clip.mp4', h264, 'mov'],
  ['clip.mov', h264, 'mov'],
  ['clip.3gp', h264, 'mov'],
  ['clip.mkv', h264, 'matroska'],
  ['clip.webm', ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8'], 'matroska'],
  ['clip.avi', ['-c:v', 'mpeg4'], 'avi'],
  ['clip.flv', h264, 'flv'],
  ['clip.ts', h264, 'mpegts'],
  ['clip.m2ts', [...h264, '-f', 'mpegts', '-mpegts_m2ts_mode', '1'], 'mpegts'],
  ['clip.wmv', ['-c:v', 'wmv2'], 'asf'],
  ['clip.ogv', ['-c:v', 'libtheora'], 'ogg'],
  ['clip.mxf', ['-c:v', 'mpeg2video', '-b:v', '2M'], 'mxf'],
];

describe('probing local files', () => {
  let ffprobe: string;
  beforeAll(async () => {
    ffprobe = (await findMediaTool('ffprobe')).path;
  });

  it.each(containers)('accepts %s', async (file, args, demuxer) => {
    const out = path.join(tempDir(), file);
    await ff([...clip, ...args, out]);
    const verdict = await probeMedia(ffprobe, out);
    expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
    if (verdict.ok) {
      expect(verdict.info.formatName.split(',')).toContain(demuxer);
      expect(verdict.info).toMatchObject({ width: 320, height: 240 });
      expect(verdict.info.duration).toBeGreaterThan(0.9);
    }
  });

  it('judges by content, not by the file name', async () => {
    const dir = tempDir();
    const mkv = path.join(dir, 'clip.mkv');
    await ff([...clip, ...h264, mkv]);
    const misnamed = path.join(dir, 'really-a-matroska.mp4');
    fs.renameSync(mkv, misnamed);
    expect(await probeMedia(ffprobe, misnamed)).toMatchObject({ ok: true, info: { formatName: 'matroska,webm' } });

    const playlist = await hlsPlaylist(dir);
    const disguised = path.join(dir, 'holiday.mp4');
    fs.copyFileSync(playlist, disguised);
    expect(await probeMedia(ffprobe, disguised)).toMatchObject({ ok: false, code: 'ERR_STREAMING_MANIFEST' });
  });

  it("says why a cut-short file cannot be read, naming the file but not this machine's folders", async () => {
    const dir = tempDir();
    const file = await truncated(dir);
    const verdict = await probeMedia(ffprobe, file);
    expect(verdict).toMatchObject({ ok: false, code: 'ERR_MALFORMED_VIDEO' });
    const text = verdict.ok ? '' : verdict.text;
    expect(text).toContain('(truncated.mp4: Invalid data found when processing input)');
    expect(text).not.toContain(dir);
  });

  it('enforces the size and duration limits set for a video', async () => {
    const file = await landscape1080(tempDir(), 2);
    const size = fs.statSync(file).size;
    const tooBig = await probeMedia(ffprobe, file, { maxSizeBytes: size - 1 });
    expect(tooBig).toMatchObject({ ok: false, code: 'ERR_SIZE_EXCEED_CONSTRAINT' });
    expect(!tooBig.ok && tooBig.text).toContain(`${size} bytes`);
    expect(await probeMedia(ffprobe, file, { maxSizeBytes: size })).toMatchObject({ ok: true });
    expect(await probeMedia(ffprobe, file, { maxDurationSeconds: 1.5 })).toMatchObject({
      ok: false,
      code: 'ERR_DURATION_EXCEED_CONSTRAINT',
    });
  });
});
