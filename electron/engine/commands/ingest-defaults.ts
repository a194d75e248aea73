/** The settings' default ladder and thumbnail position, for a video added without its own. Pure. */
import type { IngestOptions, Settings } from '../../../shared/api';

export function withIngestDefaults(defaults: Settings['defaults'], options: IngestOptions = {}): IngestOptions {
  return {
    // "auto" and the first frame are what an absent option means already, so nothing is stored for them.
    ...(defaults.ladder !== 'auto' ? { ladder: defaults.ladder } : {}),
    ...(defaults.thumbnailTimestampPct !== 0 ? { thumbnailTimestampPct: defaults.thumbnailTimestampPct } : {}),
    ...options,
  };
}
