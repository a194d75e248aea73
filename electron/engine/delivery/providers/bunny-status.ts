/**
 * Bunny Stream's video status as a poll reads it: `status` of GET /library/{id}/videos/{guid} is
 * `VideoModelStatus` in Bunny's OpenAPI file (BunnyWay/bunny-stream-ios, Sources/BunnyStreamAPI/
 * openapi.yml), not the webhook's list, whose numbers mean other things. Pure.
 */
import type { DeliveryReadyWhen } from '../../../../shared/delivery-targets';
import type { RemoteStatus } from './provider';

/** The fields of Bunny's VideoModel the status is read from. */
export interface BunnyVideoState {
  status?: number;
  encodeProgress?: number;
  /** Comma-separated resolutions already encoded ("240p,360p"), empty until the first one is. */
  availableResolutions?: string | null;
  transcodingMessages?: { message?: string | null; level?: number }[] | null;
}

/** VideoModelStatus 0–8, with the word shown for each. */
const statusWords = [
  'created',
  'uploaded',
  'processing',
  'transcoding',
  'finished',
  'error',
  'upload failed',
  'JIT segmenting',
  'JIT playlists created',
];

/** Transcoding messages of level Error (3 in the spec's Severity), or all of them when none is. */
function reasons(video: BunnyVideoState): string[] {
  const messages = video.transcodingMessages ?? [];
  const errors = messages.filter((m) => m.level === 3);
  return (errors.length > 0 ? errors : messages).map((m) => m.message).filter((m): m is string => !!m);
}

export function bunnyStatus(video: BunnyVideoState, readyWhen: DeliveryReadyWhen): RemoteStatus {
  const code = video.status ?? -1;
  const word = statusWords[code] ?? `status ${code}`;
  const pct = typeof video.encodeProgress === 'number' ? { pct: video.encodeProgress } : {};
  // No playbackUrl: the video object carries no URL, and the HLS address needs the library's pull
  // zone hostname, which the API key alone does not give.
  switch (code) {
    case 4:
      return { phase: 'ready', word, pct: 100 };
    // JIT playlists are the end of a just-in-time video's processing: its renditions are made when
    // watched, so it plays now and no later status would say "all encoded".
    case 8:
      return { phase: 'ready', word };
    case 5:
    case 6: {
      const said = reasons(video);
      const what = code === 6 ? 'did not receive the upload' : 'could not process the video';
      const error = said.length > 0 ? said.join('; ') : `Bunny Stream ${what} (${word}).`;
      return { phase: 'error', word, error };
    }
    case 3:
      // Transcoding with a resolution already listed: the video plays, the others are still coming.
      if (readyWhen === 'playable' && (video.availableResolutions ?? '').trim() !== '')
        return { phase: 'ready', word, ...pct };
      return { phase: 'processing', word, ...pct };
    default:
      // 0–2, 7, and any number Bunny adds later: still working.
      return { phase: 'processing', word, ...pct };
  }
}
