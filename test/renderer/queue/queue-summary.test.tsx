// @vitest-environment happy-dom
/**
 * The footer's time left is only said of a queue that works: none while the queue is paused or
 * short of disk, or when nothing runs (a stale estimate said "3h 44m left · Queue paused"). The
 * current batch's progress bar says how many of its videos are done.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueTotals } from '../../../shared/api';
import { QueueSummary } from '../../../renderer/src/features/queue/QueueSummary';

afterEach(cleanup);

const running = { paused: false, stopAfterCurrent: false, lowDiskSpace: false };
const noBatch = { done: 0, total: 0, bytesDone: 0, bytesTotal: 0 };
function totals(working: number, queue: QueueTotals['queue'] = running, batch = noBatch): QueueTotals {
  const byState = { queued: 3, downloading: working, inprogress: 0, ready: 0, error: 0, paused: 0, canceled: 0 };
  return {
    byState,
    total: 3 + working,
    bytesPerSecond: working > 0 ? 1024 * 1024 : 0,
    etaSeconds: 3 * 3600 + 44 * 60,
    batch,
    queue,
  };
}

describe('the queue footer', () => {
  it('says the time left while videos are worked on', () => {
    render(<QueueSummary totals={totals(2)} />);
    expect(screen.getByLabelText('Queue totals').textContent).toContain('3h 44m left');
  });

  it.each([
    ['the queue is paused', totals(0, { ...running, paused: true })],
    ['the disk is almost full', totals(0, { ...running, lowDiskSpace: true })],
    ['nothing runs', totals(0)],
  ])('says no time left when %s', (_why, shown) => {
    render(<QueueSummary totals={shown} />);
    expect(screen.getByLabelText('Queue totals').textContent).not.toContain('left');
  });

  it('says the time left while stopping after the current videos: they still work', () => {
    render(<QueueSummary totals={totals(2, { ...running, stopAfterCurrent: true })} />);
    expect(screen.getByLabelText('Queue totals').textContent).toContain('3h 44m left');
  });
});

describe("the current batch's bar", () => {
  const MiB = 1024 * 1024;

  it('says how many of the batch are done, and its bytes downloaded', () => {
    render(
      <QueueSummary
        totals={totals(2, running, { done: 12, total: 40, bytesDone: 300 * MiB, bytesTotal: 1200 * MiB })}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Batch progress' });
    expect(bar.getAttribute('aria-valuetext')).toBe('12 of 40 videos');
    expect(bar.getAttribute('aria-valuenow')).toBe('12');
    expect(bar.getAttribute('aria-valuemax')).toBe('40');
    expect(bar.parentElement?.textContent).toBe('12 of 40 videos · 300 MiB of 1.2 GiB downloaded');
  });

  it.each([
    ['there is no batch', noBatch],
    ['the batch is done', { done: 3, total: 3, bytesDone: 0, bytesTotal: 0 }],
  ])('is not shown when %s', (_why, batch) => {
    render(<QueueSummary totals={totals(0, running, batch)} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
