/**
 * Test media, generated with ffmpeg's lavfi sources at test time (never committed). Each
 * function writes one file into `dir` and returns its path.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { locateCandidates, type ToolName } from '../../electron/engine/media/locate-media-tools';
import { parseVersion } from '../../electron/engine/media/parse-ffmpeg-info';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/**
 * The tools the tests generate and inspect media with: the first Ferry itself would try, so the
 * one on PATH (Debian's in CI), else the bundled pair on a machine with no ffmpeg installed.
 */
const firstCandidate = (tool: ToolName): string =>
  locateCandidates(tool, { ...process.env, FFMPEG_PATH: '', FFPROBE_PATH: '' })[0]?.path ?? tool;
export const ffmpeg = process.env.FFMPEG_FIXTURES ?? firstCandidate('ffmpeg');
export const ffprobe = process.env.FFPROBE_FIXTURES ?? firstCandidate('ffprobe');
/** ffmpeg 4.1 from @ffmpeg-installer: a second version to run Ferry with. */
export const ffmpeg41 = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;

export async function ff(args: string[], bin = ffmpeg): Promise<void> {
  await run(bin, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], { maxBuffer: 64 * 1024 * 1024 });
}

const video = (size: string, seconds: number, rate = 30) => [
  '-f',
  'lavfi',
  '-i',
  `testsrc2=s=${size}:r=${rate}:d=${seconds}`,
];
const tone = (seconds: number) => ['-f', 'lavfi', '-i', `sine=f=440:sample_rate=48000:d=${seconds}`];
const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];

export async function landscape1080(dir: string, seconds = 2): Promise<string> {
  const out = path.join(dir, 'landscape-1080p.mp4');
  await ff([...video('1920x1080', seconds), ...tone(seconds), ...x264, '-c:a', 'aac', '-shortest', out]);
  return out;
}

/** Coded 1280x720 with a 90° display matrix: a phone video held upright, shown 720x1280. */
export async function portraitRotated(dir: string): Promise<string> {
  const plain = path.join(dir, 'portrait-plain.mp4');
  const out = path.join(dir, 'portrait-rotated.mp4');
  await ff([...video('1280x720', 2), ...x264, plain]);
  // Newer ffmpeg ignores the rotate tag when writing; 4.1 still turns it into the display matrix.
  await ff(['-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', out], ffmpeg41);
  fs.rmSync(plain);
  return out;
}

export async function oddSize(dir: string): Promise<string> {
  const out = path.join(dir, 'odd-853x479.mkv');
  // testsrc2 rounds sizes to even; testsrc (RGB) and 4:4:4 keep 853x479.
  const source = ['-f', 'lavfi', '-i', 'testsrc=s=853x479:r=30:d=2'];
  await ff([...source, ...tone(2), '-c:v', 'ffv1', '-pix_fmt', 'yuv444p', '-c:a', 'flac', '-shortest', out]);
  return out;
}

export async function standardDefinition43(dir: string): Promise<string> {
  const out = path.join(dir, 'sd-4x3.avi');
  await ff([...video('640x480', 2, 25), ...tone(2), '-c:v', 'mpeg4', '-q:v', '4', '-c:a', 'mp3', '-shortest', out]);
  return out;
}

/** `-fps_mode` came with ffmpeg 5.1; older builds (the bundled 4.1) spell it `-vsync`. */
async function fpsModeOption(): Promise<string> {
  const { stdout } = await run(ffmpeg, ['-version']);
  const version = parseVersion(stdout, 'ffmpeg');
  const [major, minor] = [version?.major ?? 0, version?.minor ?? 0];
  return major > 5 || (major === 5 && minor >= 1) ? '-fps_mode' : '-vsync';
}

/** 30 fps for a second, then 10 fps: timestamps kept as they are (variable frame rate). */
export async function variableFrameRate(dir: string): Promise<string> {
  const out = path.join(dir, 'vfr.mkv');
  await ff([
    ...video('640x360', 1, 30),
    ...video('640x360', 1, 10),
    '-filter_complex',
    '[0:v]setpts=PTS-STARTPTS[a];[1:v]setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1[v]',
    '-map',
    '[v]',
    await fpsModeOption(),
    'vfr',
    ...x264,
    out,
  ]);
  return out;
}

export async function hevc(dir: string): Promise<string> {
  const out = path.join(dir, 'hevc.mp4');
  await ff([
    ...video('1280x720', 2),
    ...tone(2),
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-tag:v',
    'hvc1',
    '-x265-params',
    'log-level=error',
    '-c:a',
    'aac',
    '-shortest',
    out,
  ]);
  return out;
}

export async function tooShort(dir: string): Promise<string> {
  const out = path.join(dir, 'short.mp4');
  await ff([...video('320x240', 0.05), ...x264, out]);
  return out;
}

/** The first half of an MP4 whose index (moov) was at the end: it cannot be read. */
export async function truncated(dir: string): Promise<string> {
  const whole = path.join(dir, 'whole.mp4');
  const out = path.join(dir, 'truncated.mp4');
  await ff([...video('640x360', 2), ...x264, whole]);
  const bytes = fs.readFileSync(whole);
  fs.writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length / 2)));
  fs.rmSync(whole);
  return out;
}

/** Half of an MP4 whose index is at the front: it probes fine, then the data runs out. */
export async function truncatedAfterIndex(dir: string): Promise<string> {
  const whole = path.join(dir, 'whole-faststart.mp4');
  const out = path.join(dir, 'truncated-faststart.mp4');
  await ff([...video('640x360', 4), ...x264, '-movflags', '+faststart', whole]);
  const bytes = fs.readFileSync(whole);
  fs.writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length / 2)));
  fs.rmSync(whole);
  return out;
}

export async function jpeg(dir: string): Promise<string> {
  const out = path.join(dir, 'photo.jpg');
  await ff([...video('640x360', 1), '-frames:v', '1', out]);
  return out;
}

export async function wav(dir: string): Promise<string> {
  const out = path.join(dir, 'tone.wav');
  await ff([...tone(1), out]);
  return out;
}

export function textFile(dir: string): string {
  const out = path.join(dir, 'notes.txt');
  fs.writeFileSync(out, 'These are meeting notes, not a video.\n'.repeat(20));
  return out;
}

export async function hlsPlaylist(dir: string): Promise<string> {
  const out = path.join(dir, 'stream.m3u8');
  await ff([...video('320x240', 2), ...x264, '-f', 'hls', '-hls_time', '1', out]);
  return out;
}

/** A solid-color video, for checking watermark pixels. */
export async function solidColor(dir: string, color: string, size = '1280x720', seconds = 2): Promise<string> {
  const out = path.join(dir, `solid-${color}.mp4`);
  await ff(['-f', 'lavfi', '-i', `color=c=${color}:s=${size}:r=30:d=${seconds}`, ...x264, out]);
  return out;
}

export async function solidImage(dir: string, color: string, size: string): Promise<string> {
  const out = path.join(dir, `mark-${color}.png`);
  await ff(['-f', 'lavfi', '-i', `color=c=${color}:s=${size}`, '-frames:v', '1', out]);
  return out;
}

/** The source re-encoded with noise and no loss: it does not compress, so a download spans several 1 MiB pieces. */
export async function incompressible(source: string): Promise<string> {
  const out = `${source}.big.mkv`;
  await ff(['-i', source, '-vf', 'noise=alls=30:allf=t', '-c:v', 'libx264', '-qp', '0', '-preset', 'ultrafast', out]);
  return out;
}

/** A small MP4 that does not compress (about 3 MB a second): uploads of it take a while when the server is slow. */
export async function noisyMp4(dir: string, seconds = 1): Promise<string> {
  const out = path.join(dir, 'noisy.mp4');
  await ff([
    ...video('320x240', seconds, 25),
    '-vf',
    'noise=alls=30:allf=t',
    '-c:v',
    'libx264',
    '-qp',
    '0',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
  return out;
}

/**
 * A large video made fast: uncompressed 1080p frames (3 MB each) in Matroska, about `megabytes`
 * in size, for uploads big enough to stop half-way.
 */
export async function largeRawVideo(dir: string, megabytes: number): Promise<string> {
  const out = path.join(dir, 'large-raw.mkv');
  const frames = Math.ceil((megabytes * 1024 * 1024) / (1920 * 1080 * 1.5));
  await ff([
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=1920x1080:r=25`,
    '-frames:v',
    String(frames),
    '-c:v',
    'rawvideo',
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
  return out;
}
