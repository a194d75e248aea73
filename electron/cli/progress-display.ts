/**
 * Shows the videos of one `ferry ingest` on stderr: redrawn bars on a terminal (at most ten
 * times a second), or one line per state change when stderr is a file or a pipe.
 */
import type { Video } from '../../shared/video';
import type { CliIo } from './cli-context';
import { formatProgressLine } from './format-progress';

export function createProgressDisplay(io: CliIo, initial: Video[]) {
  const videos = new Map(initial.map((v) => [v.uid, v]));
  const lastState = new Map<string, string>();
  let drawnLines = 0;
  let lastDraw = 0;

  const draw = (force: boolean) => {
    const terminal = io.terminal;
    if (!terminal) return;
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const lines = [...videos.values()].map((v) => formatProgressLine(v, terminal.columns));
    const up = drawnLines > 0 ? `\x1b[${drawnLines}A` : '';
    terminal.write(`${up}${lines.map((l) => `\x1b[2K${l}\n`).join('')}`);
    drawnLines = lines.length;
  };

  const logChanges = (changed: Video[]) => {
    if (io.terminal) return;
    for (const video of changed) {
      const step = `${video.status.state}:${video.status.step ?? ''}`;
      if (lastState.get(video.uid) === step) continue;
      lastState.set(video.uid, step);
      io.stderr(formatProgressLine(video));
    }
  };

  draw(true);
  logChanges(initial);
  return {
    update(changed: Video[]) {
      const mine = changed.filter((v) => videos.has(v.uid));
      for (const video of mine) videos.set(video.uid, video);
      logChanges(mine);
      draw(false);
    },
    finish(final: Video[]) {
      for (const video of final) videos.set(video.uid, video);
      logChanges(final);
      draw(true);
    },
  };
}
