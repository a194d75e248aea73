/**
 * The settings' default ladder, thumbnail position and delivery targets, for a video added
 * without its own. Pure. `deliverTo` is the settings' list less the targets removed since.
 */
import type { IngestOptions, Settings } from '../../../shared/api';

export function withIngestDefaults(
  defaults: Settings['defaults'],
  options: IngestOptions = {},
  deliverTo: readonly string[] = [],
): IngestOptions {
  return {
    ...(deliverTo.length > 0 ? { deliverTo: [...deliverTo] } : {}),
    // "auto" and the first frame are what an absent option means already, so nothing is stored for them.
    ...(defaults.ladder !== 'auto' ? { ladder: defaults.ladder } : {}),
    ...(defaults.thumbnailTimestampPct !== 0 ? { thumbnailTimestampPct: defaults.thumbnailTimestampPct } : {}),
    ...options,
  };
}
