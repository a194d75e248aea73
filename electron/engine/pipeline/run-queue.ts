/**
 * Works the queue in this process, one piece of work at a time: the next probe, transcode or
 * download (probing is cheap; one transcode already uses every core). With `watch`, waits for
 * new work instead of returning when the queue is idle.
 */
import type { Stage } from '../../../shared/video';
import type { EngineContext } from './engine-context';
import { runFetchStage, type FetchTuning } from './fetch-stage';
import { runProbeStage } from './probe-stage';
import { runTranscodeStage } from './transcode-stage';

export interface RunOptions {
  watch?: boolean;
  signal?: AbortSignal;
  /** How long to sleep between looks at an idle queue in watch mode. */
  pollMs?: number;
}

// Finish what is nearest to done first: a probed video before a new download.
const stageOrder: Stage[] = ['probe', 'transcode', 'fetch'];

export function createWaker() {
  let wake: (() => void) | undefined;
  return {
    /** Resolves after `ms`, or sooner when `notify` is called. */
    sleep(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    notify(): void {
      wake?.();
    },
  };
}

export async function runQueue(
  context: EngineContext,
  waker: ReturnType<typeof createWaker>,
  tuning: FetchTuning,
  options: RunOptions = {},
): Promise<void> {
  const abort = () => waker.notify();
  options.signal?.addEventListener('abort', abort);
  try {
    while (!options.signal?.aborted) {
      let worked = false;
      for (const stage of stageOrder) {
        const claimed = context.store.claimNext(stage, context.leaseMs);
        if (!claimed) continue;
        context.feed.touch(claimed.video.uid);
        if (stage === 'fetch') await runFetchStage(context, claimed, tuning);
        else if (stage === 'probe') await runProbeStage(context, claimed);
        else await runTranscodeStage(context, claimed);
        worked = true;
        break;
      }
      if (worked) continue;
      if (!options.watch) return;
      await waker.sleep(options.pollMs ?? 1000);
    }
  } finally {
    options.signal?.removeEventListener('abort', abort);
    context.feed.flush();
  }
}
