/**
 * Shows the videos of one `ferry ingest`, `import` or `run` on stderr: redrawn bars on a terminal
 * (at most ten times a second), or one line per state change when stderr is a file or a pipe.
 */
import type { Video } from '../../shared/video';
import type { VideoState } from '../../shared/video-states';
import type { CliIo } from './cli-context';
import { formatProgressLine } from './format-progress';
import { describeCounts } from './format-video';

/** Past this many videos, one summary line replaces the bars (a 10,000-link import). */
const maxBars = 12;

export interface ProgressDisplay {
  /** Videos that changed; with `follow`, videos not shown yet join the display. */
  update(changed: Video[]): void;
  finish(final: Video[]): void;
}

interface InnerDisplay extends ProgressDisplay {
  add(videos: Video[]): void;
}

export function summaryLine(videos: Iterable<Video>): string {
  const counts: Partial<Record<VideoState, number>> = {};
  let total = 0;
  for (const video of videos) {
    counts[video.status.state] = (counts[video.status.state] ?? 0) + 1;
    total++;
  }
  return `${total} videos: ${describeCounts(counts)}`;
}

/**
 * `follow`: for `ferry run`, which shows whatever it works on, not a list known at the start.
 * Once more than `maxBars` videos have joined, the bars give way to the summary line.
 */
export function createProgressDisplay(
  io: CliIo,
  initial: Video[],
  options: { follow?: boolean } = {},
): ProgressDisplay {
  const known = new Set(initial.map((v) => v.uid));
  let inner = initial.length > maxBars ? createSummaryDisplay(io, initial) : createBarDisplay(io, initial);
  let bars = initial.length <= maxBars;
  return {
    update(changed) {
      const fresh = options.follow ? changed.filter((v) => !known.has(v.uid)) : [];
      for (const video of fresh) known.add(video.uid);
      if (fresh.length > 0 && bars && known.size > maxBars) {
        inner.finish([]);
        inner = createSummaryDisplay(io, []);
        bars = false;
      }
      inner.add(fresh);
      inner.update(changed);
    },
    finish: (final) => inner.finish(final),
  };
}

function createBarDisplay(io: CliIo, initial: Video[]): InnerDisplay {
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
    add(added) {
      for (const video of added) videos.set(video.uid, video);
    },
    update(changed) {
      const mine = changed.filter((v) => videos.has(v.uid));
      for (const video of mine) videos.set(video.uid, video);
      logChanges(mine);
      draw(false);
    },
    finish(final) {
      for (const video of final) videos.set(video.uid, video);
      logChanges(final);
      draw(true);
    },
  };
}

function createSummaryDisplay(io: CliIo, initial: Video[]): InnerDisplay {
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
    add(added) {
      for (const video of added) videos.set(video.uid, video);
    },
    update(changed) {
      for (const video of changed) if (videos.has(video.uid)) videos.set(video.uid, video);
      show(false);
    },
    finish(final) {
      for (const video of final) videos.set(video.uid, video);
      show(true);
    },
  };
}
