/**
 * The per-title analysis: three 2-second stretches of the source (at a sixth, half and five
 * sixths of it), scaled to 360p and encoded once with x264 ultrafast at the ladder's CRF; their
 * mean bit rate says how hard this video is to compress (plan-title-caps.ts turns it into caps).
 * About a second of CPU for a 1080p source; skipped for a source too short for it to pay.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TitleSample } from './plan-title-caps';
import { runFfmpeg } from './run-ffmpeg';

/** Under this, the ladder is quick anyway and three samples would be most of the video. */
export const minAnalysedSeconds = 20;
const sampleSeconds = 2;
const samplePixels = 640 * 360;

export interface SampleRequest {
  ffmpeg: string;
  source: string;
  formatName: string;
  duration: number;
  width: number;
  height: number;
  frameRate: string;
  crf: number;
  signal?: AbortSignal;
}

/** The sample's picture: 360p's pixel count in the source's shape, even sides. */
export function samplePicture(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, Math.sqrt(samplePixels / (width * height)));
  const even = (n: number) => Math.max(2, 2 * Math.round((n * scale) / 2));
  return { width: even(width), height: even(height) };
}

export async function measureTitleSample(request: SampleRequest): Promise<TitleSample | null> {
  if (request.duration < minAnalysedSeconds) return null;
  const picture = samplePicture(request.width, request.height);
  const starts = [1 / 6, 1 / 2, 5 / 6].map((at) => at * request.duration - sampleSeconds / 2);
  const inputs = starts.flatMap((start) => [
    // From the keyframe before each point: no frames decoded only to be thrown away.
    ...['-noaccurate_seek', '-ss', start.toFixed(3), '-t', String(sampleSeconds)],
    ...['-protocol_whitelist', 'file', '-format_whitelist', request.formatName, '-i', request.source],
  ]);
  const scaled = starts.map(
    // Each stretch starts at its keyframe, its time at zero.
    (_, i) =>
      `[${i}:v:0]setpts=PTS-STARTPTS,fps=${request.frameRate},scale=${picture.width}:${picture.height},setsar=1[s${i}]`,
  );
  const graph = `${scaled.join(';')};${starts.map((_, i) => `[s${i}]`).join('')}concat=n=${starts.length}:v=1:a=0,format=yuv420p[out]`;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-sample-'));
  const out = path.join(dir, 'sample.h264');
  try {
    const result = await runFfmpeg({
      ffmpeg: request.ffmpeg,
      args: [
        ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1'],
        ...inputs,
        ...['-filter_complex', graph, '-map', '[out]', '-an'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', String(request.crf), '-g', '60', '-f', 'h264', out],
      ],
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const seconds = result.lastProgress?.outTimeSeconds ?? 0;
    // A failed or empty sample only costs the title its own caps: the fixed ones are used.
    if (result.code !== 0 || seconds < 1) return null;
    const bytes = (await fs.stat(out)).size;
    return { kbps: Math.round((bytes * 8) / 1000 / seconds), ...picture };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
