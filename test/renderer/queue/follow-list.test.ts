import { describe, expect, it, vi } from 'vitest';
import { createSelectionStore, followList } from '../../../renderer/src/features/queue/selection-store';
import { createVideoStore } from '../../../renderer/src/store/video-store';
import { createFakeTransport } from '../../../renderer/src/transport/fake-transport';
import { makeVideo, manyVideos } from '../support/videos';

describe('the selection following the list', () => {
  it('does not look the list over again for progress, only when rows come or go', async () => {
    const videos = [
      makeVideo('a', 'one', 'downloading', { pct: 1, modified: '2026-11-21T10:00:01Z' }),
      ...manyVideos(50),
    ];
    const fake = createFakeTransport(videos);
    const store = createVideoStore(fake.api);
    store.getState().subscribe();
    await store.getState().load();
    const selection = createSelectionStore();
    const rows = store.getState().rows;
    selection.getState().click(0, rows, 'only');
    const prune = vi.spyOn(selection.getState(), 'prune');
    const stop = followList(selection, store);
    prune.mockClear();

    for (let pct = 2; pct <= 20; pct++)
      fake.emit('videos', [
        makeVideo('a', 'one', 'downloading', { pct, modified: `2026-11-21T10:00:${String(pct).padStart(2, '0')}Z` }),
      ]);
    expect(store.getState().videos.get(rows[0] ?? '')?.status.pctComplete).toBe(20);
    expect(prune).not.toHaveBeenCalled();

    fake.emit('removed', [rows[0] ?? '']);
    expect(prune).toHaveBeenCalledTimes(1);
    expect(selection.getState().selected.size).toBe(0);
    stop();
  });
});
