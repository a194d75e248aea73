/**
 * `ferry doctor`'s proof that the chosen ffmpeg and ffprobe work together: ffmpeg writes a
 * one-second clip in MPEG-TS and in MP4, ffprobe reads each back, and each tool's part is
 * reported as done or failed with the reason.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MediaTool } from './check-media-tool';
import { clipArgs } from './make-test-clips';
import { readProbe, type FfprobeOutput } from './read-probe';

const run = promisify(execFile);

export interface ToolTrial {
  ok: boolean;
  /** What the tool did, one line each ("wrote a 1-second MPEG-TS clip (h264, aac)"). */
  done: string[];
  error?: string;
}

export interface PairTrial {
  ffmpeg: ToolTrial;
  ffprobe: ToolTrial;
}

const containers = [
  { name: 'MPEG-TS', file: 'clip.ts' },
  { name: 'MP4', file: 'clip.mp4' },
] as const;

function why(error: unknown): string {
  const { signal, code, stderr } = error as { signal?: string | null; code?: number | string; stderr?: string };
  const said = (stderr ?? '').trim().split('\n').pop() ?? '';
  const how = signal ? `crashed (${signal})` : `exit code ${String(code)}`;
  return said ? `${how}: ${said}` : how;
}

/** What ffprobe says about a clip, or why it is not a one-second video. */
async function readClip(ffprobe: string, file: string): Promise<string> {
  const { stdout } = await run(ffprobe, ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], {
    timeout: 30_000,
    windowsHide: true,
  });
  const verdict = readProbe(JSON.parse(stdout) as FfprobeOutput);
  if (!verdict.ok) throw new Error(verdict.text);
  const { duration, width, height, videoCodec, audioCodec } = verdict.info;
  if (Math.abs(duration - 1) > 0.5) throw new Error(`it reports ${duration.toFixed(2)} s for a 1-second clip`);
  return `${duration.toFixed(1)} s, ${width}x${height}, ${videoCodec}${audioCodec ? ` + ${audioCodec}` : ''}`;
}

function fail(trial: ToolTrial, problem: string): ToolTrial {
  return { ...trial, ok: false, error: trial.error ? `${trial.error}; ${problem}` : problem };
}

export async function tryMediaPair(ffmpeg: MediaTool, ffprobe: MediaTool): Promise<PairTrial> {
  const hasLibx264 = ffmpeg.capabilities?.encoders.includes('libx264') ?? false;
  const trial: PairTrial = { ffmpeg: { ok: true, done: [] }, ffprobe: { ok: true, done: [] } };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-doctor-'));
  try {
    for (const { name, file } of containers) {
      const clip = path.join(dir, file);
      try {
        await run(ffmpeg.path, clipArgs(clip, hasLibx264), { timeout: 30_000, windowsHide: true });
        trial.ffmpeg.done.push(`wrote a 1-second ${name} clip (${hasLibx264 ? 'h264' : 'mpeg4'}, aac)`);
      } catch (error) {
        trial.ffmpeg = fail(trial.ffmpeg, `could not write a 1-second ${name} clip (${why(error)})`);
        continue;
      }
      try {
        trial.ffprobe.done.push(`read the ${name} clip: ${await readClip(ffprobe.path, clip)}`);
      } catch (error) {
        // A process that failed carries its stderr; anything else is what the output meant.
        const reason = error instanceof Error && !('stderr' in error) ? error.message : why(error);
        trial.ffprobe = fail(trial.ffprobe, `could not read the ${name} clip ffmpeg wrote (${reason})`);
      }
    }
    return trial;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
