/** Which video state goes with each queue stage. Pure. */
import type { Stage } from '../../../shared/video';
import type { VideoState } from '../../../shared/video-states';

/** The state a video waits in before a stage is claimed, and returns to if the work is interrupted. */
export function waitingState(stage: Stage): VideoState {
  return stage === 'deliver' || stage === 'done' ? 'ready' : 'queued';
}

/** The state while a stage is being worked on. */
export function workingState(stage: Stage): VideoState {
  switch (stage) {
    case 'fetch':
      return 'downloading';
    case 'probe':
    case 'transcode':
      return 'inprogress';
    case 'deliver':
    case 'done':
      // Delivery does not change the video's own state: it is already playable locally.
      return 'ready';
  }
}
