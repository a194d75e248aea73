/**
 * Stopping work this process is running: for a user's command (which has already moved the video
 * to its new state) or, with the video handed back to its stage, for a paused queue, a full disk
 * or a stopped engine.
 */
import { applyOutcome } from '../stages/apply-outcome';
import type { EngineContext } from '../context/engine-context';

/** Stops the work running on these videos and waits until it is gone. */
export async function stopWork(context: EngineContext, uids: Iterable<string>): Promise<void> {
  const stopping: Promise<void>[] = [];
  for (const uid of uids) {
    const work = context.running.get(uid);
    if (!work) continue;
    work.stop();
    stopping.push(work.finished);
  }
  await Promise.all(stopping);
}

/**
 * Returns the videos this process is working on (all, or those given) to the stage they were at
 * (a download keeps its bytes, a transcode starts again later): for a paused queue, a full disk,
 * the end of the download hours or a stopped engine,
 * not a user's pause. Committed like a stage's outcome, so a command that moved a video
 * meanwhile (in another process too) stands.
 */
export async function interruptRunning(
  context: EngineContext,
  reason: 'queue-paused' | 'low-disk-space' | 'engine-stopped' | 'download-hours-over',
  uids: string[] = [...context.running.keys()],
): Promise<void> {
  for (const uid of uids) {
    const position = context.store.positionOf(uid);
    if (position && position.stage !== 'done') {
      applyOutcome(context, { uid, stage: position.stage, options: {} }, { kind: 'interrupted', reason });
    }
  }
  await stopWork(context, uids);
}
