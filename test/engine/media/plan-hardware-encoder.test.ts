import { describe, expect, it } from 'vitest';
import {
  hardwareCandidates,
  hardwareRungArgs,
  testEncodeArgs,
  testEncodeFailure,
} from '../../../electron/engine/media/plan-hardware-encoder';

const nvenc = { encoder: 'h264_nvenc', codec: 'h264', family: 'nvenc' } as const;
const vaapi = { encoder: 'hevc_vaapi', codec: 'hevc', family: 'vaapi' } as const;

describe('hardware encoders', () => {
  it('tries the H.264 and HEVC ones of the five families a build may list, not the other codecs', () => {
    const listed = ['libx264', 'h264_vaapi', 'h264_nvenc', 'hevc_qsv', 'vp9_vaapi', 'h264_v4l2m2m', 'mjpeg_qsv'];
    expect(hardwareCandidates(listed).map((c) => c.encoder)).toEqual(['h264_nvenc', 'h264_vaapi', 'hevc_qsv']);
  });

  it('tests one second of pattern, uploaded to the GPU for VAAPI', () => {
    expect(testEncodeArgs(nvenc).join(' ')).toContain(
      '-f lavfi -i testsrc2=s=640x360:r=30:d=1 -vf format=yuv420p -c:v h264_nvenc -f null -',
    );
    expect(testEncodeArgs(vaapi).join(' ')).toContain(
      '-init_hw_device vaapi=va:/dev/dri/renderD128 -filter_hw_device va -f lavfi -i testsrc2=s=640x360:r=30:d=1 -vf format=yuv420p,format=nv12,hwupload -c:v hevc_vaapi',
    );
  });

  it.each([
    [
      '[h264_nvenc @ 0x56059a178480] Cannot load libcuda.so.1\nError initializing output stream 0:0 -- …',
      'Cannot load libcuda.so.1',
    ],
    ['Device creation failed: -22.\nFailed to set value', 'Device creation failed: -22.'],
    ['', 'exit code 1'],
  ])('says why a test failed in ffmpeg’s first words: %j', (stderr, reason) => {
    expect(testEncodeFailure(stderr, 'exit code 1')).toBe(reason);
  });

  it('encodes a capped rung at three quarters of its cap on average, the cap as its peak', () => {
    expect(hardwareRungArgs(1, nvenc, { kind: 'crf', crf: 22, capKbps: 2000 })).toEqual([
      ...['-c:v:1', 'h264_nvenc', '-preset:v:1', 'p4', '-no-scenecut:v:1', '1', '-forced-idr:v:1', '1'],
      ...['-profile:v:1', 'high', '-b:v:1', '1500k', '-maxrate:v:1', '2000k', '-bufsize:v:1', '4000k'],
    ]);
    expect(hardwareRungArgs(0, vaapi, { kind: 'abr', kbps: 3000, maxKbps: 4500, bufferKbps: 6000 })).toEqual([
      ...['-c:v:0', 'hevc_vaapi', '-tag:v:0', 'hvc1'],
      ...['-b:v:0', '3000k', '-maxrate:v:0', '4500k', '-bufsize:v:0', '6000k'],
    ]);
  });
});
