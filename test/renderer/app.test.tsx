// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { commandNames, type FerryApi, type FerryEvents, type QueueTotals } from '../../shared/api';
import { unknownVideoDetails, type Video } from '../../shared/video';
import { App } from '../../renderer/src/App';
import { createVideoStore } from '../../renderer/src/store/video-store';

function video(uid: string, name: string, state: Video['status']['state'], pctComplete = 0): Video {
  return {
    ...unknownVideoDetails(),
    uid: uid.padEnd(32, '0'),
    created: '2026-11-21T10:00:00.000Z',
    modified: '2026-11-21T10:00:00.000Z',
    meta: { name },
    status: { state, pctComplete, step: 'fetch' },
    readyToStream: state === 'ready',
    source: { kind: 'url', url: `https://example.test/${name}.mp4` },
  };
}

function totals(byState: Partial<QueueTotals['byState']>): QueueTotals {
  const full = { queued: 0, downloading: 0, inprogress: 0, ready: 0, error: 0, paused: 0, canceled: 0, ...byState };
  return {
    byState: full,
    total: Object.values(full).reduce((a, b) => a + b, 0),
    bytesPerSecond: 0,
    etaSeconds: -1,
    queue: { paused: false, stopAfterCurrent: false, lowDiskSpace: false },
  };
}

/** A stand-in for window.ferry: answers list/totals from memory and lets the test push events. */
function fakeFerry(videos: Video[]) {
  const listeners: { [E in keyof FerryEvents]: ((payload: FerryEvents[E]) => void)[] } = {
    videos: [],
    removed: [],
    totals: [],
  };
  const notUsed = () => Promise.reject(new Error('not used by this screen'));
  const api: FerryApi = {
    ...(Object.fromEntries(commandNames.map((name) => [name, notUsed])) as unknown as FerryApi),
    list: async () => ({ videos, total: videos.length }),
    totals: async () => totals({ queued: videos.filter((v) => v.status.state === 'queued').length }),
    on(event, listener) {
      listeners[event].push(listener);
      return () => {
        listeners[event] = listeners[event].filter((l) => l !== listener) as never;
      };
    },
  };
  const emit = <E extends keyof FerryEvents>(event: E, payload: FerryEvents[E]) => {
    for (const listener of listeners[event]) (listener as (p: FerryEvents[E]) => void)(payload);
  };
  return { api, emit, listeners };
}

afterEach(cleanup);

describe('the app shell', () => {
  it('shows the empty state when there are no videos', async () => {
    const { api } = fakeFerry([]);
    render(<App store={createVideoStore(api)} />);
    expect(await screen.findByRole('heading', { name: 'No videos yet' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Videos' })).toBeNull();
  });

  it('lists videos from window.ferry with their state and progress, and updates from events', async () => {
    const { api, emit, listeners } = fakeFerry([video('b', 'second', 'downloading', 40), video('a', 'first', 'error')]);
    const { unmount } = render(<App store={createVideoStore(api)} />);
    const list = await screen.findByRole('list', { name: 'Videos' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.video-name')?.textContent)).toEqual(['second', 'first']);
    expect(within(rows[0]!).getByText('Downloading')).toBeTruthy();
    expect(within(rows[0]!).getByRole('progressbar', { name: 'Downloading 40%' })).toBeTruthy();
    expect(within(rows[1]!).getByText('Failed')).toBeTruthy();

    act(() => {
      emit('videos', [video('b', 'second', 'inprogress', 75), video('c', 'third', 'queued')]);
      emit('totals', totals({ queued: 1, inprogress: 1, error: 1 }));
    });
    const updated = within(list).getAllByRole('listitem');
    expect(updated.map((r) => r.querySelector('.video-name')?.textContent)).toEqual(['third', 'second', 'first']);
    expect(within(updated[1]!).getByRole('progressbar', { name: 'Processing 75%' })).toBeTruthy();
    expect(screen.getByLabelText('Queue totals').textContent).toContain('3 videos · 1 working · 1 queued');

    act(() => {
      emit('removed', [video('c', 'third', 'queued').uid]);
      emit('totals', {
        ...totals({ inprogress: 1, error: 1 }),
        bytesPerSecond: 5 * 1024 * 1024,
        etaSeconds: 125,
        queue: { paused: false, stopAfterCurrent: false, lowDiskSpace: true },
      });
    });
    const afterRemove = within(list).getAllByRole('listitem');
    expect(afterRemove.map((r) => r.querySelector('.video-name')?.textContent)).toEqual(['second', 'first']);
    const summary = screen.getByLabelText('Queue totals').textContent;
    expect(summary).toContain('5.0 MiB/s · 2m 05s left');
    expect(screen.getByRole('status').textContent).toContain('the disk is almost full');

    unmount();
    expect(listeners.videos).toHaveLength(0);
    expect(listeners.removed).toHaveLength(0);
  });

  it('says so when the queue cannot be loaded', async () => {
    const { api } = fakeFerry([]);
    api.list = () => Promise.reject(new Error('database is locked'));
    render(<App store={createVideoStore(api)} />);
    expect((await screen.findByRole('alert')).textContent).toContain('database is locked');
  });
});
