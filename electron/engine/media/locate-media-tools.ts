/**
 * Where ffmpeg and ffprobe may be: the environment variable, PATH, the bundled pair, then a
 * packaged fallback. Returns candidates only; check-media-tool.ts decides whether each one works
 * and plan-media-pairs.ts which of them go together.
 *
 * The bundled pair is @ffmpeg-installer/ffmpeg and ffprobe-static: static builds that ship inside
 * their npm packages for macOS, Windows and Linux, from the same builders (johnvansickle on Linux,
 * evermeet on Intel macOS, zeranoe on Windows) and the same FFmpeg 4.0/4.1 line of 2018. Being that
 * old, it comes after a system ffmpeg (PATH), which is newer wherever one is installed. On Apple
 * silicon the pair's ffprobe is @ffprobe-installer's native build (see bundledPackages).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ToolName = 'ffmpeg' | 'ffprobe';
export type ToolOrigin = 'env' | 'bundled' | 'path' | 'fallback';

export interface Candidate {
  path: string;
  origin: ToolOrigin;
  /** The package or variable it came from, for `ferry doctor`. */
  from: string;
}

const require = createRequire(import.meta.url);

/** In a packaged app, binaries live beside the asar archive, in `app.asar.unpacked`. */
export function unpackedAsarPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

function fromPackage(name: string): string | null {
  try {
    const value = (require(name) as { path?: unknown } | null)?.path;
    return typeof value === 'string' && value.length > 0 ? unpackedAsarPath(value) : null;
  } catch {
    return null; // not installed: the platform package of another platform
  }
}

/**
 * ffprobe-static's macOS arm64 binary is an x86_64 build, which needs Rosetta (absent on a fresh
 * Apple silicon Mac); @ffprobe-installer's is native there. Elsewhere @ffprobe-installer is only
 * a fallback: its linux-x64 builds crash on every MPEG-TS file.
 */
export function bundledPackages(
  platform: NodeJS.Platform,
  arch: string,
): Record<ToolName, { bundled: string; fallback: string | null }> {
  const nativeMacProbe = platform === 'darwin' && arch === 'arm64';
  return {
    ffmpeg: { bundled: '@ffmpeg-installer/ffmpeg', fallback: null },
    ffprobe: nativeMacProbe
      ? { bundled: '@ffprobe-installer/ffprobe', fallback: 'ffprobe-static' }
      : { bundled: 'ffprobe-static', fallback: '@ffprobe-installer/ffprobe' },
  };
}

// ffprobe-static exits the process when required on any other platform.
const staticPlatforms: readonly NodeJS.Platform[] = ['darwin', 'linux', 'win32'];

function packagePath(name: string | null): string | null {
  if (!name || (name === 'ffprobe-static' && !staticPlatforms.includes(process.platform))) return null;
  return fromPackage(name);
}

export function findOnPath(tool: ToolName, env: NodeJS.ProcessEnv): string | null {
  // A copy of Windows' environment ({ ...process.env }) keeps its spelling, `Path`.
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? [`${tool}.exe`] : [tool];
  for (const dir of dirs) {
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        if (fs.statSync(file).isFile()) return file;
      } catch {
        // not in this directory
      }
    }
  }
  return null;
}

export function envVariable(tool: ToolName): string {
  return tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
}

/**
 * The candidates for a tool, in order of preference. When the environment variable is set it is
 * the only candidate: the user asked for that binary, so a broken one is an error rather than a
 * silent fallback.
 */
export function locateCandidates(tool: ToolName, env: NodeJS.ProcessEnv): Candidate[] {
  const variable = envVariable(tool);
  const explicit = env[variable];
  if (explicit) return [{ path: explicit, origin: 'env', from: variable }];
  const candidates: Candidate[] = [];
  const onPath = findOnPath(tool, env);
  if (onPath) candidates.push({ path: onPath, origin: 'path', from: 'PATH' });
  const { bundled, fallback } = bundledPackages(process.platform, process.arch)[tool];
  const bundledPath = packagePath(bundled);
  if (bundledPath) candidates.push({ path: bundledPath, origin: 'bundled', from: bundled });
  const fallbackPath = packagePath(fallback);
  if (fallbackPath && fallback) candidates.push({ path: fallbackPath, origin: 'fallback', from: fallback });
  return candidates;
}
