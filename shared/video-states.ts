/**
 * The states of docs/architecture.md ("States and stages") and the transitions between them.
 * `queued -> downloading -> queued -> inprogress -> ready`, `error` from any working state, and
 * Ferry's `paused` and `canceled`.
 */
export const videoStates = ['queued', 'downloading', 'inprogress', 'ready', 'error', 'paused', 'canceled'] as const;
export type VideoState = (typeof videoStates)[number];

const transitions: Record<VideoState, readonly VideoState[]> = {
  queued: ['downloading', 'inprogress', 'error', 'paused', 'canceled'],
  // Back to `queued` when a download finishes or when interrupted work returns to its stage;
  // straight to `ready` when the original, as downloaded, is the output (no transcode).
  downloading: ['queued', 'ready', 'error', 'paused', 'canceled'],
  inprogress: ['queued', 'ready', 'error', 'paused', 'canceled'],
  // Back to `queued` when the outputs must be made again from the source (a changed trim).
  ready: ['queued'],
  error: ['queued', 'canceled'],
  paused: ['queued', 'canceled'],
  canceled: ['queued'],
};

export function canTransition(from: VideoState, to: VideoState): boolean {
  return transitions[from].includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly uid: string,
    readonly from: VideoState,
    readonly to: VideoState,
  ) {
    super(`Video ${uid} cannot go from "${from}" to "${to}".`);
    this.name = 'IllegalTransitionError';
  }
}

/** States in which work is being done on the video right now. */
export const workingStates: readonly VideoState[] = ['downloading', 'inprogress'];

/** States the queue has yet to bring to an end: waiting for a stage, or being worked on. */
export const unfinishedStates: readonly VideoState[] = ['queued', ...workingStates];

/** How many videos the queue has yet to bring to an end, from counts by state. */
export function unfinishedCount(byState: Readonly<Record<VideoState, number>>): number {
  return unfinishedStates.reduce((n, state) => n + byState[state], 0);
}
