/**
 * Resolves ffmpeg and ffprobe once per process: the first candidate (locate-media-tools.ts) that
 * passes the check wins. With nothing usable, the error lists every candidate and why it failed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkMediaTool, MediaToolError, type MediaTool } from './check-media-tool';
import { locateCandidates, envVariable, type ToolName } from './locate-media-tools';

const run = promisify(execFile);

export interface MediaTools {
  ffmpeg: MediaTool;
  ffprobe: MediaTool;
}

export class NoMediaToolError extends Error {
  constructor(
    readonly tool: ToolName,
    readonly failures: MediaToolError[],
  ) {
    super(
      failures.length === 1 && failures[0]
        ? failures[0].message
        : failures.length === 0
          ? `No ${tool} found: none is bundled and none is on PATH. Install ffmpeg, or set ${envVariable(tool)} to its full path.`
          : `No working ${tool}: ${failures.map((f) => f.message).join(' ')}`,
    );
    this.name = 'NoMediaToolError';
  }
}

const cache = new Map<string, Promise<MediaTool>>();

/** Tiny MPEG-TS and MP4 files made by the working ffmpeg, for checking ffprobe candidates. */
async function withProbeSamples<T>(env: NodeJS.ProcessEnv, use: (samples: string[]) => Promise<T>): Promise<T> {
  let ffmpeg: MediaTool;
  try {
    ffmpeg = await findMediaTool('ffmpeg', env);
  } catch {
    return use([]); // no ffmpeg to make samples with: ffprobe is checked by -version alone
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-probe-check-'));
  try {
    const samples = [path.join(dir, 'sample.ts'), path.join(dir, 'sample.mp4')];
    for (const sample of samples) {
      await run(ffmpeg.path, [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        'testsrc=s=64x64:r=10:d=0.3',
        '-c:v',
        'mpeg2video',
        sample,
      ]);
    }
    return await use(samples);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function findMediaTool(tool: ToolName, env: NodeJS.ProcessEnv = process.env): Promise<MediaTool> {
  const candidates = locateCandidates(tool, env);
  const key = `${tool}\0${candidates.map((c) => c.path).join('\0')}\0${tool === 'ffprobe' ? (env.FFMPEG_PATH ?? '') : ''}`;
  let found = cache.get(key);
  if (!found) {
    const check = async (samples: string[]) => {
      const failures: MediaToolError[] = [];
      for (const candidate of candidates) {
        try {
          const checked = await checkMediaTool(tool, candidate, samples);
          return failures.length > 0 ? { ...checked, skipped: failures.map((f) => f.message) } : checked;
        } catch (error) {
          if (!(error instanceof MediaToolError)) throw error;
          failures.push(error);
        }
      }
      throw new NoMediaToolError(tool, failures);
    };
    found = tool === 'ffprobe' ? withProbeSamples(env, check) : check([]);
    cache.set(key, found);
    // A failure is not cached: the user may fix the install and ask again in the same session.
    found.catch(() => cache.delete(key));
  }
  return found;
}

export async function findMediaTools(env: NodeJS.ProcessEnv = process.env): Promise<MediaTools> {
  const [ffmpeg, ffprobe] = await Promise.all([findMediaTool('ffmpeg', env), findMediaTool('ffprobe', env)]);
  return { ffmpeg, ffprobe };
}
