/**
 * Where ffmpeg and ffprobe may be, in design.md's order: the environment variable, the bundled
 * package, PATH, then a packaged fallback. Returns candidates only; check-media-tool.ts decides
 * whether each one works.
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

function fromPackage(name: string, pick: (exported: unknown) => unknown): string | null {
  try {
    const value = pick(require(name));
    return typeof value === 'string' && value.length > 0 ? unpackedAsarPath(value) : null;
  } catch {
    return null; // the package is not installed (optional dependency, or failed download)
  }
}

const packages: Record<ToolName, { bundled: string; fallback: string | null }> = {
  // ffmpeg-static exports the path itself; the @…-installer packages export { path }.
  ffmpeg: { bundled: 'ffmpeg-static', fallback: '@ffmpeg-installer/ffmpeg' },
  ffprobe: { bundled: '@ffprobe-installer/ffprobe', fallback: null },
};

const pathOf = (exported: unknown): unknown =>
  typeof exported === 'string' ? exported : (exported as { path?: unknown } | null)?.path;

export function findOnPath(tool: ToolName, env: NodeJS.ProcessEnv): string | null {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
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
 * The candidates for a tool. When the environment variable is set it is the only candidate:
 * the user asked for that binary, so a broken one is an error rather than a silent fallback.
 */
export function locateCandidates(tool: ToolName, env: NodeJS.ProcessEnv): Candidate[] {
  const variable = envVariable(tool);
  const explicit = env[variable];
  if (explicit) return [{ path: explicit, origin: 'env', from: variable }];
  const candidates: Candidate[] = [];
  const { bundled, fallback } = packages[tool];
  const bundledPath = fromPackage(bundled, pathOf);
  if (bundledPath) candidates.push({ path: bundledPath, origin: 'bundled', from: bundled });
  const onPath = findOnPath(tool, env);
  if (onPath) candidates.push({ path: onPath, origin: 'path', from: 'PATH' });
  const fallbackPath = fallback ? fromPackage(fallback, pathOf) : null;
  if (fallbackPath && fallback) candidates.push({ path: fallbackPath, origin: 'fallback', from: fallback });
  return candidates;
}
