// @vitest-environment happy-dom
/**
 * The footer's time left is only said of a queue that works: none while the queue is paused or
 * short of disk, or when nothing runs (a stale estimate said "3h 44m left · Queue paused").
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueTotals } from '../../../shared/api';
import { QueueSummary } from '../../../renderer/src/features/queue/QueueSummary';

afterEach(cleanup);

const running = { paused: false, stopAfterCurrent: false, lowDiskSpace: false };
function totals(working: number, queue: QueueTotals['queue'] = running): QueueTotals {
  const byState = { queued: 3, downloading: working, inprogress: 0, ready: 0, error: 0, paused: 0, canceled: 0 };
  return {
    byState,
    total: 3 + working,
    bytesPerSecond: working > 0 ? 1024 * 1024 : 0,
    etaSeconds: 3 * 3600 + 44 * 60,
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
});
