/**
 * A download's speed over the last minute, as download managers draw it: an SVG sparkline of the
 * speeds the `videos` events carried (status.bytesPerSecond), with the current and the average
 * speed beside it. The samples are this page's: they start when it opens (the engine keeps no
 * history of speeds), so the average is over what the graph shows.
 */
import { useState } from 'react';
import { formatBytes } from '../../../../shared/format-units';
import type { Video } from '../../../../shared/video';

export interface SpeedSample {
  /** Epoch ms. */
  at: number;
  bytesPerSecond: number;
}

export const graphWindowMs = 60_000;

/** The samples with `sample` added and those older than the window dropped. */
export function addSample(samples: readonly SpeedSample[], sample: SpeedSample): SpeedSample[] {
  return [...samples.filter((s) => s.at > sample.at - graphWindowMs && s.at <= sample.at), sample];
}

/** The mean speed over the samples' time, each speed held until the next sample; null without samples. */
export function averageSpeed(samples: readonly SpeedSample[]): number | null {
  const [first] = samples;
  const last = samples.at(-1);
  if (!first || !last) return null;
  let bytes = 0;
  samples.forEach((after, i) => {
    const before = samples[i - 1];
    if (before) bytes += before.bytesPerSecond * (after.at - before.at);
  });
  const span = last.at - first.at;
  return span > 0 ? bytes / span : last.bytesPerSecond;
}

/** The polyline's points in a width × height box: the last minute left to right, zero at the bottom. */
export function sparklinePoints(samples: readonly SpeedSample[], width: number, height: number): string {
  const end = samples.at(-1)?.at ?? 0;
  const top = Math.max(...samples.map((s) => s.bytesPerSecond), 1);
  return samples
    .map((s) => {
      const x = width - ((end - s.at) / graphWindowMs) * width;
      const y = height - (s.bytesPerSecond / top) * height;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** The samples after the video changed: one more while it downloads (even at the same speed: the line goes on in time), none otherwise. */
export function nextSamples(samples: readonly SpeedSample[], video: Video, at: number): SpeedSample[] {
  const speed = video.status.bytesPerSecond;
  if (video.status.state !== 'downloading') return [];
  return speed === undefined ? [...samples] : addSample(samples, { at, bytesPerSecond: speed });
}

const width = 240;
const height = 48;

/** Shown while the video downloads; nothing otherwise. `now` is for tests. */
export function SpeedGraph({ video, now = Date.now }: { video: Video; now?: () => number }) {
  // Each version of the video the events bring is a sample, taken as it arrives (React's way of
  // keeping state that follows a prop: set while rendering, when the prop changed).
  const [seen, setSeen] = useState(() => ({ video, samples: nextSamples([], video, now()) }));
  if (seen.video !== video) setSeen({ video, samples: nextSamples(seen.samples, video, now()) });
  const { samples } = seen;
  const current = samples.at(-1)?.bytesPerSecond;
  if (current === undefined) return null;
  const average = averageSpeed(samples) ?? current;
  const said = `Download speed ${formatBytes(current)}/s now, ${formatBytes(average)}/s on average over the last minute`;
  return (
    <figure className="speed-graph">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={said}>
        <polyline
          points={sparklinePoints(samples, width, height)}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <figcaption className="muted">
        <span>{formatBytes(current)}/s now</span> · <span>{formatBytes(average)}/s average</span>
      </figcaption>
    </figure>
  );
}
