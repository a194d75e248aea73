/**
 * Where the source's video has keyframes: the passthrough decision needs them on every segment
 * boundary. ffprobe reads packets only (no decoding: about 50 ms for a minute of 1080p), for the
 * whole video, since one irregular keyframe late in the file would misalign a copied rendition.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Keyframe times (seconds, as the packets say) from ffprobe's `pts_time,flags` CSV lines. Pure. */
export function parseKeyframes(csv: string): number[] {
  const times: number[] = [];
  for (const line of csv.split('\n')) {
    const [time, flags] = line.trim().split(',');
    if (!flags?.startsWith('K')) continue;
    const t = Number(time);
    if (time !== '' && Number.isFinite(t)) times.push(t);
  }
  return times.sort((a, b) => a - b);
}

export async function readKeyframes(options: {
  ffprobe: string;
  source: string;
  formatName: string;
  signal?: AbortSignal;
}): Promise<number[]> {
  const { stdout } = await run(
    options.ffprobe,
    [
      '-v',
      'error',
      '-protocol_whitelist',
      'file',
      '-format_whitelist',
      options.formatName,
      '-select_streams',
      'v:0',
      '-show_entries',
      'packet=pts_time,flags',
      '-of',
      'csv=p=0',
      options.source,
    ],
    {
      // A 3-hour 60 fps video is about 650,000 packet lines (~10 MB).
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
      windowsHide: true,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  return parseKeyframes(stdout);
}
