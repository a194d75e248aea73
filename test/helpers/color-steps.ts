/**
 * A source whose every second is one solid colour, H.264 with keyframes only every `gop` frames
 * at 25 fps, with a tone: a frame's colour says which second of the source it came from, so a
 * trim's first and last frames can be checked to the frame. Generated at test time.
 */
import path from 'node:path';
import { ff, ffprobe } from './media-fixtures';
import { meanColor, rgbFrame } from './inspect-outputs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const stepColors = { red: [255, 0, 0], green: [0, 128, 0], blue: [0, 0, 255], white: [255, 255, 255] } as const;
export type StepColor = keyof typeof stepColors;
export const stepSize = { width: 320, height: 180 };

export async function colorSteps(dir: string, colors: StepColor[], gop = 50, copyable = false): Promise<string> {
  const out = path.join(dir, `steps-${colors.join('-')}-${gop}.mp4`);
  const { width, height } = stepSize;
  const inputs = colors.flatMap((c) => ['-f', 'lavfi', '-i', `color=c=${c}:s=${width}x${height}:r=25:d=1`]);
  const joined = `${colors.map((_, i) => `[${i}:v]`).join('')}concat=n=${colors.length}:v=1:a=0,format=yuv420p[v]`;
  const tone = ['-f', 'lavfi', '-i', `sine=f=440:sample_rate=48000:d=${colors.length}`];
  await ff([
    ...inputs,
    ...tone,
    '-filter_complex',
    joined,
    '-map',
    '[v]',
    '-map',
    `${colors.length}:a`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    ...(copyable ? ['-profile:v', 'high', '-b:v', '300k'] : []),
    '-g',
    String(gop),
    '-keyint_min',
    String(gop),
    '-sc_threshold',
    '0',
    '-c:a',
    'aac',
    '-shortest',
    out,
  ]);
  return out;
}

/** The step colour nearest to the frame's centre at `seconds` of `file`. */
export async function colorAt(file: string, seconds: number): Promise<StepColor> {
  const { width, height } = stepSize;
  const frame = await rgbFrame(file, width, height, seconds);
  const mean = meanColor(frame, width, { x: width / 4, y: height / 4, w: width / 2, h: height / 2 });
  const distance = (c: readonly number[]) => c.reduce((sum, v, i) => sum + (v - (mean[i] ?? 0)) ** 2, 0);
  const names = Object.keys(stepColors) as StepColor[];
  return names.reduce((best, name) => (distance(stepColors[name]) < distance(stepColors[best]) ? name : best));
}

/** The video stream's frame count and duration, as ffprobe counts them. */
export async function videoFrames(file: string): Promise<{ frames: number; duration: number }> {
  const { stdout } = await run(ffprobe, [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-count_packets',
    '-show_entries',
    'stream=nb_read_packets,duration',
    '-of',
    'json',
    file,
  ]);
  const stream = (JSON.parse(stdout) as { streams: { nb_read_packets: string; duration: string }[] }).streams[0];
  return { frames: Number(stream?.nb_read_packets), duration: Number(stream?.duration) };
}
