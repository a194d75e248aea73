/**
 * A changed trim makes the outputs again from the source: a video already transcoded (or being
 * transcoded) goes back to the transcode stage, its running ffmpeg stopped; one not transcoded
 * yet reads the new trim when its turn comes. A link whose original was dropped once ready is
 * downloaded again first. Deliveries already made stay; `deliver` sends the new outputs.
 */
import fs from 'node:fs';
import type { Stage } from '../../../shared/video';
import type { EngineContext } from '../context/engine-context';
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
    context.store.transition(uid, 'queued', { ...fresh, releaseLease: true });
    await stopWork(context, [uid]);
  } else {
    // Paused, failed or canceled past the transcode: it resumes or retries from the new stage.
    context.store.transition(uid, state, fresh);
  }
  context.store.record(uid, 'transcode-again', { reason: 'trim', stage });
  return true;
}
