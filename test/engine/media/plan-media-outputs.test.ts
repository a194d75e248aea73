import { describe, expect, it } from 'vitest';
import { classifyFfmpegFailure } from '../../../electron/engine/media/classify-ffmpeg-failure';
import {
  parseProgressBlock,
  progressPercent,
  takeProgressBlocks,
} from '../../../electron/engine/media/parse-ffmpeg-progress';
import { planStoryboard, storyboardVtt } from '../../../electron/engine/media/plan-storyboard';
import { placeWatermark } from '../../../electron/engine/media/plan-watermark';

describe('watermark placement', () => {
  const frame = { width: 1920, height: 1080 };
  const image = { width: 400, height: 200 };
  const mark = { image: 'logo.png', opacity: 0.8, scale: 0.1, padding: 0.05 };

  it.each([
    ['upperLeft', 96, 54],
    ['upperRight', 1920 - 192 - 96, 54],
    ['lowerLeft', 96, 1080 - 96 - 54],
    ['lowerRight', 1920 - 192 - 96, 1080 - 96 - 54],
    ['center', (1920 - 192) / 2, (1080 - 96) / 2],
  ] as const)('puts it %s', (position, x, y) => {
    expect(placeWatermark({ ...mark, position }, image, frame)).toEqual({ width: 192, height: 96, x, y, opacity: 0.8 });
  });

  it('keeps the image size at scale 0 and never leaves the frame', () => {
    expect(placeWatermark({ ...mark, position: 'upperLeft', scale: 0, padding: 0 }, image, frame)).toMatchObject({
      width: 400,
      height: 200,
      x: 0,
      y: 0,
    });
    const huge = placeWatermark({ ...mark, position: 'lowerRight', scale: 1, padding: 0.5 }, image, frame);
    expect(huge.x).toBeGreaterThanOrEqual(0);
    expect(huge.y).toBeGreaterThanOrEqual(0);
    expect(huge.x + huge.width).toBeLessThanOrEqual(1920);
  });
});

describe('storyboard', () => {
  it('takes a tile every keyframe interval for short videos, and at most 100 tiles', () => {
    expect(planStoryboard(5, { width: 1920, height: 1080 }, 2)).toEqual({
      intervalSeconds: 2,
      tileWidth: 160,
      tileHeight: 90,
      columns: 3,
      rows: 1,
      tiles: 3,
    });
    const hour = planStoryboard(3600, { width: 1280, height: 720 }, 2);
    expect(hour.intervalSeconds).toBe(36);
    expect(hour.tiles).toBe(100);
    expect(hour.columns * hour.rows).toBeGreaterThanOrEqual(100);
    expect(planStoryboard(250, { width: 1280, height: 720 }, 2).intervalSeconds).toBe(4); // a multiple of 2
    expect(planStoryboard(10, { width: 720, height: 1280 }, 2)).toMatchObject({ tileWidth: 90, tileHeight: 160 });
  });

  it('maps every moment of the video to a tile in the sprite', () => {
    const plan = planStoryboard(12.3, { width: 1920, height: 1080 }, 1);
    const vtt = storyboardVtt(plan, 12.3, 'storyboard.jpg');
    expect(vtt.startsWith('WEBVTT\n')).toBe(true);
    const cues = [...vtt.matchAll(/(\S+) --> (\S+)\nstoryboard\.jpg#xywh=(\d+),(\d+),(\d+),(\d+)/g)];
    expect(cues).toHaveLength(13);
    expect(cues[0]?.[1]).toBe('00:00:00.000');
    expect(cues.at(-1)?.[2]).toBe('00:00:12.300');
    expect(cues[11]?.slice(3).map(Number)).toEqual([160, 90, 160, 90]); // 12th tile: 2nd column, 2nd row
  });
});

describe('ffmpeg progress', () => {
  it('reads blocks from both ffmpeg 4.x and later', () => {
    const v4 = 'frame=30\nout_time_ms=1500000\nout_time=00:00:01.500000\nspeed=2.01x\nprogress=continue\n';
    const v5 = 'out_time_us=2500000\nout_time_ms=2500000\nspeed=N/A\nprogress=end\n';
    expect(parseProgressBlock(v4)).toEqual({ outTimeSeconds: 1.5, speed: 2.01, done: false });
    expect(parseProgressBlock(v5)).toEqual({ outTimeSeconds: 2.5, speed: null, done: true });
    expect(parseProgressBlock('frame=1\n')).toBeNull();
  });

  it('splits a stream into whole blocks and keeps the rest', () => {
    const { blocks, rest } = takeProgressBlocks('a=1\nprogress=continue\nb=2\nprogress=end\nc=');
    expect(blocks).toEqual(['a=1\nprogress=continue\n', 'b=2\nprogress=end\n']);
    expect(rest).toBe('c=');
  });

  it('never says 100 % before ffmpeg has finished', () => {
    expect(progressPercent({ outTimeSeconds: 5, speed: 1, done: false }, 10)).toBe(50);
    expect(progressPercent({ outTimeSeconds: 10.2, speed: 1, done: false }, 10)).toBe(99.9);
    expect(progressPercent({ outTimeSeconds: 10, speed: 1, done: true }, 10)).toBe(100);
  });
});

describe('ffmpeg failures', () => {
  it.each([
    ['[mov,mp4] moov atom not found\nin.mp4: Invalid data found when processing input', 'ERR_MALFORMED_VIDEO'],
    ['[h264] error while decoding MB 10 20', 'ERR_MALFORMED_VIDEO'],
    ['av_interleaved_write_frame(): No space left on device', 'ERR_DISK_FULL'],
    ['Something else went wrong', 'ERR_UNKNOWN'],
  ])('%j is %s', (tail, code) => {
    const failure = classifyFfmpegFailure(tail, '/data/originals/v/in.mp4');
    expect(failure.code).toBe(code);
    expect(failure.text.length).toBeGreaterThan(30);
  });

  it('names the input by its file name, not by where this machine keeps it', () => {
    const source = '/home/someone/.config/Ferry/originals/0123abcd/Course 01 - Intro.mp4';
    const failure = classifyFfmpegFailure(`[mov,mp4] moov atom not found\n${source}: Invalid data found`, source);
    expect(failure.text).toContain('(Course 01 - Intro.mp4: Invalid data found)');
    expect(failure.text).not.toContain('/home/someone');
  });
});
