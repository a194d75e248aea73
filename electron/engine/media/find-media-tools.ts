/**
 * Resolves ffmpeg and ffprobe once per process. Candidates (locate-media-tools.ts) are checked by
 * running them; the first matched pair that passes wins (plan-media-pairs.ts), else each tool's
 * first working candidate. With nothing usable, the error lists every candidate and why it failed.
 */
import { checkMediaTool, MediaToolError, type MediaTool } from './check-media-tool';
import { locateCandidates, envVariable, type Candidate, type ToolName } from './locate-media-tools';
import { withTestClips } from './make-test-clips';
import { isMatchedPair, planMediaPairs } from './plan-media-pairs';

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

export interface MediaToolsResolution {
  ffmpeg: MediaTool | NoMediaToolError;
  ffprobe: MediaTool | NoMediaToolError;
  /** Both from one build (the bundled pair, or one PATH directory). */
  matched: boolean;
  /** With `everyCandidate`: how each candidate of each tool fared, chosen or not. */
  candidates?: CandidateVerdict[];
}

export interface CandidateVerdict {
  tool: ToolName;
  candidate: Candidate;
  /** The tool when it works, else why not. */
  outcome: MediaTool | MediaToolError;
}

type Outcome = MediaTool | MediaToolError;
type Check = (tool: ToolName, candidate: Candidate) => Promise<Outcome>;

/** Checks each candidate at most once per resolution, in whatever order the pairs ask for them. */
function candidateChecks(samples: () => string[]): Check {
  const outcomes = new Map<Candidate, Promise<Outcome>>();
  return (tool: ToolName, candidate: Candidate): Promise<Outcome> => {
    let outcome = outcomes.get(candidate);
    if (!outcome) {
      outcome = checkMediaTool(tool, candidate, tool === 'ffprobe' ? samples() : []).catch((error: unknown) => {
        if (error instanceof MediaToolError) return error;
        throw error;
      });
      outcomes.set(candidate, outcome);
    }
    return outcome;
  };
}

/** The chosen tool, carrying why the candidates before it failed; or every failure. */
async function settle(
  tool: ToolName,
  candidates: Candidate[],
  chosen: Candidate | undefined,
  check: Check,
): Promise<MediaTool | NoMediaToolError> {
  const failures: MediaToolError[] = [];
  for (const candidate of candidates) {
    const outcome = await check(tool, candidate);
    if (outcome instanceof MediaToolError) {
      failures.push(outcome);
      continue;
    }
    if (chosen && candidate !== chosen) continue; // works, but its partner does not
    return failures.length > 0 ? { ...outcome, skipped: failures.map((f) => f.message) } : outcome;
  }
  return new NoMediaToolError(tool, failures);
}

/** Checks every candidate of both tools (most were checked already, once). */
function checkEveryCandidate(candidates: Record<ToolName, Candidate[]>, check: Check): Promise<CandidateVerdict[]> {
  const all = (['ffmpeg', 'ffprobe'] as const).flatMap((tool) =>
    candidates[tool].map((candidate) => ({ tool, candidate })),
  );
  return Promise.all(all.map(async (c) => ({ ...c, outcome: await check(c.tool, c.candidate) })));
}

async function resolve(env: NodeJS.ProcessEnv, everyCandidate: boolean): Promise<MediaToolsResolution> {
  const ffmpegCandidates = locateCandidates('ffmpeg', env);
  const ffprobeCandidates = locateCandidates('ffprobe', env);
  let clips: string[] = [];
  const check = candidateChecks(() => clips);
  const finish = async (resolution: MediaToolsResolution): Promise<MediaToolsResolution> =>
    everyCandidate
      ? {
          ...resolution,
          candidates: await checkEveryCandidate({ ffmpeg: ffmpegCandidates, ffprobe: ffprobeCandidates }, check),
        }
      : resolution;

  const ffmpeg = await settle('ffmpeg', ffmpegCandidates, undefined, check);
  if (ffmpeg instanceof NoMediaToolError) {
    // No ffmpeg to make clips with: ffprobe is checked by -version alone.
    return finish({ ffmpeg, ffprobe: await settle('ffprobe', ffprobeCandidates, undefined, check), matched: false });
  }
  const hasLibx264 = ffmpeg.capabilities?.encoders.includes('libx264') ?? false;
  // Everything that reads the clips happens inside this call: they are deleted after it.
  return withTestClips(ffmpeg.path, hasLibx264, async (made) => {
    clips = [made.ts, made.mp4];
    for (const pair of planMediaPairs(ffmpegCandidates, ffprobeCandidates)) {
      const [f, p] = await Promise.all([check('ffmpeg', pair.ffmpeg), check('ffprobe', pair.ffprobe)]);
      if (f instanceof MediaToolError || p instanceof MediaToolError) continue;
      return finish({
        ffmpeg: await settle('ffmpeg', ffmpegCandidates, pair.ffmpeg, check),
        ffprobe: await settle('ffprobe', ffprobeCandidates, pair.ffprobe, check),
        matched: true,
      });
    }
    const ffprobe = await settle('ffprobe', ffprobeCandidates, undefined, check);
    const matched = !(ffprobe instanceof NoMediaToolError) && isMatchedPair({ ffmpeg, ffprobe });
    return finish({ ffmpeg, ffprobe, matched });
  });
}

/** The doctor's view: every candidate checked and reported, not only the chosen ones. */
export function resolveEveryMediaTool(env: NodeJS.ProcessEnv = process.env): Promise<MediaToolsResolution> {
  return resolve(env, true);
}

const cache = new Map<string, Promise<MediaToolsResolution>>();

export function resolveMediaTools(env: NodeJS.ProcessEnv = process.env): Promise<MediaToolsResolution> {
  const key = [...locateCandidates('ffmpeg', env), ...locateCandidates('ffprobe', env)]
    .map((c) => `${c.origin}:${c.path}`)
    .join('\0');
  let found = cache.get(key);
  if (!found) {
    found = resolve(env, false);
    cache.set(key, found);
    // A failure is not kept: the user may fix the install and ask again in the same session.
    const forget = () => cache.delete(key);
    found.then((r) => {
      if (r.ffmpeg instanceof Error || r.ffprobe instanceof Error) forget();
    }, forget);
  }
  return found;
}

export async function findMediaTool(tool: ToolName, env: NodeJS.ProcessEnv = process.env): Promise<MediaTool> {
  const found = (await resolveMediaTools(env))[tool];
  if (found instanceof Error) throw found;
  return found;
}

export async function findMediaTools(env: NodeJS.ProcessEnv = process.env): Promise<MediaTools> {
  const { ffmpeg, ffprobe } = await resolveMediaTools(env);
  if (ffmpeg instanceof Error) throw ffmpeg;
  if (ffprobe instanceof Error) throw ffprobe;
  return { ffmpeg, ffprobe };
}
