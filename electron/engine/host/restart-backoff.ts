/**
 * When to start the engine's process again after it died, pure: at once the first time, then
 * after a growing pause, and not at all once it died three times within a minute (the user is
 * told why and can start it again). A crash-looping engine must not spin the CPU or the disk.
 */
export const crashWindowMs = 60_000;
export const maxCrashesInWindow = 3;
const delaysMs = [0, 1_000, 5_000] as const;

/** The crashes within the last minute, oldest first, `now` included when it is one. */
export const recentCrashes = (crashes: readonly number[], now: number): number[] =>
  crashes.filter((at) => now - at < crashWindowMs);

/** How long to wait before the next start, or 'give-up'. `crashes`: the times of the recent ones, the last included. */
export function nextStart(crashes: readonly number[], now: number): { waitMs: number } | 'give-up' {
  const recent = recentCrashes(crashes, now);
  if (recent.length >= maxCrashesInWindow) return 'give-up';
  return { waitMs: delaysMs[Math.min(Math.max(0, recent.length - 1), delaysMs.length - 1)] ?? 0 };
}
