/**
 * Runs the one-second test encode of each hardware encoder an ffmpeg lists, once per ffmpeg (path
 * and version) for the life of the process: a driver does not appear while Ferry runs, and a test
 * encode costs up to a second or two. Only an encoder that passed is ever used for a ladder.
 */
import { execFile } from 'node:child_process';
import type { QualityPreset, VideoCodec } from '../../../shared/transcode-presets';
import {
  hardwareCandidates,
  testEncodeArgs,
  testEncodeFailure,
  type HardwareCheck,
  type HardwareEncoder,
} from './plan-hardware-encoder';

const testTimeoutMs = 20_000;
const verified = new Map<string, Promise<HardwareCheck[]>>();

function testEncode(ffmpeg: string, encoder: HardwareEncoder): Promise<HardwareCheck> {
  return new Promise((resolve) => {
    execFile(ffmpeg, testEncodeArgs(encoder), { timeout: testTimeoutMs, windowsHide: true }, (error, _out, stderr) => {
      if (!error) return resolve({ ...encoder, ok: true });
      const exit = error.killed ? `no answer in ${testTimeoutMs / 1000} s` : `exit code ${String(error.code)}`;
      resolve({ ...encoder, ok: false, error: testEncodeFailure(stderr, exit) });
    });
  });
}

/** Every hardware H.264/HEVC encoder of this ffmpeg, tested one after the other (they may share one GPU). */
export function verifyHardwareEncoders(ffmpeg: {
  path: string;
  version: { raw: string };
  encoders: readonly string[];
}): Promise<HardwareCheck[]> {
  const key = `${ffmpeg.path}\n${ffmpeg.version.raw}`;
  let checks = verified.get(key);
  if (!checks) {
    checks = (async () => {
      const found: HardwareCheck[] = [];
      for (const candidate of hardwareCandidates(ffmpeg.encoders)) found.push(await testEncode(ffmpeg.path, candidate));
      return found;
    })();
    verified.set(key, checks);
  }
  return checks;
}

/**
 * The hardware encoder a ladder uses: only when the user chose speed (the `fast` preset), and only
 * one whose test encode passed; null means x264 (or x265).
 */
export async function hardwareEncoderFor(
  ffmpeg: Parameters<typeof verifyHardwareEncoders>[0],
  choice: { preset: QualityPreset; codec: VideoCodec },
): Promise<HardwareEncoder | null> {
  if (choice.preset !== 'fast') return null;
  const checks = await verifyHardwareEncoders(ffmpeg);
  const usable = checks.find((check) => check.ok && check.codec === choice.codec);
  return usable ? { encoder: usable.encoder, codec: usable.codec, family: usable.family } : null;
}
