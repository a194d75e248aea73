/**
 * The queue listed in the order it will run, the other sorts, and reordering with `move`, over a
 * real SQLite file: what the list shows first is what claimNext takes first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ListQuery } from '../../../shared/api';
import { QueueEdits } from '../../../electron/engine/store/queue-edits';
import { newLinks, openStore } from '../../helpers/open-store';
import { tempDir } from '../../helpers/temp-dir';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function queueOf(count: number) {
  const opened = openStore(tempDir());
  closers.push(opened.close);
  const uids = opened.store.insertMany(newLinks(count));
  const edits = new QueueEdits(opened.db, opened.store.changes);
  const names = (query: ListQuery = { sort: 'queue' }) =>
    opened.store.list({ limit: 1000, ...query }).videos.map((v) => v.meta.name);
  return { ...opened, uids, edits, names };
}

describe('the queue order', () => {
  it('lists running videos first, then the waiting ones as they will be claimed, then the rest', () => {
    const { store, uids, edits, names } = queueOf(6);
    // The newest waiting video is put first, as the user would with Move to top.
    edits.moveToTop(uids[5]!);
    store.transition(uids[1]!, 'paused');
    store.transition(uids[2]!, 'canceled');
    const claimed = store.claimNext('fetch', 30_000);
    expect(claimed?.video.meta.name).toBe('clip 5');

    expect(names()).toEqual(['clip 5', 'clip 0', 'clip 3', 'clip 4', 'clip 1', 'clip 2']);
    // What the list says runs next is what the run loop takes next.
    expect(store.claimNext('fetch', 30_000)?.video.meta.name).toBe('clip 0');
    // Descending is the same order read from the end.
    expect(names({ sort: 'queue', asc: false })).toEqual([...names()].reverse());
  });

  it('keeps the Cloudflare-compatible newest first when no sort is given', () => {
    const { uids, edits, names } = queueOf(3);
    edits.moveToTop(uids[0]!);
    expect(names({})).toEqual(['clip 2', 'clip 1', 'clip 0']);
    expect(names({ asc: true })).toEqual(['clip 0', 'clip 1', 'clip 2']);
  });

  it('sorts by name, added, size, progress and state, ties kept in queue order', () => {
    const { store, uids, edits, names } = queueOf(4);
    edits.editDoc(uids[0]!, (doc) => ({ ...doc, meta: { ...doc.meta, name: 'Zebra' }, size: 10 }));
    edits.editDoc(uids[1]!, (doc) => ({ ...doc, meta: { ...doc.meta, name: 'apple' }, size: 30 }));
    edits.editDoc(uids[2]!, (doc) => ({ ...doc, meta: { ...doc.meta, name: 'Mango' }, size: 20 }));
    edits.editDoc(uids[3]!, (doc) => ({ ...doc, meta: { ...doc.meta, name: 'banana' } }));
    store.setProgress(uids[2]!, 40);
    store.transition(uids[0]!, 'error');

    expect(names({ sort: 'name' })).toEqual(['apple', 'banana', 'Mango', 'Zebra']);
    expect(names({ sort: 'name', asc: false })).toEqual(['Zebra', 'Mango', 'banana', 'apple']);
    expect(names({ sort: 'added' })).toEqual(['banana', 'Mango', 'apple', 'Zebra']);
    expect(names({ sort: 'size' })[0]).toBe('apple');
    expect(names({ sort: 'progress' })[0]).toBe('Mango');
    expect(names({ sort: 'state' }).at(-1)).toBe('Zebra');
    // A filter and paging apply to the sorted list.
    expect(names({ sort: 'name', state: 'queued', offset: 1, limit: 1 })).toEqual(['banana']);
  });
});

describe('moving a video in the queue', () => {
  it('moves one place up and down among the waiting videos, to either end, and before another', () => {
    const { uids, edits, names } = queueOf(5);
    edits.move({ uid: uids[3]!, to: 'up' });
    expect(names()).toEqual(['clip 0', 'clip 1', 'clip 3', 'clip 2', 'clip 4']);
    edits.move({ uid: uids[0]!, to: 'down' });
    expect(names()).toEqual(['clip 1', 'clip 0', 'clip 3', 'clip 2', 'clip 4']);
    edits.move({ uid: uids[4]!, to: 'top' });
    expect(names()).toEqual(['clip 4', 'clip 1', 'clip 0', 'clip 3', 'clip 2']);
    edits.move({ uid: uids[1]!, to: 'bottom' });
    expect(names()).toEqual(['clip 4', 'clip 0', 'clip 3', 'clip 2', 'clip 1']);
    edits.move({ uid: uids[1]!, before: uids[0]! });
    expect(names()).toEqual(['clip 4', 'clip 1', 'clip 0', 'clip 3', 'clip 2']);
    edits.move({ uid: uids[4]!, before: uids[2]! });
    expect(names()).toEqual(['clip 1', 'clip 0', 'clip 3', 'clip 4', 'clip 2']);
  });

  it('does nothing past either end, and answers false for a video that does not exist', () => {
    const { uids, edits, names } = queueOf(3);
    expect(edits.move({ uid: uids[0]!, to: 'up' })).toBe(true);
    expect(edits.move({ uid: uids[2]!, to: 'down' })).toBe(true);
    expect(names()).toEqual(['clip 0', 'clip 1', 'clip 2']);
    expect(edits.move({ uid: 'f'.repeat(32), to: 'top' })).toBe(false);
    expect(edits.move({ uid: uids[0]!, before: 'f'.repeat(32) })).toBe(false);
  });

  it('moves up past the video above among the waiting ones only, not into the running', () => {
    const { store, uids, edits, names } = queueOf(3);
    store.claimNext('fetch', 30_000);
    edits.move({ uid: uids[1]!, to: 'up' });
    expect(names()).toEqual(['clip 0', 'clip 1', 'clip 2']);
    edits.move({ uid: uids[2]!, to: 'up' });
    expect(names()).toEqual(['clip 0', 'clip 2', 'clip 1']);
    // The run loop agrees.
    expect(store.claimNext('fetch', 30_000)?.video.meta.name).toBe('clip 2');
  });

  it('keeps a long queue in order when a video moves into its middle', () => {
    const { uids, edits, names } = queueOf(200);
    edits.move({ uid: uids[150]!, before: uids[40]! });
    edits.move({ uid: uids[10]!, before: uids[180]! });
    const expected = uids.map((_, i) => `clip ${i}`).filter((name) => name !== 'clip 150' && name !== 'clip 10');
    expected.splice(expected.indexOf('clip 40'), 0, 'clip 150');
    expected.splice(expected.indexOf('clip 180'), 0, 'clip 10');
    expect(names()).toEqual(expected);
  });
});
