/**
 * Shows the videos of one `ferry ingest` on stderr: redrawn bars on a terminal (at most ten
 * times a second), or one line per state change when stderr is a file or a pipe.
 */
import type { Video } from '../../shared/video';
import type { CliIo } from './cli-context';
import { formatProgressLine } from './format-progress';

/** Past this many videos, one summary line replaces the bars (a 10,000-link import). */
const maxBars = 12;

export function summaryLine(videos: Iterable<Video>): string {
  const counts = new Map<string, number>();
  let total = 0;
  for (const video of videos) {
    counts.set(video.status.state, (counts.get(video.status.state) ?? 0) + 1);
    total++;
  }
  const parts = ['ready', 'error', 'downloading', 'inprogress', 'queued', 'paused', 'canceled']
    .filter((state) => counts.get(state))
    .map(
      (state) => `${counts.get(state)} ${state === 'error' ? 'failed' : state === 'inprogress' ? 'processing' : state}`,
    );
  return `${total} videos: ${parts.join(', ')}`;
}

export function createProgressDisplay(io: CliIo, initial: Video[]) {
  if (initial.length > maxBars) return createSummaryDisplay(io, initial);
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

function createSummaryDisplay(io: CliIo, initial: Video[]) {
  const videos = new Map(initial.map((v) => [v.uid, v]));
  let last = 0;
  const show = (force: boolean) => {
    const now = Date.now();
    if (!force && now - last < (io.terminal ? 200 : 5000)) return;
    last = now;
    if (io.terminal) io.terminal.write(`\r\x1b[2K${summaryLine(videos.values())}${force ? '\n' : ''}`);
    else io.stderr(summaryLine(videos.values()));
  };
  return {
    update(changed: Video[]) {
      for (const video of changed) if (videos.has(video.uid)) videos.set(video.uid, video);
      show(false);
    },
    finish(final: Video[]) {
      for (const video of final) videos.set(video.uid, video);
      show(true);
    },
  };
}
