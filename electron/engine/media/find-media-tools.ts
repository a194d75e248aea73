/**
 * Resolves ffmpeg and ffprobe once per process: the first candidate (locate-media-tools.ts) that
 * passes the check wins. With nothing usable, the error lists every candidate and why it failed.
 */
import { checkMediaTool, MediaToolError, type MediaTool } from './check-media-tool';
import { locateCandidates, envVariable, type ToolName } from './locate-media-tools';

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

export async function findMediaTool(tool: ToolName, env: NodeJS.ProcessEnv = process.env): Promise<MediaTool> {
  const candidates = locateCandidates(tool, env);
  const key = `${tool}\0${candidates.map((c) => c.path).join('\0')}`;
  let found = cache.get(key);
  if (!found) {
    found = (async () => {
      const failures: MediaToolError[] = [];
      for (const candidate of candidates) {
        try {
          return await checkMediaTool(tool, candidate);
        } catch (error) {
          if (!(error instanceof MediaToolError)) throw error;
          failures.push(error);
        }
      }
      throw new NoMediaToolError(tool, failures);
    })();
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
