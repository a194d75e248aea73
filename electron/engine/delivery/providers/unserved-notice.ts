/**
 * The notice for a service that has none of Ferry's serving options (Twelve Labs, Vimeo, Omega, a TUS server): which of
 * the video's options it could not take, so a video meant to be private is not thought so. Pure.
 */
import type { ServingOptions } from './provider';

/**
 * A sentence naming each option set on the video that `label` did not get, or null when none is
 * set; `where` is where the user can set them instead (default: the service itself).
 */
export function unservedNotice(label: string, serving: ServingOptions, extra = '', where = label): string | null {
  const dropped = [
    serving.requireSignedURLs ? 'requireSignedURLs' : null,
    serving.allowedOrigins.length > 0 ? `allowedOrigins (${serving.allowedOrigins.join(', ')})` : null,
    serving.scheduledDeletion ? `scheduledDeletion (${serving.scheduledDeletion})` : null,
    serving.watermark ? 'watermark' : null,
    serving.thumbnailTimestampPct > 0 ? 'thumbnailTimestampPct' : null,
    serving.creator ? `creator (${serving.creator})` : null,
  ].filter((name): name is string => name !== null);
  if (dropped.length === 0) return null;
  return `${label} has no equivalent for ${dropped.join(', ')}: not applied there${extra}. Set them in ${where} if needed.`;
}
