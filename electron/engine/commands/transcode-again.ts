/**
 * A changed trim makes the outputs again from the source: a video already transcoded (or being
 * transcoded) goes back to the transcode stage, its running ffmpeg stopped; one not transcoded
 * yet reads the new trim when its turn comes. A link whose original was dropped once ready is
 * downloaded again first. The old outputs are deleted at once. Deliveries already made stay;
 * `deliver` sends the new outputs.
 */
import fs from 'node:fs';
import type { Stage } from '../../../shared/video';
import type { EngineContext } from '../context/engine-context';
import { videoFolder } from '../data-paths';
import { stopWork } from '../run/stop-work';

/** Where the outputs are made again from: the transcode when the source is on disk, else the download. Pure. */
export function stageToMakeAgain(source: { kind: 'url' | 'file'; path?: string | null }, exists: boolean): Stage {
  return source.kind === 'url' && !(source.path && exists) ? 'fetch' : 'transcode';
}

/** Answers whether the video was sent back to a stage (the run loop should wake). */
export async function transcodeAgain(context: EngineContext, uid: string): Promise<boolean> {
  const video = context.store.get(uid);
  if (!video) return false;
  const { state, step } = video.status;
  // Not transcoded yet: the transcode stage reads the trim when it claims the video.
  if (step === 'fetch' || step === 'probe' || (step === 'transcode' && state !== 'inprogress')) return false;
  const path = video.source.path;
  const stage = stageToMakeAgain(video.source, path ? fs.existsSync(path) : false);
  const fresh = { stage, pctComplete: 0, nextAttemptAt: 0, resetAttempts: true } as const;
  if (state === 'ready' || state === 'inprogress') {
    // The old outputs go: players must not keep them (their names come back, made of another part),
    // and the new ones play as soon as they are playable, as a first transcode's do.
    const gone = { playback: null, downloads: null, thumbnail: null, renditions: [], readyToStreamAt: null };
    context.store.transition(uid, 'queued', { ...fresh, releaseLease: true, doc: gone });
    await stopWork(context, [uid]);
    await fs.promises.rm(videoFolder(context.paths, uid), { recursive: true, force: true });
  } else {
    // Paused, failed or canceled past the transcode: it resumes or retries from the new stage.
    context.store.transition(uid, state, fresh);
  }
  context.store.record(uid, 'transcode-again', { reason: 'trim', stage });
  return true;
}
