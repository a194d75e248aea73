/**
 * What a user would check of a finished video, asserted: both manifests complete on disk, every
 * rendition the right size and codec, as long as the source, with keyframes at the same times;
 * an MP4 that starts with its index; a thumbnail of the right size; a storyboard that covers the
 * whole video.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Video } from '../../shared/video';
import {
  dashFiles,
  hlsMaster,
  hlsMediaFiles,
  joinSegments,
  keyframeTimes,
  probeJson,
  topLevelBoxes,
} from './inspect-outputs';

export async function expectReadyVideo(video: Video, source: { duration: number; hasAudio: boolean }): Promise<void> {
  expect(video.status).toMatchObject({ state: 'ready', pctComplete: 100 });
  expect(video.readyToStream).toBe(true);
  expect(video.playback && video.downloads && video.thumbnail).toBeTruthy();
  const manifestDir = path.dirname(video.playback!.hls);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-inspect-'));
  try {
    // HLS: master -> media playlists -> every segment on disk.
    const master = hlsMaster(fs.readFileSync(video.playback!.hls, 'utf8'));
    expect(master.variants.length).toBe(video.renditions.length);
    expect(master.audio !== null).toBe(source.hasAudio);
    const keyframes: number[][] = [];
    for (const [i, variant] of master.variants.entries()) {
      expect(variant.bandwidth).toBeGreaterThan(0);
      expect(variant.averageBandwidth).toBeGreaterThan(0);
      expect(variant.averageBandwidth).toBeLessThanOrEqual(variant.bandwidth);
      expect(variant.frameRate).toBeGreaterThan(0);
      expect(variant.codecs).toMatch(source.hasAudio ? /^avc1\.[0-9a-f]{6},mp4a\.40\.2$/ : /^avc1\.[0-9a-f]{6}$/);
      const media = hlsMediaFiles(fs.readFileSync(path.join(manifestDir, variant.uri), 'utf8'));
      const files = [media.init, ...media.segments];
      for (const file of files) expect(fs.existsSync(path.join(manifestDir, file)), file).toBe(true);

      // The rendition itself, as a player would get it.
      const joined = joinSegments(manifestDir, files, path.join(scratch, `rendition-${i}.mp4`));
      const probe = await probeJson(joined);
      const stream = probe.streams.find((s) => s.codec_type === 'video');
      expect(stream).toMatchObject({ codec_name: 'h264', width: variant.width, height: variant.height });
      expect(video.renditions[i]).toMatchObject({
        width: variant.width,
        height: variant.height,
        bandwidth: variant.bandwidth,
      });
      expect(Math.abs(Number(probe.format.duration) - source.duration)).toBeLessThanOrEqual(0.1);
      keyframes.push(await keyframeTimes(joined));
    }
    for (const times of keyframes.slice(1)) expect(times).toEqual(keyframes[0]);
    if (master.audio) {
      const audio = hlsMediaFiles(fs.readFileSync(path.join(manifestDir, master.audio), 'utf8'));
      for (const file of [audio.init, ...audio.segments])
        expect(fs.existsSync(path.join(manifestDir, file))).toBe(true);
    }

    // DASH: every representation's init and numbered segments on disk.
    const dash = dashFiles(fs.readFileSync(video.playback!.dash, 'utf8'));
    expect(dash.size).toBe(video.renditions.length + (source.hasAudio ? 1 : 0));
    for (const files of dash.values()) {
      expect(files.length).toBeGreaterThan(1);
      for (const file of files) expect(fs.existsSync(path.join(manifestDir, file)), file).toBe(true);
    }

    // The MP4: playable, as long as the source, index first.
    const mp4 = await probeJson(video.downloads!.default);
    const top = video.renditions[0]!;
    expect(mp4.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: top.width, height: top.height });
    expect(mp4.streams.some((s) => s.codec_type === 'audio')).toBe(source.hasAudio);
    expect(Math.abs(Number(mp4.format.duration) - source.duration)).toBeLessThanOrEqual(0.1);
    const boxes = topLevelBoxes(video.downloads!.default);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));

    // Thumbnail at the top rendition's size.
    const thumb = await probeJson(video.thumbnail!);
    expect(thumb.streams[0]).toMatchObject({ width: top.width, height: top.height });

    // Storyboard: cues from 0 to the end, each inside the sprite.
    const folder = path.dirname(path.dirname(video.thumbnail!));
    const vtt = fs.readFileSync(path.join(folder, 'storyboard', 'storyboard.vtt'), 'utf8');
    const sprite = (await probeJson(path.join(folder, 'storyboard', 'storyboard.jpg'))).streams[0]!;
    const seconds = (t: string) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
    const cues = [...vtt.matchAll(/(\S+) --> (\S+)\nstoryboard\.jpg#xywh=(\d+),(\d+),(\d+),(\d+)/g)];
    expect(cues.length).toBeGreaterThan(0);
    expect(seconds(cues[0]![1]!)).toBe(0);
    expect(Math.abs(seconds(cues.at(-1)![2]!) - source.duration)).toBeLessThan(0.01);
    cues.forEach((cue, i) => {
      if (i > 0) expect(seconds(cue[1]!)).toBe(seconds(cues[i - 1]![2]!));
      const [x, y, w, h] = cue.slice(3).map(Number) as [number, number, number, number];
      expect(x + w).toBeLessThanOrEqual(sprite.width!);
      expect(y + h).toBeLessThanOrEqual(sprite.height!);
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
