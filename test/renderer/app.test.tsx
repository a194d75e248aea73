// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeTotals } from '../../renderer/src/transport/fake-transport';
import { giveElementsASize, renderQueue } from './support/render-queue';
import { makeVideo } from './support/videos';

const running = { paused: false, stopAfterCurrent: false, lowDiskSpace: false };
const names = () =>
  within(screen.getByRole('list', { name: 'Videos' }))
    .getAllByRole('listitem')
    .map((r) => r.querySelector('.video-name')?.textContent);

beforeAll(giveElementsASize);
afterEach(cleanup);

describe('the app shell', () => {
  it('shows the empty state, which says how to add videos, when there are none', async () => {
    renderQueue([]);
    expect(await screen.findByRole('heading', { name: 'No videos yet' })).toBeTruthy();
    expect(screen.getByText(/paste links/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Videos' })).toBeNull();
  });

  it('lists videos with their state, progress, speed and time left, and follows the engine', async () => {
    const downloading = makeVideo('b', 'second', 'downloading', {
      pct: 40,
      bytesPerSecond: 2 * 1024 * 1024,
      etaSeconds: 65,
    });
    const { fake, unmount } = renderQueue([downloading, makeVideo('a', 'first', 'error')]);
    const list = await screen.findByRole('list', { name: 'Videos' });
    const rows = within(list).getAllByRole('listitem');
    expect(names()).toEqual(['second', 'first']);
    expect(within(rows[0]!).getByText('Downloading')).toBeTruthy();
    expect(within(rows[0]!).getByRole('progressbar', { name: 'Downloading 40%' })).toBeTruthy();
    expect(rows[0]!.textContent).toContain('2.0 MiB/s · 1m 05s left');
    expect(rows[0]!.textContent).toContain('media.example.test');
    expect(within(rows[1]!).getByText('Failed')).toBeTruthy();
    expect(within(rows[1]!).getByRole('button', { name: 'Retry first' })).toBeTruthy();

    act(() =>
      fake.emit('videos', [
        {
          ...downloading,
          modified: '2026-11-21T10:01:00Z',
          status: { ...downloading.status, state: 'inprogress', pctComplete: 75 },
        },
      ]),
    );
    expect(within(list).getByRole('progressbar', { name: 'Processing 75%' })).toBeTruthy();

    const working = { ...fakeTotals(fake.videos(), running), bytesPerSecond: 5 * 1024 * 1024, etaSeconds: 125 };
    act(() => fake.emit('totals', working));
    expect(screen.getByLabelText('Queue totals').textContent).toContain(
      '2 videos · 1 working · 0 queued · 0 ready · 1 failed · 5.0 MiB/s · 2m 05s left',
    );
    // Short of disk the queue takes no work: it says why, and no time left.
    act(() => fake.emit('totals', { ...working, queue: { ...running, lowDiskSpace: true } }));
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('the disk is almost full'))).toBe(true);
    expect(screen.getByLabelText('Queue totals').textContent).not.toContain('left');

    unmount();
    expect(fake.listenerCount()).toBe(0);
  });

  it('says so when the queue cannot be loaded', async () => {
    renderQueue([], { prepare: (fake) => (fake.api.list = () => Promise.reject(new Error('database is locked'))) });
    expect((await screen.findByRole('alert')).textContent).toContain('database is locked');
  });
});
