import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../shared/video-states';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

describe('the video store', () => {
  it('inserts 10,000 videos in one call, all queued, in order', () => {
    const { store, close } = openStore(tempDir());
    const uids = store.insertMany(newLinks(10_000));
    expect(new Set(uids).size).toBe(10_000);
    expect(store.countByState().queued).toBe(10_000);
    const oldest = store.list({ asc: true, limit: 2 });
    expect(oldest.total).toBe(10_000);
    expect(oldest.videos.map((v) => v.meta.name)).toEqual(['clip 0', 'clip 1']);
    expect(store.list({ limit: 1 }).videos[0]?.meta.name).toBe('clip 9999');
    close();
  });

  it('stores a Video object with unknown numbers as -1 and never returns request headers', () => {
    const { store, close } = openStore(tempDir());
    const [uid] = store.insertMany([
      {
        source: { kind: 'url', url: 'https://private.example.test/v.mp4' },
        stage: 'fetch',
        requestHeaders: { clear: { 'X-Tenant': 'north-tenant' }, secret: { ref: 'r1', names: ['Authorization'] } },
      },
    ]);
    const video = store.get(uid as string);
    expect(video).toMatchObject({
      uid,
      readyToStream: false,
      duration: -1,
      size: -1,
      input: { width: -1, height: -1 },
      status: { state: 'queued', pctComplete: 0, step: 'fetch' },
      source: { kind: 'url', url: 'https://private.example.test/v.mp4' },
    });
    expect(JSON.stringify(video)).not.toContain('north-tenant');
    expect(store.claimNext('fetch', 30_000)?.storedHeaders).toEqual({
      clear: { 'X-Tenant': 'north-tenant' },
      secret: { ref: 'r1', names: ['Authorization'] },
    });
    close();
  });

  it('claims by priority, then insertion order, and never the same video twice', () => {
    const { store, close } = openStore(tempDir());
    const [first, second, urgent] = store.insertMany([...newLinks(2), { ...newLinks(1)[0]!, priority: 5 }]);
    expect(store.claimNext('fetch', 30_000)?.video.uid).toBe(urgent);
    expect(store.claimNext('fetch', 30_000)?.video.uid).toBe(first);
    const third = store.claimNext('fetch', 30_000);
    expect(third?.video.uid).toBe(second);
    expect(third?.video.status.state).toBe('downloading');
    expect(third?.attempts).toBe(1);
    expect(store.claimNext('fetch', 30_000)).toBeUndefined();
    expect(store.claimNext('probe', 30_000)).toBeUndefined();
    close();
  });

  it('does not claim a video before its next attempt time', () => {
    const { store, close } = openStore(tempDir());
    const [uid] = store.insertMany(newLinks(1));
    store.claimNext('fetch', 30_000);
    const later = Date.now() + 60_000;
    store.transition(uid as string, 'queued', { releaseLease: true, nextAttemptAt: later });
    expect(store.claimNext('fetch', 30_000)).toBeUndefined();
    expect(store.claimNext('fetch', 30_000, later + 1)?.video.uid).toBe(uid);
    close();
  });

  it('moves a video through its stages and keeps a history of each change', () => {
    const { store, close } = openStore(tempDir());
    const [uid] = store.insertMany(newLinks(1)) as [string];
    store.claimNext('fetch', 30_000);
    store.setProgress(uid, 42.5);
    expect(store.get(uid)?.status.pctComplete).toBe(42.5);
    store.transition(uid, 'queued', { stage: 'probe', pctComplete: 0, releaseLease: true });
    expect(store.claimNext('probe', 30_000)?.video.status.state).toBe('inprogress');
    store.transition(uid, 'ready', {
      stage: 'done',
      pctComplete: 100,
      releaseLease: true,
      doc: { duration: 12.5, input: { width: 1920, height: 1080 } },
    });
    expect(store.get(uid)).toMatchObject({ readyToStream: true, duration: 12.5, input: { width: 1920, height: 1080 } });
    const types = store.history(uid).map((e) => `${e.type}:${String(e.data.to)}`);
    expect(types).toEqual(['claimed:downloading', 'state:queued', 'claimed:inprogress', 'state:ready']);
    close();
  });

  it('rejects an illegal transition and leaves the video as it was', () => {
    const { store, close } = openStore(tempDir());
    const [uid] = store.insertMany(newLinks(1)) as [string];
    expect(() => store.transition(uid, 'ready')).toThrow(IllegalTransitionError);
    expect(() => store.transition(uid, 'ready')).toThrow(/cannot go from "queued" to "ready"/);
    store.transition(uid, 'canceled');
    expect(() => store.transition(uid, 'downloading')).toThrow(IllegalTransitionError);
    expect(store.get(uid)?.status.state).toBe('canceled');
    close();
  });

  it('records an error code and text, and clears them when retried', () => {
    const { store, close } = openStore(tempDir());
    const [uid] = store.insertMany(newLinks(1)) as [string];
    store.claimNext('fetch', 30_000);
    store.transition(uid, 'error', {
      releaseLease: true,
      error: { code: 'ERR_FETCH_ORIGIN_ERROR', text: 'The origin answered 404 Not Found three times.' },
    });
    expect(store.get(uid)?.status).toMatchObject({ state: 'error', errorReasonCode: 'ERR_FETCH_ORIGIN_ERROR' });
    store.transition(uid, 'queued');
    expect(store.get(uid)?.status.errorReasonCode).toBeUndefined();
    close();
  });

  it('filters by state, searches name, link and path, and pages', () => {
    const { store, close } = openStore(tempDir());
    store.insertMany(newLinks(30));
    store.insertMany([{ source: { kind: 'file', path: '/home/me/Holiday 100%.mov' }, stage: 'probe' }]);
    const [claimed] = [store.claimNext('fetch', 30_000)];
    expect(store.list({ state: 'downloading' }).videos.map((v) => v.uid)).toEqual([claimed?.video.uid]);
    expect(store.list({ search: 'clip 2' }).total).toBe(1 + 10); // "clip 2" and "clip 20".."clip 29"
    expect(store.list({ search: 'Holiday 100%' }).total).toBe(1);
    expect(store.list({ search: '100%.' }).total).toBe(1);
    expect(store.list({ search: '_' }).total).toBe(0); // LIKE wildcards are literal
    const page = store.list({ asc: true, limit: 10, offset: 10 });
    expect(page.total).toBe(31);
    expect(page.videos.map((v) => v.meta.name)).toEqual(Array.from({ length: 10 }, (_, i) => `clip ${i + 10}`));
    close();
  });

  it('keeps the per-state counts equal to the rows through inserts, claims, transitions and deletes', () => {
    const { store, db, close } = openStore(tempDir());
    const uids = store.insertMany(newLinks(50));
    store.claimNext('fetch', 30_000);
    store.claimNext('fetch', 30_000);
    store.transition(uids[10] as string, 'paused');
    store.transition(uids[11] as string, 'canceled');
    db.prepare('DELETE FROM videos WHERE uid = ?').run(uids[12]);
    store.recoverInFlight(Date.now() + 10 * 60_000); // leases expired: both claims return to queued
    const actual = Object.fromEntries(
      (
        db.prepare('SELECT state, COUNT(*) AS n FROM videos GROUP BY state').all() as { state: string; n: number }[]
      ).map((r) => [r.state, r.n]),
    );
    const counted = Object.fromEntries(Object.entries(store.countByState()).filter(([, n]) => n > 0));
    expect(counted).toEqual(actual);
    expect(counted).toEqual({ queued: 47, paused: 1, canceled: 1 });
    close();
  });
});
