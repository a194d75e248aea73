/**
 * The in and out points being set on the video's page, kept until applied or cleared, for the
 * outputs they were set on (`outputs` changes when the video is made again). The player learns
 * the exact length a moment after it starts (the sound's last packet): an out point left at the
 * end stays at the end.
 */
import { useState } from 'react';
import { moveHandle, wholeVideo, type TrimDraft, type TrimHandle } from './trim-draft';

export interface TrimDraftState {
  draft: TrimDraft;
  move(handle: TrimHandle, to: number): void;
  reset(): void;
}

interface Kept {
  outputs: string;
  draft: TrimDraft;
  /** The out point was at the end when it was last moved. */
  outAtEnd: boolean;
}

export function useTrimDraft(outputs: string, duration: number): TrimDraftState {
  const [kept, setKept] = useState<Kept | null>(null);
  const draft =
    kept && kept.outputs === outputs
      ? {
          in: Math.min(kept.draft.in, duration),
          out: kept.outAtEnd ? duration : Math.min(kept.draft.out, duration),
        }
      : wholeVideo(duration);
  return {
    draft,
    move: (handle, to) => {
      const moved = moveHandle(draft, handle, to, duration);
      setKept({ outputs, draft: moved, outAtEnd: moved.out >= duration });
    },
    reset: () => setKept(null),
  };
}
