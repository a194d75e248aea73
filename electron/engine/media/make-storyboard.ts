/**
 * Cuts the storyboard sprite from the finished MP4, decoding keyframes only (one every
 * keyframe interval, which the storyboard's interval is a multiple of), and writes its WebVTT.
 */
import fs from 'node:fs/promises';
import { storyboardVtt, type StoryboardPlan } from './plan-storyboard';
import { runFfmpeg } from './run-ffmpeg';

export async function makeStoryboard(options: {
  ffmpeg: string;
  mp4: string;
  plan: StoryboardPlan;
  keyframeSeconds: number;
  duration: number;
  sprite: string;
  vtt: string;
  signal?: AbortSignal;
}): Promise<void> {
  const { plan } = options;
  // Only keyframes reach the filters, one per keyframe interval: keep every `step`-th. (An fps
  // filter would drop the last one, and output nothing at all for a single keyframe.)
  const step = Math.max(1, Math.round(plan.intervalSeconds / options.keyframeSeconds));
  const filters = [
    `select='not(mod(n\\,${step}))'`,
    `scale=${plan.tileWidth}:${plan.tileHeight}`,
    'setsar=1',
    `tile=${plan.columns}x${plan.rows}`,
  ].join(',');
  const result = await runFfmpeg({
    ffmpeg: options.ffmpeg,
    args: [
      ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-skip_frame', 'nokey'],
      ...['-protocol_whitelist', 'file', '-format_whitelist', 'mov', '-i', options.mp4],
      ...['-an', '-vf', filters, '-vsync', '0', '-frames:v', '1', '-update', '1', '-q:v', '5', options.sprite],
    ],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const written = await fs.stat(options.sprite).then(
    (stat) => stat.size > 0,
    () => false,
  );
  if (result.code !== 0 || !written) {
    const said = result.stderrTail.trim().split('\n').pop();
    throw new Error(`The storyboard could not be made: ${said || 'ffmpeg wrote no image'}.`);
  }
  await fs.writeFile(options.vtt, storyboardVtt(plan, options.duration, 'storyboard.jpg'));
}
