import { describe, expect, it } from 'vitest';
import { planPassthrough, type PassthroughInput } from '../../../electron/engine/media/plan-passthrough';
import type { MediaInfo } from '../../../shared/media-info';

const info: MediaInfo = {
  formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
  duration: 12,
  size: 6_000_000,
  width: 1920,
  height: 1080,
  rotation: 0,
  frameRate: '30/1',
  fps: 30,
  variableFrameRate: false,
  videoCodec: 'h264',
  audioCodec: 'aac',
  video: {
    profile: 'High',
    level: 40,
    pixelFormat: 'yuv420p',
    bitRate: 4_000_000,
    sampleAspectRatio: '1:1',
    fieldOrder: 'progressive',
  },
  audio: { profile: 'LC', channels: 2, sampleRate: 48000 },
};
const every = (gop: number, until = 12, from = 0) =>
  Array.from({ length: Math.ceil((until - from) / gop) }, (_, i) => from + i * gop);
const input: PassthroughInput = {
  info,
  top: { width: 1920, height: 1080, maxKbps: 6750 },
  fps: 30,
  codec: 'h264',
  keyframes: every(2),
  watermark: false,
  segmentSeconds: 4,
};
const video = (facts: Partial<NonNullable<MediaInfo['video']>>) => ({
  info: { ...info, video: { ...(info.video as NonNullable<MediaInfo['video']>), ...facts } },
});

describe('the passthrough decision', () => {
  it('copies an H.264 High 1080p source with a 2 s GOP under the top rung, sound included', () => {
    expect(planPassthrough(input)).toEqual({
      copy: true,
      gopFrames: 60,
      segmentSeconds: 4,
      copyAudio: true,
      frames: null,
      why: 'the source is already H.264 High 4.0, 1920×1080, 4.0 Mbit/s, a keyframe every 2 s',
    });
  });

  it.each<[string, Partial<PassthroughInput>, string]>([
    ['VP9', { info: { ...info, videoCodec: 'vp9' } }, 'the source is VP9'],
    ['ProRes', { info: { ...info, videoCodec: 'prores' } }, 'the source is ProRes'],
    [
      'HEVC for an H.264 ladder',
      { info: { ...info, videoCodec: 'hevc' } },
      'the source is HEVC and the ladder is H.264',
    ],
    ['H.264 for an HEVC ladder', { codec: 'hevc' }, 'the source is H.264 and the ladder is HEVC'],
    ['H.264 for an AV1 ladder', { codec: 'av1' }, 'the source is H.264 and the ladder is AV1'],
    ['High 10', video({ profile: 'High 10' }), 'the source is H.264 High 10, which browsers do not all play'],
    [
      '4:2:2',
      video({ pixelFormat: 'yuv422p' }),
      "the source's pixels are yuv422p; browsers play 8-bit 4:2:0 (yuv420p)",
    ],
    ['level 6.0', video({ level: 60 }), 'the source is level 6.0, above what phones and TVs decode'],
    ['interlaced', video({ fieldOrder: 'tt' }), 'the source is interlaced'],
    ['anamorphic', video({ sampleAspectRatio: '4:3' }), "the source's pixels are not square (4:3)"],
    ['rotated', { info: { ...info, rotation: 90 } }, 'the source is turned 90° by its metadata'],
    ['variable frame rate', { info: { ...info, variableFrameRate: true } }, "the source's frame rate varies"],
    [
      '120 fps',
      { info: { ...info, fps: 120, frameRate: '120/1' }, fps: 60 },
      'the source is 120 fps and the ladder 60 fps',
    ],
    [
      '4K over a 1080p top rung',
      { info: { ...info, width: 3840, height: 2160 } },
      "the source's picture (3840×2160) is larger than the top rendition's (1920×1080)",
    ],
    [
      'an odd size the rung rounds down',
      { info: { ...info, width: 853, height: 479 }, top: { width: 852, height: 478, maxKbps: 3000 } },
      "the source's picture (853×479) is larger than the top rendition's (852×478)",
    ],
    [
      'over the bitrate',
      video({ bitRate: 16_200_000 }),
      "the source's video is 16.2 Mbit/s, over the top rendition's 6.8 Mbit/s",
    ],
    ['no bitrate', video({ bitRate: -1 }), "the source's bitrate is not known"],
    ['watermarked', { watermark: true }, 'a watermark is drawn on the picture'],
    ['keyframes not read', { keyframes: null }, "the source's keyframes could not be read"],
    ['one keyframe', { keyframes: [0] }, 'the source has a single keyframe, so its segments cannot line up'],
    [
      'scene-cut keyframes',
      { keyframes: [0, 2, 4, 4.8, 6.8, 8.8] },
      "the source's keyframes are irregular (0.8 s to 2 s apart)",
    ],
    [
      'a 10 s GOP',
      { keyframes: every(10, 40), info: { ...info, duration: 40 } },
      "the source's keyframes are 10 s apart, longer than a segment should be (8 s)",
    ],
    [
      'an in point between keyframes',
      { trim: { start: 5.3, end: 12 } },
      'the in point (5.3 s) is not on a keyframe of the source',
    ],
    [
      'an out point between keyframes',
      { trim: { start: 4, end: 9 } },
      'the out point (9 s) is not on a keyframe of the source',
    ],
  ])('encodes %s', (_, change, why) => {
    expect(planPassthrough({ ...input, ...change })).toEqual({ copy: false, why });
  });

  it('still copies a trim whose in and out points are keyframes, or whose out point is the end', () => {
    // Out before the end: the copy stops after the frames between (a copy's -to lets B-frames' keyframe through).
    expect(planPassthrough({ ...input, trim: { start: 4, end: 10 } })).toMatchObject({ copy: true, frames: 180 });
    expect(planPassthrough({ ...input, trim: { start: 2, end: 12 } })).toMatchObject({ copy: true, frames: null });
  });

  it('measures keyframes from the first, whatever the container starts its clock at', () => {
    expect(planPassthrough({ ...input, keyframes: every(2, 13.4, 1.4), trim: { start: 4, end: 12 } })).toMatchObject({
      copy: true,
    });
  });

  it.each([
    [1, 30, 4],
    [0.5, 15, 4],
    [3, 90, 3],
    [2.5, 75, 5],
    [6, 180, 6],
  ])('makes segments a whole number of GOPs near 4 s: GOP %s s', (gop, gopFrames, segmentSeconds) => {
    const decision = planPassthrough({ ...input, keyframes: every(gop, 30), info: { ...info, duration: 30 } });
    expect(decision).toMatchObject({ copy: true, gopFrames, segmentSeconds });
  });

  it('keeps a broadcast rate exact: a 60-frame GOP at 29.97 fps is 2.002 s, a segment 4.004 s', () => {
    const ntsc = { ...info, fps: 30000 / 1001, frameRate: '30000/1001' };
    const decision = planPassthrough({ ...input, info: ntsc, fps: 30000 / 1001, keyframes: every(2.002, 12) });
    expect(decision).toMatchObject({ copy: true, gopFrames: 60 });
    expect(decision.copy && decision.segmentSeconds).toBeCloseTo(4.004, 6);
  });

  it('copies HEVC Main into an HEVC ladder', () => {
    const hevc = {
      ...info,
      videoCodec: 'hevc',
      video: { ...(info.video as NonNullable<MediaInfo['video']>), profile: 'Main', level: 120 },
    };
    expect(planPassthrough({ ...input, codec: 'hevc', info: hevc })).toMatchObject({ copy: true });
  });

  it.each<[string, Partial<MediaInfo>]>([
    ['5.1 sound', { audio: { profile: 'LC', channels: 6, sampleRate: 48000 } }],
    ['HE-AAC', { audio: { profile: 'HE-AAC', channels: 2, sampleRate: 48000 } }],
    ['Opus', { audioCodec: 'opus' }],
  ])('encodes the sound when it is %s', (_, sound) => {
    expect(planPassthrough({ ...input, info: { ...info, ...sound } })).toMatchObject({ copy: true, copyAudio: false });
  });
});
