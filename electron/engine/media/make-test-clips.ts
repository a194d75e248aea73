/**
 * One-second clips in the containers Ferry reads most, MPEG-TS and MP4, made by a given ffmpeg:
 * an ffprobe candidate must read them, and `ferry doctor` shows both tools working on them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestClips {
  ts: string;
  mp4: string;
}

/** H.264 where the build has libx264 (every full build); MPEG-4 Part 2 from FFmpeg itself otherwise. */
export function clipArgs(file: string, hasLibx264: boolean): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=s=64x64:r=10:d=1',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=1',
    '-c:v',
    hasLibx264 ? 'libx264' : 'mpeg4',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    file,
  ];
}

export async function makeTestClips(ffmpeg: string, dir: string, hasLibx264: boolean): Promise<TestClips> {
  const clips = { ts: path.join(dir, 'clip.ts'), mp4: path.join(dir, 'clip.mp4') };
  await Promise.all(
    [clips.ts, clips.mp4].map((file) =>
      run(ffmpeg, clipArgs(file, hasLibx264), { timeout: 30_000, windowsHide: true }),
    ),
  );
  return clips;
}

/** Runs `use` with the clips in a fresh temporary directory, removed afterwards. */
export async function withTestClips<T>(
  ffmpeg: string,
  hasLibx264: boolean,
  use: (clips: TestClips) => Promise<T>,
): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-test-clips-'));
  try {
    return await use(await makeTestClips(ffmpeg, dir, hasLibx264));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
