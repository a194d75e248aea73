/** What "Deliver to…" says once the engine answered: how many deliveries it queued, and what it left. Pure. */
import type { CommandOutput } from '../../../../shared/api';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function deliveredText(answer: CommandOutput<'deliver'>, targetNames: readonly string[]): string {
  const to = targetNames.length === 1 ? targetNames[0] : plural(targetNames.length, 'target', 'targets');
  const notReady =
    answer.notReady > 0
      ? ` ${plural(answer.notReady, 'video is', 'videos are')} not ready (or its outputs were deleted): nothing to send yet.`
      : '';
  if (answer.queued === 0) return `Nothing was sent to ${to}: its deliveries are already under way.${notReady}`;
  const videos = answer.videos === 1 ? 'the video' : plural(answer.videos, 'video', 'videos');
  return `Sending ${videos} to ${to} (${plural(answer.queued, 'delivery', 'deliveries')}).${notReady}`;
}
