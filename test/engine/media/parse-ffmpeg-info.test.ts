import { describe, expect, it } from 'vitest';
import { unpackedAsarPath } from '../../../electron/engine/media/locate-media-tools';
import {
  hardwareEncoders,
  parseEncoders,
  parseMuxerOptions,
  parseVersion,
} from '../../../electron/engine/media/parse-ffmpeg-info';

describe('parsing what ffmpeg says about itself', () => {
  it.each([
    [
      'ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2025\nlibavformat    59. 27.100 / 59. 27.100',
      '5.1.9-0+deb12u1',
      5,
      1,
      59,
    ],
    ['ffmpeg version 4.1 Copyright (c) 2000-2018 the FFmpeg developers', '4.1', 4, 1, null],
    ['ffmpeg version n7.1.1 Copyright (c) 2000-2025\nlibavformat    61.  7.100 / 61.  7.100', 'n7.1.1', 7, 1, 61],
    ['ffmpeg version 6.1.1-static https://johnvansickle.com/ffmpeg/', '6.1.1-static', 6, 1, null],
    [
      'ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/\nlibavformat    58. 20.100 / 58. 20.100',
      'N-47683-g0e8eb07980-static',
      4,
      null,
      58,
    ],
    ['ffmpeg version N-109979-g1a2b3c4d5e Copyright (c)', 'N-109979-g1a2b3c4d5e', null, null, null],
  ])('reads the version from %j', (text, raw, major, minor, libavformat) => {
    expect(parseVersion(text, 'ffmpeg')).toEqual({ raw, major, minor, libavformat });
  });

  it('does not take another program for ffmpeg', () => {
    expect(parseVersion('Python 3.11.7', 'ffmpeg')).toBeNull();
    expect(parseVersion('ffprobe version 5.1 Copyright', 'ffmpeg')).toBeNull();
    expect(parseVersion('ffprobe version 5.1 Copyright', 'ffprobe')?.major).toBe(5);
  });

  it('lists encoders after the legend, hardware ones included', () => {
    const text = [
      'Encoders:',
      ' V..... = Video',
      ' A..... = Audio',
      ' ------',
      ' V....D libx264              libx264 H.264 / AVC (codec h264)',
      ' V....D h264_nvenc           NVIDIA NVENC H.264 encoder (codec h264)',
      ' V....D h264_videotoolbox    VideoToolbox H.264 Encoder (codec h264)',
      ' A....D aac                  AAC (Advanced Audio Coding)',
      ' S..... webvtt               WebVTT subtitle',
    ].join('\n');
    const encoders = parseEncoders(text);
    expect(encoders).toEqual(['libx264', 'h264_nvenc', 'h264_videotoolbox', 'aac', 'webvtt']);
    expect(hardwareEncoders(encoders)).toEqual(['h264_nvenc', 'h264_videotoolbox']);
  });

  it('reads muxer option names', () => {
    const text = `Muxer dash [DASH Muxer]:
dash muxer AVOptions:
  -adaptation_sets   <string>     E.......... Adaptation sets.
  -seg_duration      <duration>   E.......... segment duration (in seconds, fractional value can be set) (default 5)
  -hls_playlist      <boolean>    E.......... Generate HLS playlist files(master.m3u8, media_%d.m3u8) (default false)`;
    expect(parseMuxerOptions(text)).toEqual(['adaptation_sets', 'seg_duration', 'hls_playlist']);
  });

  it.each([
    [
      '/Applications/Ferry.app/Contents/Resources/app.asar/node_modules/ffmpeg-static/ffmpeg',
      '/Applications/Ferry.app/Contents/Resources/app.asar.unpacked/node_modules/ffmpeg-static/ffmpeg',
    ],
    [
      'C:\\Program Files\\Ferry\\resources\\app.asar\\node_modules\\ffmpeg-static\\ffmpeg.exe',
      'C:\\Program Files\\Ferry\\resources\\app.asar.unpacked\\node_modules\\ffmpeg-static\\ffmpeg.exe',
    ],
    ['/home/me/ferry/node_modules/ffmpeg-static/ffmpeg', '/home/me/ferry/node_modules/ffmpeg-static/ffmpeg'],
    ['/opt/Ferry/resources/app.asar.unpacked/x/ffmpeg', '/opt/Ferry/resources/app.asar.unpacked/x/ffmpeg'],
  ])('rewrites %s for a packaged app', (input, expected) => {
    expect(unpackedAsarPath(input)).toBe(expected);
  });
});
