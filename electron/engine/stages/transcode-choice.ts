/** A video's own preset and codec over the settings' (read when it is transcoded, so a change applies to the queue). Pure. */
import type { Settings } from '../../../shared/api';
import type { TranscodeChoice } from '../../../shared/transcode-presets';
import type { QueueOptions } from '../store/queue-job';

export function transcodeChoice(settings: Settings['transcode'], options: QueueOptions): TranscodeChoice {
  return {
    ladder: settings.ladder,
    preset: options.preset ?? settings.preset,
    codec: options.codec ?? settings.codec,
  };
}
