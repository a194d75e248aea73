/** Pure parsers for what ffmpeg and ffprobe print about themselves. */

export interface ToolVersion {
  /** As printed, e.g. `5.1.9-0+deb12u1` or `N-47683-g0e8eb07980-static` for a git snapshot. */
  raw: string;
  /**
   * The release line. A git snapshot prints no release number; its libavformat major tells
   * the line (58 is 4.x, 59 is 5.x, 60 is 6.x, 61 is 7.x).
   */
  major: number | null;
  minor: number | null;
  libavformat: number | null;
}

const releaseOfLibavformat: Record<number, number> = { 57: 3, 58: 4, 59: 5, 60: 6, 61: 7, 62: 8 };

/** Reads `-version`: `ffmpeg version 5.1.9-0+deb12u1 Copyright …` and the library lines. */
export function parseVersion(output: string, tool: 'ffmpeg' | 'ffprobe'): ToolVersion | null {
  const match = new RegExp(`^${tool} version (\\S+)`, 'm').exec(output);
  if (!match?.[1]) return null;
  const raw = match[1];
  const release = /^n?(\d+)\.(\d+)/.exec(raw);
  const lavf = /^libavformat\s+(\d+)\./m.exec(output);
  const libavformat = lavf ? Number(lavf[1]) : null;
  return {
    raw,
    major: release ? Number(release[1]) : libavformat !== null ? (releaseOfLibavformat[libavformat] ?? null) : null,
    minor: release ? Number(release[2]) : null,
    libavformat,
  };
}

/** Names of the encoders listed by `ffmpeg -hide_banner -encoders` (after the legend). */
export function parseEncoders(output: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => /^\s*-{6}\s*$/.test(line));
  return lines
    .slice(start + 1)
    .map((line) => /^\s*[VAS][A-Z.]{5}\s+(\S+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** Option names from `ffmpeg -hide_banner -h muxer=NAME` (lines such as `  -hls_playlist <boolean> …`). */
export function parseMuxerOptions(output: string): string[] {
  return [...output.matchAll(/^\s+-(\w+)\s+</gm)].map((m) => m[1] as string);
}

const hardwareSuffixes = ['_nvenc', '_qsv', '_vaapi', '_videotoolbox', '_amf', '_mf', '_v4l2m2m', '_vulkan'];

export function hardwareEncoders(encoders: readonly string[]): string[] {
  return encoders.filter((name) => hardwareSuffixes.some((suffix) => name.endsWith(suffix)));
}
