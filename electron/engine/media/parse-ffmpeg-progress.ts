/**
 * Reads ffmpeg's `-progress` output (blocks of key=value lines ending in progress=continue or
 * progress=end). Pure. ffmpeg 4.x names the microsecond field out_time_ms; later ones also
 * print out_time_us.
 */

export interface FfmpegProgress {
  outTimeSeconds: number;
  speed: number | null;
  done: boolean;
}

export function parseProgressBlock(block: string): FfmpegProgress | null {
  const fields = new Map<string, string>();
  for (const line of block.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const progress = fields.get('progress');
  if (!progress) return null;
  const micros = Number(fields.get('out_time_us') ?? fields.get('out_time_ms'));
  let outTimeSeconds = Number.isFinite(micros) && micros >= 0 ? micros / 1e6 : NaN;
  if (!Number.isFinite(outTimeSeconds)) {
    const match = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(fields.get('out_time') ?? '');
    outTimeSeconds = match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : 0;
  }
  const speed = Number.parseFloat(fields.get('speed') ?? '');
  return { outTimeSeconds, speed: Number.isFinite(speed) ? speed : null, done: progress === 'end' };
}

/** Splits a growing buffer into complete blocks; returns them and what is left over. */
export function takeProgressBlocks(buffer: string): { blocks: string[]; rest: string } {
  const blocks: string[] = [];
  let rest = buffer;
  for (let end = rest.search(/progress=\w+\n/); end >= 0; end = rest.search(/progress=\w+\n/)) {
    const stop = rest.indexOf('\n', end) + 1;
    blocks.push(rest.slice(0, stop));
    rest = rest.slice(stop);
  }
  return { blocks, rest };
}

/** Percentage of the work done, never 100 until ffmpeg has finished. */
export function progressPercent(progress: FfmpegProgress, duration: number): number {
  if (progress.done) return 100;
  if (!(duration > 0)) return 0;
  return Math.max(0, Math.min(99.9, (progress.outTimeSeconds / duration) * 100));
}
