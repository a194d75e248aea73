import { describe, expect, it } from 'vitest';
import { createVideoStore } from '../../renderer/src/store/video-store';
import { createFakeTransport, fakeTotals } from '../../renderer/src/transport/fake-transport';
import { makeVideo, manyVideos } from './support/videos';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('the normalised video store', () => {
  it('keeps the newer copy of a video: an event older than what is on screen is ignored', async () => {
    const fake = createFakeTransport([
      makeVideo('a', 'talk', 'downloading', { pct: 10, modified: '2026-11-21T10:00:05Z' }),
    ]);
    const store = createVideoStore(fake.api);
    store.getState().subscribe();
    await store.getState().load();
    const uid = store.getState().rows[0] ?? '';

    fake.emit('videos', [makeVideo('a', 'talk', 'downloading', { pct: 5, modified: '2026-11-21T10:00:01Z' })]);
    expect(store.getState().videos.get(uid)?.status.pctComplete).toBe(10);
    fake.emit('videos', [makeVideo('a', 'talk', 'downloading', { pct: 60, modified: '2026-11-21T10:00:09Z' })]);
    expect(store.getState().videos.get(uid)?.status.pctComplete).toBe(60);
  });

  it('loads and listens once however many start it, and stops listening when the last lets go', async () => {
    const fake = createFakeTransport([
      makeVideo('a', 'one', 'downloading', { pct: 10, modified: '2026-11-21T10:00:05Z' }),
    ]);
    const store = createVideoStore(fake.api);
    const releaseEntry = store.getState().start();
    const releaseApp = store.getState().start();
    await until(() => store.getState().status === 'ready');
    expect(fake.calls.filter((c) => c.name === 'list')).toHaveLength(1);
    const uid = store.getState().rows[0] ?? '';

    releaseApp();
    releaseApp();
    fake.emit('videos', [makeVideo('a', 'one', 'downloading', { pct: 40, modified: '2026-11-21T10:00:07Z' })]);
    expect(store.getState().videos.get(uid)?.status.pctComplete).toBe(40);

    releaseEntry();
    fake.emit('videos', [makeVideo('a', 'one', 'downloading', { pct: 70, modified: '2026-11-21T10:00:09Z' })]);
    expect(store.getState().videos.get(uid)?.status.pctComplete).toBe(40);
  });

  it('an event about a video not on screen changes the counts, never adds a row', async () => {
    const fake = createFakeTransport([makeVideo('a', 'one')]);
    const store = createVideoStore(fake.api);
    store.getState().subscribe();
    await store.getState().load();
    const stranger = makeVideo('z', 'elsewhere', 'downloading');

    fake.emit('videos', [stranger]);
    expect(store.getState().videos.has(stranger.uid)).toBe(false);
    expect(store.getState().rows).toHaveLength(1);

    fake.emit(
      'totals',
      fakeTotals([makeVideo('a', 'one'), stranger], { paused: false, stopAfterCurrent: false, lowDiskSpace: false }),
    );
    expect(store.getState().totals?.byState.downloading).toBe(1);
    // The engine still lists one video, so the list asked again still has one row.
    await until(() => fake.calls.filter((c) => c.name === 'list').length === 2);
    expect(store.getState().rows).toHaveLength(1);
  });

  it('drops a removed video and its row, keeping the rows after it in order', async () => {
    const fake = createFakeTransport([makeVideo('a', 'one'), makeVideo('b', 'two'), makeVideo('c', 'three')]);
    const store = createVideoStore(fake.api);
    store.getState().subscribe();
    await store.getState().load();
    const [, middle] = store.getState().rows;

    fake.emit('removed', [middle ?? '']);
    const { rows, videos, total } = store.getState();
    expect(rows.map((uid) => videos.get(uid ?? '')?.meta.name)).toEqual(['one', 'three']);
    expect(total).toBe(2);
    expect(videos.has(middle ?? '')).toBe(false);
  });

  it('loads the list a window at a time, only the windows asked for', async () => {
    const fake = createFakeTransport(manyVideos(1000));
    const store = createVideoStore(fake.api, 100);
    await store.getState().load();
    expect(store.getState().total).toBe(1000);
    expect(store.getState().rows.filter(Boolean)).toHaveLength(100);

    store.getState().ensureRange(450, 520);
    await until(() => store.getState().rows[520] !== undefined);
    const asked = fake.calls.filter((c) => c.name === 'list').map((c) => c.input);
    expect(asked).toEqual([
      { sort: 'queue', asc: true, offset: 0, limit: 100 },
      { sort: 'queue', asc: true, offset: 400, limit: 100 },
      { sort: 'queue', asc: true, offset: 500, limit: 100 },
    ]);
    expect(store.getState().videos.get(store.getState().rows[450] ?? '')?.meta.name).toBe('video-450');
    expect(store.getState().rows[300]).toBeUndefined();
  });

  it('keeps a uid in one row when the list moved between the loads of two windows', async () => {
    const fake = createFakeTransport(manyVideos(200));
    const store = createVideoStore(fake.api, 100);
    await store.getState().load();
    const lastOfFirst = store.getState().rows[99];
    // A link queued on top while the user scrolls: every later video moves one offset down.
    await fake.api.addLinks({ links: [{ url: 'https://media.example.test/new.mp4' }] });

    store.getState().ensureRange(100, 150);
    await until(() => store.getState().rows[100] !== undefined);
    const rows = store.getState().rows;
    expect(rows[100]).toBe(lastOfFirst);
    const placed = rows.filter((uid): uid is string => uid !== undefined);
    expect(new Set(placed).size).toBe(placed.length);
    expect(rows[99]).toBeUndefined();

    // Scrolled back, the first window is asked for again and shows the new video on top.
    store.getState().ensureRange(0, 50);
    await until(() => store.getState().rows[99] !== undefined);
    expect(store.getState().videos.get(store.getState().rows[0] ?? '')?.source.url).toBe(
      'https://media.example.test/new.mp4',
    );
  });

  it('asks again at once for a window on screen that lost a stale row', async () => {
    const fake = createFakeTransport(manyVideos(200));
    const store = createVideoStore(fake.api, 100);
    await store.getState().load();
    await fake.api.addLinks({ links: [{ url: 'https://media.example.test/new.mp4' }] });

    // Both windows on screen (the boundary in view): the second load finds the first window stale.
    store.getState().ensureRange(90, 110);
    const firstTwo = () => Array.from(store.getState().rows.slice(0, 200));
    await until(() => firstTwo().every((uid) => uid !== undefined));
    expect(new Set(firstTwo()).size).toBe(200);
    expect(store.getState().videos.get(firstTwo()[0] ?? '')?.source.url).toBe('https://media.example.test/new.mp4');
  });

  it('forgets the videos of windows far from the screen, and loads them again when scrolled back', async () => {
    const fake = createFakeTransport(manyVideos(3000));
    const store = createVideoStore(fake.api, 100);
    await store.getState().load();
    // A scroll to the bottom, a window at a time.
    for (let start = 0; start < 3000; start += 100) {
      store.getState().ensureRange(start, start + 20);
      await until(() => store.getState().rows[start] !== undefined);
    }
    expect(store.getState().videos.size).toBeLessThanOrEqual(1000);
    expect(store.getState().videos.has(store.getState().rows[2950] ?? '')).toBe(true);
    expect(store.getState().videos.has(store.getState().rows[0] ?? '')).toBe(false);

    const asked = fake.calls.filter((c) => c.name === 'list').length;
    store.getState().ensureRange(0, 20);
    await until(() => store.getState().videos.has(store.getState().rows[0] ?? ''));
    expect(fake.calls.filter((c) => c.name === 'list')).toHaveLength(asked + 1);
  });
});
