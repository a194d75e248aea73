/**
 * Hardware H.264/HEVC encoders: which of an ffmpeg's compiled-in ones Ferry may try, the one-second
 * test encode that proves one works on this machine (a build lists NVENC whether or not there is an
 * NVIDIA GPU), and the options of a ladder rung encoded with one. Pure.
 */
import type { VideoCodec } from '../../../shared/transcode-presets';
import type { RungRate } from './plan-rung-encoding';

export const hardwareFamilies = ['videotoolbox', 'nvenc', 'qsv', 'vaapi', 'amf'] as const;
export type HardwareFamily = (typeof hardwareFamilies)[number];

export interface HardwareEncoder {
  /** ffmpeg's name: h264_nvenc, hevc_videotoolbox… */
  encoder: string;
  codec: Extract<VideoCodec, 'h264' | 'hevc'>;
  family: HardwareFamily;
}

/** What the test encode found: `error` is ffmpeg's own reason ("Cannot load libcuda.so.1"). */
export interface HardwareCheck extends HardwareEncoder {
  ok: boolean;
  error?: string;
}

/** VAAPI's usual render node: the first GPU on Linux. */
export const vaapiDevice = '/dev/dri/renderD128';

/** The H.264 and HEVC hardware encoders among an ffmpeg's encoders, in the order they are preferred. */
export function hardwareCandidates(encoders: readonly string[]): HardwareEncoder[] {
  return (['h264', 'hevc'] as const).flatMap((codec) =>
    hardwareFamilies
      .map((family) => ({ encoder: `${codec}_${family}`, codec, family }))
      .filter((candidate) => encoders.includes(candidate.encoder)),
  );
}

/** Frames of a VAAPI encoder live on the GPU: the device, and an upload at the end of each rung's chain. */
export function hardwareDeviceArgs(encoder: HardwareEncoder): string[] {
  return encoder.family === 'vaapi' ? ['-init_hw_device', `vaapi=va:${vaapiDevice}`, '-filter_hw_device', 'va'] : [];
}

export function hardwareUploadFilter(encoder: HardwareEncoder): string {
  return encoder.family === 'vaapi' ? ',format=nv12,hwupload' : '';
}

/** One second of 640x360 test pattern through the encoder, to nothing. */
export function testEncodeArgs(encoder: HardwareEncoder): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', ...hardwareDeviceArgs(encoder)],
    ...['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=30:d=1'],
    ...['-vf', `format=yuv420p${hardwareUploadFilter(encoder)}`, '-c:v', encoder.encoder, '-f', 'null', '-'],
  ];
}

/** ffmpeg's reason in a line: its first, without the `[h264_nvenc @ 0x5605…] ` prefix. */
export function testEncodeFailure(stderr: string, exit: string): string {
  const first = stderr
    .split('\n')
    .map((line) => line.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/, '').trim())
    .find((line) => line !== '');
  return (first ?? exit).slice(0, 200);
}

const familyOptions: Readonly<Record<HardwareFamily, (s: string) => string[]>> = {
  nvenc: (s) => [`-preset${s}`, 'p4', `-no-scenecut${s}`, '1', `-forced-idr${s}`, '1'],
  qsv: (s) => [`-preset${s}`, 'veryfast'],
  vaapi: () => [],
  videotoolbox: (s) => [`-allow_sw${s}`, '0'],
  amf: (s) => [`-quality${s}`, 'speed'],
};

/**
 * Output video stream `i` on a hardware encoder. They have no CRF that means what x264's does:
 * a capped rung gets three quarters of its cap on average, the cap as its peak.
 */
export function hardwareRungArgs(i: number, encoder: HardwareEncoder, rate: RungRate): string[] {
  const s = `:v:${i}`;
  const args = [`-c${s}`, encoder.encoder, ...familyOptions[encoder.family](s)];
  args.push(...(encoder.codec === 'h264' ? [`-profile${s}`, 'high'] : [`-tag${s}`, 'hvc1']));
  const [average, peak, buffer] =
    rate.kind === 'crf'
      ? [Math.round(rate.capKbps * 0.75), rate.capKbps, rate.capKbps * 2]
      : [rate.kbps, rate.maxKbps, rate.bufferKbps];
  args.push(`-b${s}`, `${average}k`, `-maxrate${s}`, `${peak}k`, `-bufsize${s}`, `${buffer}k`);
  return args;
}
