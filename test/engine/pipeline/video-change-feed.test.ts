import { afterEach, describe, expect, it } from 'vitest';
import type { FerryEvents, QueueTotals } from '../../../shared/api';
import { VideoChangeFeed } from '../../../electron/engine/pipeline/video-change-feed';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function feedOver(count: number) {
  const opened = openStore(tempDir());
  const uids = opened.store.insertMany(newLinks(count));
  const messages: { event: keyof FerryEvents; size: number; uids: string[] }[] = [];
  const totals = { total: count } as QueueTotals;
  const feed = new VideoChangeFeed(
    opened.store,
    (event, payload) => {
      const list = event === 'videos' ? (payload as FerryEvents['videos']).map((v) => v.uid) : [];
      messages.push({ event, size: list.length, uids: list });
    },
    () => totals,
  );
  closers.push(() => feed.close(), opened.close);
  return { feed, uids, messages };
}

describe('the change feed', () => {
  it('sends a video that changes every 5 ms at most about ten times a second', async () => {
    const { feed, uids, messages } = feedOver(1);
    const started = Date.now();
    while (Date.now() - started < 1000) {
      feed.touch(uids[0]!);
      await new Promise((r) => setTimeout(r, 5));
    }
    feed.flush();
    const updates = messages.filter((m) => m.event === 'videos');
    expect(updates.length).toBeGreaterThan(3);
    expect(updates.length).toBeLessThanOrEqual(12);
    expect(updates.every((m) => m.size === 1)).toBe(true);
  });

  it('sends a burst of 10,000 changes as ten messages, each video once, then the totals', () => {
    const { feed, uids, messages } = feedOver(10_000);
    for (const uid of uids) feed.touch(uid);
    for (const uid of uids.slice(0, 500)) feed.touch(uid);
    feed.flush();
    const updates = messages.filter((m) => m.event === 'videos');
    expect(updates).toHaveLength(10);
    expect(new Set(updates.flatMap((m) => m.uids)).size).toBe(10_000);
    expect(updates.reduce((n, m) => n + m.size, 0)).toBe(10_000);
    expect(messages.at(-1)?.event).toBe('totals');
  });
});
