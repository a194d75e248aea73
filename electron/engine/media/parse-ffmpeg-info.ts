/** Pure parsers for what ffmpeg and ffprobe print about themselves. */

export interface ToolVersion {
  /** As printed, e.g. `5.1.9-0+deb12u1` or `N-109979-g1a2b3c` for a git snapshot. */
  raw: string;
  /** null for git snapshots, which carry no release number. */
  major: number | null;
  minor: number | null;
}

/** Reads the first line of `-version`: `ffmpeg version 5.1.9-0+deb12u1 Copyright …`. */
export function parseVersion(output: string, tool: 'ffmpeg' | 'ffprobe'): ToolVersion | null {
  const match = new RegExp(`^${tool} version (\\S+)`, 'm').exec(output);
  if (!match?.[1]) return null;
  const raw = match[1];
  const release = /^n?(\d+)\.(\d+)/.exec(raw);
  return {
    raw,
    major: release ? Number(release[1]) : null,
    minor: release ? Number(release[2]) : null,
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
