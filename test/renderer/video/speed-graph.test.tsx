// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addSample,
  averageSpeed,
  graphWindowMs,
  sparklinePoints,
  SpeedGraph,
} from '../../../renderer/src/features/video/SpeedGraph';
import { makeVideo } from '../support/videos';

afterEach(cleanup);

const MiB = 1024 ** 2;

describe("a download's speed graph", () => {
  it('keeps the last minute of samples', () => {
    let samples = addSample([], { at: 0, bytesPerSecond: 1 });
    samples = addSample(samples, { at: 30_000, bytesPerSecond: 2 });
    samples = addSample(samples, { at: graphWindowMs + 10_000, bytesPerSecond: 3 });
    expect(samples.map((s) => s.bytesPerSecond)).toEqual([2, 3]);
  });

  it('averages over time, each speed held until the next sample', () => {
    expect(averageSpeed([])).toBeNull();
    expect(averageSpeed([{ at: 0, bytesPerSecond: 5 }])).toBe(5);
    // 4 MiB/s for 3 s, then 0 for 1 s: 3 MiB/s on average, not the mean of the samples.
    const samples = [
      { at: 0, bytesPerSecond: 4 * MiB },
      { at: 3000, bytesPerSecond: 0 },
      { at: 4000, bytesPerSecond: 0 },
    ];
    expect(averageSpeed(samples)).toBe(3 * MiB);
  });

  it('draws the last minute left to right, the fastest at the top', () => {
    const points = sparklinePoints(
      [
        { at: 0, bytesPerSecond: 2 },
        { at: 30_000, bytesPerSecond: 1 },
        { at: 60_000, bytesPerSecond: 0 },
      ],
      240,
      48,
    );
    expect(points).toBe('0.0,0.0 120.0,24.0 240.0,48.0');
  });

  it('shows the current and average speed from the events while downloading, and nothing otherwise', () => {
    let at = 0;
    const now = () => at;
    const { rerender } = render(
      <SpeedGraph video={makeVideo('a', 'one', 'downloading', { bytesPerSecond: 4 * MiB })} now={now} />,
    );
    at = 3000;
    rerender(<SpeedGraph video={makeVideo('a', 'one', 'downloading', { bytesPerSecond: 1 * MiB })} now={now} />);
    at = 4000;
    rerender(<SpeedGraph video={makeVideo('a', 'one', 'downloading', { bytesPerSecond: 1 * MiB })} now={now} />);
    const graph = screen.getByRole('img');
    expect(graph.getAttribute('aria-label')).toBe(
      'Download speed 1.0 MiB/s now, 3.3 MiB/s on average over the last minute',
    );
    expect(graph.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(3);
    expect(screen.getByText('1.0 MiB/s now')).toBeTruthy();

    rerender(<SpeedGraph video={makeVideo('a', 'one', 'inprogress')} now={now} />);
    expect(screen.queryByRole('img')).toBeNull();
  });
});
