import { afterEach, describe, expect, it } from 'vitest';
import type { FerryEvents, QueueTotals } from '../../../shared/api';
import { VideoChangeFeed } from '../../../electron/engine/context/video-change-feed';
import { QueueEdits } from '../../../electron/engine/store/queue-edits';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';
import { until } from '../../helpers/wait-for';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function feedOver(count: number) {
  const opened = openStore(tempDir());
  const messages: { event: keyof FerryEvents; size: number; uids: string[] }[] = [];
  const totals = { total: count } as QueueTotals;
  const feed = new VideoChangeFeed(
    opened.store,
    (event, payload) => {
      const list = event === 'videos' || event === 'removed' ? payloadUids(event, payload) : [];
      messages.push({ event, size: list.length, uids: list });
    },
    () => totals,
  );
  closers.push(() => feed.close(), opened.close);
  const uids = opened.store.insertMany(newLinks(count));
  return { ...opened, feed, uids, messages };
}

function payloadUids(event: 'videos' | 'removed', payload: unknown): string[] {
  return event === 'videos' ? (payload as FerryEvents['videos']).map((v) => v.uid) : (payload as string[]);
}

describe('the change feed', () => {
  it('sends a video that changes every 5 ms at most about ten times a second', async () => {
    const { store, feed, uids, messages } = feedOver(1);
    const started = Date.now();
    for (let pct = 0; Date.now() - started < 1000; pct++) {
      store.setProgress(uids[0]!, pct % 100);
      await new Promise((r) => setTimeout(r, 5));
    }
    feed.flush();
    const updates = messages.filter((m) => m.event === 'videos');
    expect(updates.length).toBeGreaterThan(3);
    expect(updates.length).toBeLessThanOrEqual(12);
    expect(updates.every((m) => m.size === 1)).toBe(true);
  });

  it('sends a burst of 10,000 changes as forty messages, one per turn, each video once, then the totals', async () => {
    const { store, feed, uids, messages } = feedOver(10_000);
    feed.flush();
    await until(() => messages.at(-1)?.event === 'totals', 10_000);
    messages.length = 0;
    for (const uid of uids) store.setProgress(uid, 50);
    for (const uid of uids.slice(0, 500)) store.setProgress(uid, 60);
    feed.flush();
    // Only the first batch is read back at once: the rest wait for their turns.
    expect(messages.filter((m) => m.event === 'videos')).toHaveLength(1);
    await until(() => messages.at(-1)?.event === 'totals', 10_000);
    const updates = messages.filter((m) => m.event === 'videos');
    expect(updates).toHaveLength(40);
    expect(new Set(updates.flatMap((m) => m.uids)).size).toBe(10_000);
    expect(updates.reduce((n, m) => n + m.size, 0)).toBe(10_000);
    expect(messages.at(-1)?.event).toBe('totals');
  });

  it('hears of every commit that changes a video, from the store itself', () => {
    const { db, store, feed, uids, messages } = feedOver(4);
    const [added, claimed, moved, removed] = uids as [string, string, string, string];
    const edits = new QueueEdits(db, store.changes);
    const sent = () => {
      feed.flush();
      return messages.splice(0).flatMap((m) => (m.event === 'videos' ? m.uids : []));
    };
    expect(sent()).toEqual([added, claimed, moved, removed]);

    // A claim, then the stage's outcome committed under that claim.
    expect(store.claimNext('fetch', 60_000)?.video.uid).toBe(added);
    expect(sent()).toEqual([added]);
    store.commitClaimed(added, { state: 'downloading', stage: 'fetch' }, 'queued', {
      stage: 'probe',
      releaseLease: true,
    });
    expect(sent()).toEqual([added]);
    // An outcome that is not committed changes nothing, so nothing is sent.
    store.commitClaimed(claimed, { state: 'downloading', stage: 'fetch' }, 'error', { releaseLease: true });
    expect(sent()).toEqual([]);
    store.transition(claimed, 'paused');
    edits.moveToTop(moved);
    expect(sent().sort()).toEqual([claimed, moved].sort());

    edits.remove([removed]);
    expect(messages.find((m) => m.event === 'removed')?.uids).toEqual([removed]);
    expect(sent()).toEqual([]);
  });
});
